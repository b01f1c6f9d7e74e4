#!/usr/bin/env bash
# Browser tests of the production build: builds the backend bundle (with the
# app), starts the test OpenID Provider (packages/test-idp) and a throwaway
# PostgreSQL (scripts/with-postgres.sh), starts the portal with
# scripts/start-production.sh (NODE_ENV=production, app-config.yaml +
# app-config.production.yaml, a fresh copy of the sample organization as its
# GitOps directory, its people and teams without memberships as the org file,
# so teams come from the IdP), waits until the catalog has the Choreo entities, runs the
# Playwright tests of packages/app/e2e-tests/production in Debian's Chromium,
# and stops everything again, whatever happens.
#
#   scripts/e2e-production.sh [playwright test args...]
#
# Output: e2e-test-report/production/ (build.log, idp.log, portal.log,
# screenshots/, html/, results.json for scripts/print-test-summary.js).
# Only Playwright writes to stdout. Exits with Playwright's status; 1 when the
# build, the IdP or the portal does not come up.
#
# E2E_PRODUCTION_PORT (default 7017) is the portal's port, so a development
# portal on :7007 can keep running. SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

# PostgreSQL first: the rest runs inside scripts/with-postgres.sh.
if [ -z "${E2E_PRODUCTION_WITH_POSTGRES:-}" ]; then
  export E2E_PRODUCTION_WITH_POSTGRES=1
  exec scripts/with-postgres.sh "$0" "$@"
fi

# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh

REPORT=e2e-test-report/production
WORK="$PWD/.cache/e2e-production"
PORT="${E2E_PRODUCTION_PORT:-7017}"
PORTAL="http://localhost:$PORT"
READY_TIMEOUT="${E2E_READY_TIMEOUT:-240}"
CATALOG_TIMEOUT="${E2E_CATALOG_TIMEOUT:-180}"

log() { printf 'e2e-production: %s\n' "$*" >&2; }
started=$(date +%s)
elapsed() { echo $(($(date +%s) - started)); }

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-}" ]; then
  log "no PostgreSQL to run the production build against (scripts/with-postgres.sh found none; apt-get install postgresql)"
  exit 1
fi

scripts/ensure-chromium.sh >&2

if ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q .; then
  log "port $PORT is already in use; stop whatever listens there or set E2E_PRODUCTION_PORT"
  exit 1
fi

rm -rf "$REPORT" "$WORK"
mkdir -p "$REPORT/screenshots" "$WORK"

idp_pid=
portal_pid=
stop_all() {
  local pid
  for pid in "$portal_pid" "$idp_pid"; do
    [ -n "$pid" ] || continue
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  portal_pid=
  idp_pid=
}
trap stop_all EXIT
trap 'exit 130' INT TERM

fail_with_log() {
  local file="$1"
  shift
  log "$*"
  log "last lines of $file:"
  tail -n 60 "$file" >&2 || true
  exit 1
}

# 1. The production build: the backend bundle and, as its dependency, the app.
if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building the production bundle (output in $REPORT/build.log)"
  yarn build:backend >"$REPORT/build.log" 2>&1 ||
    fail_with_log "$REPORT/build.log" "yarn build:backend failed"
  log "built after $(elapsed)s"
fi

# 2. The test IdP, with its one client: this portal.
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
client_secret="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
# Leo's IdP session lasts 20 seconds, so a test can watch it expire while
# everyone else stays signed in.
setsid node --require @backstage/cli/config/nodeTransform.cjs packages/test-idp/src/cli.ts \
  --port "$(free_port)" \
  --client-id backstage --client-secret "$client_secret" \
  --redirect-uri "$PORTAL/api/auth/oidc/handler/frame" \
  --session-lifetime-for leo.logistics=20 \
  >"$WORK/idp.json" 2>"$REPORT/idp.log" </dev/null &
idp_pid=$!
for _ in $(seq 1 60); do
  [ -s "$WORK/idp.json" ] && break
  kill -0 "$idp_pid" 2>/dev/null || fail_with_log "$REPORT/idp.log" "the test IdP exited"
  sleep 0.5
