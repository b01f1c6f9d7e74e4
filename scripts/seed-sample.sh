#!/usr/bin/env bash
# Seeds the GitOps working copy of the sample organization that app-config.yaml
# points at (.data/gitops/acme) from examples/acme, as a git repository, so the
# portal can commit its writes there without touching this repository's files.
# Idempotent: an existing working copy is kept (it holds what you did in the
# portal); when examples/acme changed since it was seeded, this says so.
# Delete .data/ to reseed. CHOREO_DATA_DIR (an absolute path) moves the data
# elsewhere; app-config.yaml reads the same variable (the browser tests use a
# fresh one per run).
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="${CHOREO_DATA_DIR:-.data}"
target="$data_dir/gitops"
fingerprint() { (cd examples/acme && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }

if [ -d "$target/.git" ]; then
  if [ "$(cat "$target/.seeded-from" 2>/dev/null)" != "$(fingerprint)" ]; then
    echo "note: examples/acme changed since $target was seeded; delete $data_dir/ to start from the new sample"
  fi
  exit 0
fi

mkdir -p "$target"
cp -R examples/acme "$target/acme"
fingerprint >"$target/.seeded-from"
printf '.seeded-from\n' >"$target/.gitignore"
git -C "$target" init -q -b main
git -C "$target" add -A
git -C "$target" -c user.name="Choreo for Backstage" -c user.email="choreo@localhost" \
  commit -q -m "Seed the sample organization from examples/acme"
echo "seeded $target/acme from examples/acme (a git repository; delete $data_dir/ to reset)"
