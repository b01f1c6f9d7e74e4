#!/usr/bin/env bash
# The shared Git remote of a browser-test run with several backend replicas:
# a bare repository made from a seeded working copy (scripts/seed-sample.sh),
# which every replica clones and pushes its writes to.
#
#   scripts/e2e-git-remote.sh <working copy> <bare repository>
#
# Its pre-receive and post-receive hooks let a test hold a push at either
# point, to stop a replica in the middle of a write: while the file
# hold-<hook> exists in the bare repository, a push waits in that hook (at
# most five minutes) and the file held-<hook> says that one is waiting.
# Held in pre-receive, the branch has not moved yet; held in post-receive, it
# has, but the replica has not heard so.
set -euo pipefail

source_repo="$1"
remote="$2"

rm -rf "$remote"
git clone --quiet --bare "$source_repo" "$remote"
git -C "$remote" remote remove origin
# the remote orders the replicas' writes; history only grows
git -C "$remote" config receive.denyNonFastForwards true
git -C "$remote" config receive.denyDeletes true

for hook in pre-receive post-receive; do
  cat >"$remote/hooks/$hook" <<'HOOK'
#!/bin/sh
# Holds a push while hold-<hook> exists (see scripts/e2e-git-remote.sh).
# Hooks of a bare repository run in the repository itself.
cat >/dev/null
hook="$(basename "$0")"
[ -e "hold-$hook" ] || exit 0
: >"held-$hook"
waited=0
while [ -e "hold-$hook" ] && [ "$waited" -lt 3000 ]; do
  sleep 0.1
  waited=$((waited + 1))
done
rm -f "held-$hook"
HOOK
  chmod +x "$remote/hooks/$hook"
done
