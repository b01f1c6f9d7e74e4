#!/usr/bin/env bash
# Browser tests of the portal, end to end: starts the portal exactly as a
# newcomer does (`./run start`, the embedded sample organization), waits until
# the backend, the frontend and the catalog's Choreo entities are there, runs
# the Playwright tests (packages/app/e2e-tests) in Debian's Chromium, and stops
# the portal again, whatever happens.
#
#   scripts/e2e.sh [playwright test args...]
#
# Output: e2e-test-report/ (portal.log, screenshots/, html/ report,
# results.json for scripts/print-test-summary.js). Only Playwright writes to
# stdout; everything else goes to stderr.
# Exits with Playwright's status; 1 when the portal does not come up.
#
# E2E_PORTAL_COMMAND replaces `./run start` (a shell command line), e.g. to
# skip its dependency check while someone else changes yarn.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh

REPORT=e2e-test-report
LOG="$REPORT/portal.log"
FRONTEND=http://localhost:3000
BACKEND=http://localhost:7007
PORTS=(3000 7007)
# Cold start: dependencies, the backend's first build and the frontend's first
# bundle. Seen here: a few minutes on 2 cores.
READY_TIMEOUT="${E2E_READY_TIMEOUT:-480}"
CATALOG_TIMEOUT="${E2E_CATALOG_TIMEOUT:-180}"

log() { printf 'e2e: %s\n' "$*" >&2; }

listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

scripts/ensure-chromium.sh >&2

for port in "${PORTS[@]}"; do
  if listening "$port"; then
    log "port $port is already in use; stop whatever listens there (ss -ltnp 'sport = :$port') and run again."
    log "(To test a portal you started yourself, run 'yarn playwright test' instead.)"
    exit 1
  fi
done

rm -rf "$REPORT"
mkdir -p "$REPORT/screenshots"

# The tests promote and write: each run starts from a fresh copy of the
# sample organization, so they can run again and your .data/ stays as it is.
export CHOREO_DATA_DIR="$PWD/.data-e2e"
rm -rf "$CHOREO_DATA_DIR"

portal_pid=
stop_portal() {
  [ -n "$portal_pid" ] || return 0
  log "stopping the portal (process group $portal_pid)"
  kill -TERM -- "-$portal_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 -- "-$portal_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$portal_pid" 2>/dev/null || true
  # The ports were free when we started, so whatever listens there now is ours
  # (a child that left the process group).
  local port pids
  for port in "${PORTS[@]}"; do
    pids="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true)"
    if [ -n "$pids" ]; then
      log "port $port still open after stop; killing $(echo "$pids" | tr '\n' ' ')"
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
  done
  portal_pid=
}
trap stop_portal EXIT
trap 'exit 130' INT TERM

fail_with_log() {
  log "$*"
  log "last lines of $LOG:"
  tail -n 60 "$LOG" >&2 || true
  exit 1
}

started=$(date +%s)
elapsed() { echo $(($(date +%s) - started)); }

portal_command="${E2E_PORTAL_COMMAND:-./run start}"
log "starting the portal: $portal_command (output in $LOG)"
# Its own session and process group, so the whole tree stops together.
setsid bash -c "$portal_command" </dev/null >"$LOG" 2>&1 &
portal_pid=$!

# In development the backend runs under a watcher that outlives a crashed
# backend, so a failed start shows only in the log.
backend_crashed() {
  grep -qE 'Backend startup failed|^Node\.js v[0-9]+' "$LOG"
}

# Waits until `check` succeeds, the portal dies, or `timeout` seconds pass.
wait_for() {
  local what="$1" timeout="$2"
  shift 2
  until "$@"; do
    kill -0 "$portal_pid" 2>/dev/null || fail_with_log "the portal exited before $what was ready"
    ! backend_crashed || fail_with_log "the backend crashed while starting"
    [ "$(elapsed)" -lt "$timeout" ] || fail_with_log "$what not ready after ${timeout}s"
    sleep 3
  done
  log "$what ready after $(elapsed)s"
}

http_ok() { curl -fsS -o /dev/null --max-time 10 "$1" 2>/dev/null; }

wait_for "backend ($BACKEND)" "$READY_TIMEOUT" http_ok "$BACKEND/.backstage/health/v1/readiness"
wait_for "frontend ($FRONTEND)" "$READY_TIMEOUT" http_ok "$FRONTEND"

# The catalog API wants a user token; the sample sign-in hands one out in
# development, just as the sign-in page gets it when you pick a person (it
# works once the catalog has read the people of examples/backstage-org.yaml).
sample_person_token() {
  curl -fsS --max-time 10 -H 'X-Requested-With: XMLHttpRequest' \
    -H 'x-choreo-sample-user: user:default/paula.payments' \
    "$BACKEND/api/auth/sample/refresh" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(JSON.parse(s).backstageIdentity.token)}catch{}})'
}

# The sample organization's Domain is emitted together with the rest of it.
choreo_entities_in_catalog() {
  local token count
  token="$(sample_person_token)"
  [ -n "$token" ] || return 1
  count="$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" \
    "$BACKEND/api/catalog/entities/by-query?filter=kind=domain,metadata.namespace=acme&limit=1" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(String(JSON.parse(s).items.length))}catch{process.stdout.write("0")}})')"
  [ "${count:-0}" -gt 0 ]
}

wait_for "catalog (Choreo entities of the sample organization)" \
  $(($(elapsed) + CATALOG_TIMEOUT)) choreo_entities_in_catalog

log "portal ready after $(elapsed)s; running the browser tests"
restarts_before="$(grep -c 'Change detected, restarting' "$LOG" || true)"
status=0
yarn playwright test "$@" || status=$?
# The dev backend restarts when a source file changes, and its in-memory
# catalog starts empty again: say so, since the failures will not.
restarts="$(($(grep -c 'Change detected, restarting' "$LOG" || true) - restarts_before))"
if [ "$restarts" -gt 0 ]; then
  log "warning: the backend restarted $restarts time(s) during the tests because source files changed; its catalog was empty for a while each time"
fi
log "playwright exited with $status; report: $REPORT/html/index.html, screenshots: $REPORT/screenshots/"
exit "$status"
