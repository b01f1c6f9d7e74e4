#!/usr/bin/env bash
# Seeds the GitOps working copy of the sample organization that app-config.yaml
# points at (.data/gitops/acme) from examples/acme, as a git repository, so the
# portal can commit its writes there without touching this repository's files.
# Idempotent: an existing working copy is left as it is (delete .data/ to reset).
set -euo pipefail
cd "$(dirname "$0")/.."

target=.data/gitops
[ -d "$target/.git" ] && exit 0

mkdir -p "$target"
cp -R examples/acme "$target/acme"
git -C "$target" init -q -b main
git -C "$target" add -A
git -C "$target" -c user.name="Choreo for Backstage" -c user.email="choreo@localhost" \
  commit -q -m "Seed the sample organization from examples/acme"
echo "seeded $target/acme from examples/acme (a git repository; delete .data/ to reset)"