done
[ -s "$WORK/idp.json" ] || fail_with_log "$REPORT/idp.log" "the test IdP did not start"
read_json() { node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(String(j[process.argv[2]]))' "$@"; }
issuer="$(read_json "$WORK/idp.json" issuer)"
log "test IdP at $issuer"

# 3. A fresh copy of the sample organization as the GitOps directory, and its
# people and teams without their memberships: in this run, who is in which
# team comes from the IdP's groups claim alone, as the tests check.
CHOREO_DATA_DIR="$WORK" scripts/seed-sample.sh >&2
sed -E 's/^(  members:) \[.*\]$/\1 []/' examples/backstage-org.yaml >"$WORK/org-without-memberships.yaml"
if grep -qE '^  members: \[[^]]' "$WORK/org-without-memberships.yaml"; then
  log "could not drop the memberships of examples/backstage-org.yaml"
  exit 1
fi

# 4. The portal, as production runs it.
pg_url="$BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING"
url_part() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(decodeURIComponent(u[process.argv[2]]))' "$pg_url" "$1"; }
# Only for the readiness probe below: a static token the catalog accepts from a
# service, since nobody is signed in yet.
probe_token="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
(
  export APP_BASE_URL="$PORTAL" BACKEND_BASE_URL="$PORTAL"
  export BACKEND_LISTEN_HOST=127.0.0.1 BACKEND_LISTEN_PORT="$PORT"
  export AUTH_SESSION_SECRET="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
  export OIDC_METADATA_URL="$issuer/.well-known/openid-configuration"
  export OIDC_CLIENT_ID=backstage OIDC_CLIENT_SECRET="$client_secret"
  export OIDC_ADDITIONAL_SCOPES=groups OIDC_TITLE="Acme test IdP"
  export POSTGRES_HOST="$(url_part hostname)" POSTGRES_PORT="$(url_part port)"
  export POSTGRES_USER="$(url_part username)" POSTGRES_PASSWORD="$(url_part password)"
  export CHOREO_SOURCE_TYPE=directory CHOREO_SOURCE_NAME=acme
  export CHOREO_GITOPS_DIR="$WORK/gitops/acme"
  export CATALOG_ORG_FILE="$WORK/org-without-memberships.yaml"
  export APP_CONFIG_backend_auth_externalAccess="[{\"type\":\"static\",\"options\":{\"token\":\"$probe_token\",\"subject\":\"e2e-readiness-probe\"}}]"
  export PRODUCTION_DIR="$WORK/portal" SKIP_BUILD=1
  exec setsid scripts/start-production.sh
) >"$REPORT/portal.log" 2>&1 </dev/null &
portal_pid=$!

wait_for() {
  local what="$1" timeout="$2"
  shift 2
  until "$@"; do
    kill -0 "$portal_pid" 2>/dev/null || fail_with_log "$REPORT/portal.log" "the portal exited before $what was ready"
    [ "$(elapsed)" -lt "$timeout" ] || fail_with_log "$REPORT/portal.log" "$what not ready after ${timeout}s"
    sleep 2
  done
  log "$what ready after $(elapsed)s"
}
http_ok() { curl -fsS -o /dev/null --max-time 10 "$1" 2>/dev/null; }
choreo_entities_in_catalog() {
  local count
  count="$(curl -fsS --max-time 10 -H "Authorization: Bearer $probe_token" \
    "$PORTAL/api/catalog/entities/by-query?filter=kind=domain,metadata.namespace=acme&limit=1" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(String(JSON.parse(s).items.length))}catch{process.stdout.write("0")}})')"
  [ "${count:-0}" -gt 0 ]
}
wait_for "portal ($PORTAL)" $(($(elapsed) + READY_TIMEOUT)) http_ok "$PORTAL/.backstage/health/v1/readiness"
wait_for "catalog (Choreo entities of the sample organization)" \
  $(($(elapsed) + CATALOG_TIMEOUT)) choreo_entities_in_catalog

# 5. The browser tests.
log "running the browser tests against $PORTAL"
status=0
E2E_TARGET=production PLAYWRIGHT_URL="$PORTAL" E2E_TEST_IDP_ISSUER="$issuer" \
  yarn playwright test "$@" || status=$?
log "playwright exited with $status after $(elapsed)s; report: $REPORT/html/index.html, screenshots: $REPORT/screenshots/"
exit "$status"
