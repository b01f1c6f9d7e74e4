#!/usr/bin/env bash
# Every check the project has, in the order that fails fastest. Called by
# `./run test` (with the toolchain on PATH) and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "type check"
yarn tsc

step "lint"
yarn backstage-cli repo lint

step "unit and integration tests"
results="$(mktemp -d)/jest.json"
status=0
CI=true yarn backstage-cli repo test --json --outputFile="$results" || status=$?
node scripts/print-test-summary.js "$results"
exit "$status"
