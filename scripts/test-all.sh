#!/usr/bin/env bash
# Every check the project has, in the order that fails fastest. Called by
# `./run test` (with the toolchain on PATH) and by .ci/run.
#   1. type check          4. unit and integration tests (Jest; database tests
#   2. lint                   on SQLite and on a throwaway PostgreSQL)
#   3. the real Kubernetes 5. browser tests of the portal started with
#      binaries (built once,  `./run start` (Playwright, Debian's Chromium)
#      cached)             6. browser tests of the production build: OIDC
#                             sign-in through the test IdP, on PostgreSQL
# Ends with one line "N passed, N failed, N skipped" over all tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }
reports="$(mktemp -d)"

step "type check"
yarn tsc

step "lint"
yarn backstage-cli repo lint

step "real Kubernetes test binaries (kube-apiserver, etcd, OpenChoreo manager and API)"
if [ -n "${KUBEBUILDER_ASSETS:-}" ]; then
  echo "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS for kube-apiserver and etcd"
  packages/kube-testenv/scripts/build-binaries.sh openchoreo-manager openchoreo-api
else
  packages/kube-testenv/scripts/build-binaries.sh
fi

step "real Git servers for the GitOps remote tests (lighttpd, sshd)"
scripts/ensure-git-servers.sh || echo "the GitOps remote tests will fail without them" >&2

step "unit and integration tests"
status=0
CI=true scripts/with-postgres.sh \
  yarn backstage-cli repo test --json --outputFile="$reports/jest.json" || status=$?

step "browser tests"
e2e_status=0
scripts/e2e.sh || e2e_status=$?

step "browser tests of the production build (OIDC sign-in)"
production_status=0
scripts/e2e-production.sh || production_status=$?

node scripts/print-test-summary.js "$reports/jest.json" \
  e2e-test-report/results.json e2e-test-report/production/results.json
[ "$status" = 0 ] && [ "$e2e_status" = 0 ] && [ "$production_status" = 0 ]
