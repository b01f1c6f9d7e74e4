#!/usr/bin/env bash
# Browser tests of the production build, scaled out as a deployment would be:
# builds the backend bundle (with the app), starts the test OpenID Provider
# (packages/test-idp) and a throwaway PostgreSQL (scripts/with-postgres.sh),
# makes the sample organization a bare Git repository
# (scripts/e2e-git-remote.sh), starts two backend replicas with
# scripts/start-production.sh (NODE_ENV=production, app-config.yaml +
# app-config.production.yaml; one database, one session secret, each its own
# clone of the Git remote, the sample's people and teams without memberships
# as the org file, so teams come from the IdP) behind HAProxy
# (scripts/haproxy-config.sh), waits until the catalog has the Choreo
# entities, runs the Playwright tests of packages/app/e2e-tests/production in
# Debian's Chromium against the load balancer, and stops everything again,
# whatever happens.
#
#   scripts/e2e-production.sh [playwright test args...]
#
# Output: e2e-test-report/production/ (build.log, idp.log, portal-a.log,
# portal-b.log, haproxy.log, screenshots/, html/, results.json for
# scripts/print-test-summary.js). Only Playwright writes to stdout. Exits with
# Playwright's status; 1 when the build, the IdP, a replica or the load
# balancer does not come up.
#
# E2E_PRODUCTION_PORT (default 7017) is the load balancer's port, so a
# development portal on :7007 can keep running; the replicas listen on free
# ports of loopback. SKIP_BUILD=1 reuses the last build.
#
# What the tests get (besides PLAYWRIGHT_URL, the load balancer, and
# E2E_TEST_IDP_ISSUER):
#   E2E_REPLICAS                  the replicas' names: "a b"
#   E2E_REPLICA_<NAME>_URL        a replica's own URL, past the load balancer
#   E2E_REPLICA_<NAME>_PID_FILE   the PID of its process group (kill -KILL -- -<pid>)
#   E2E_REPLICA_<NAME>_START      starts it again after a kill, in the
#                                 background (returns at once; the PID file
#                                 names the new process)
#   E2E_REPLICA_<NAME>_CLONE      its clone of the Git remote
#   E2E_GIT_REMOTE                the bare repository the replicas push to;
#                                 hold-pre-receive / hold-post-receive there
#                                 hold pushes (scripts/e2e-git-remote.sh)
# Every answer through the load balancer names its replica in the
# X-Choreo-Replica header.
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
scripts/ensure-haproxy.sh >&2

if ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q .; then
  log "port $PORT is already in use; stop whatever listens there or set E2E_PRODUCTION_PORT"
  exit 1
fi

rm -rf "$REPORT" "$WORK"
mkdir -p "$REPORT/screenshots" "$WORK"

REPLICAS=(a b)
replica_dir() { echo "$WORK/replicas/$1"; }
# The replicas' PIDs are read from their PID files when stopping: the tests
# kill replicas and start them again.
replica_pids() {
  local name
  for name in "${REPLICAS[@]}"; do
    cat "$(replica_dir "$name")/pid" 2>/dev/null || true
  done
}
idp_pid=
haproxy_pid=
# Stops process groups: TERM, up to ten seconds, then KILL.
stop_groups() {
  local pid alive
  for pid in "$@"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    alive=
    for pid in "$@"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.5
  done
  for pid in "$@"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
stop_all() {
  # shellcheck disable=SC2046 # one PID per word
  stop_groups $haproxy_pid $(replica_pids) $idp_pid
  haproxy_pid=
  idp_pid=
  rm -f "$WORK"/replicas/*/pid
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

# 3. The sample organization as the replicas' Git remote: seeded as a
# working copy, made a bare repository they clone and push to. Its people and
# teams without their memberships: in this run, who is in which team comes
# from the IdP's groups claim alone, as the tests check.
CHOREO_DATA_DIR="$WORK" scripts/seed-sample.sh >&2
REMOTE="$WORK/remote.git"
scripts/e2e-git-remote.sh "$WORK/gitops" "$REMOTE"
sed -E 's/^(  members:) \[.*\]$/\1 []/' examples/backstage-org.yaml >"$WORK/org-without-memberships.yaml"
if grep -qE '^  members: \[[^]]' "$WORK/org-without-memberships.yaml"; then
  log "could not drop the memberships of examples/backstage-org.yaml"
  exit 1
fi

# 4. The replicas, as production runs them: one database, one session
# secret, the load balancer's URL as their own, each its own port, bundle
# directory and clone of the remote. Each gets a start script (the tests use
# it to bring a killed replica back), which starts the replica in a session of
# its own and writes its PID.
pg_url="$BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING"
url_part() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(decodeURIComponent(u[process.argv[2]]))' "$pg_url" "$1"; }
random_secret() { node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))'; }
# Only for the readiness probe below: a static token the catalog accepts from a
# service, since nobody is signed in yet.
probe_token="$(random_secret)"
session_secret="$(random_secret)"
shared_env=(
  APP_BASE_URL="$PORTAL" BACKEND_BASE_URL="$PORTAL"
  BACKEND_LISTEN_HOST=127.0.0.1
  AUTH_SESSION_SECRET="$session_secret"
  OIDC_METADATA_URL="$issuer/.well-known/openid-configuration"
  OIDC_CLIENT_ID=backstage OIDC_CLIENT_SECRET="$client_secret"
  OIDC_ADDITIONAL_SCOPES=groups OIDC_TITLE="Acme test IdP"
  POSTGRES_HOST="$(url_part hostname)" POSTGRES_PORT="$(url_part port)"
  POSTGRES_USER="$(url_part username)" POSTGRES_PASSWORD="$(url_part password)"
  CATALOG_ORG_FILE="$WORK/org-without-memberships.yaml"
  APP_CONFIG_backend_auth_externalAccess="[{\"type\":\"static\",\"options\":{\"token\":\"$probe_token\",\"subject\":\"e2e-readiness-probe\"}}]"
  # The network flows of the sample, as development has them (app-config.yaml).
  APP_CONFIG_choreo_hubble="{\"file\":\"$WORK/gitops/acme/flows.jsonl\"}"
  SKIP_BUILD=1
)
lb_servers=()
replica_env=()
for name in "${REPLICAS[@]}"; do
  dir="$(replica_dir "$name")"
  port="$(free_port)"
  while [[ " ${lb_servers[*]} " == *"=$port "* ]]; do port="$(free_port)"; done
  upper="$(tr '[:lower:]' '[:upper:]' <<<"$name")"
  mkdir -p "$dir"
  lb_servers+=("$name=$port")
  replica_env+=(
    "E2E_REPLICA_${upper}_URL=http://127.0.0.1:$port"
    "E2E_REPLICA_${upper}_PID_FILE=$dir/pid"
    "E2E_REPLICA_${upper}_START=$dir/start.sh"
    "E2E_REPLICA_${upper}_CLONE=$dir/gitops"
  )
  # The one directory source, following the remote; replicas see each
  # other's writes within seconds.
  sources="[{\"type\":\"directory\",\"name\":\"acme\",\"path\":\"$dir/gitops\",\"git\":{\"remote\":{\"url\":\"$REMOTE\",\"fetchInterval\":{\"seconds\":5}}}}]"
  {
    echo '#!/usr/bin/env bash'
    echo "# Starts replica $name of scripts/e2e-production.sh in the background."
    echo 'set -euo pipefail'
    printf 'cd %q\n' "$PWD"
    for assignment in "${shared_env[@]}" BACKEND_LISTEN_PORT="$port" \
      PRODUCTION_DIR="$dir/portal" APP_CONFIG_choreo_sources="$sources"; do
      printf 'export %s=%q\n' "${assignment%%=*}" "${assignment#*=}"
    done
    printf 'log=%q\n' "$PWD/$REPORT/portal-$name.log"
    echo 'printf "\n=== replica %s starts at %s\n" '"$name"' "$(date -u +%FT%TZ)" >>"$log"'
    echo 'setsid scripts/start-production.sh >>"$log" 2>&1 </dev/null &'
    printf 'echo "$!" >%q\n' "$dir/pid"
  } >"$dir/start.sh"
  chmod 700 "$dir/start.sh"
done

# 5. The load balancer in front of them, then the replicas (below).
scripts/haproxy-config.sh "$PORT" "${lb_servers[@]}" >"$WORK/haproxy.cfg"
haproxy -c -q -f "$WORK/haproxy.cfg" >"$REPORT/haproxy.log" 2>&1 ||
  fail_with_log "$REPORT/haproxy.log" "the HAProxy configuration ($WORK/haproxy.cfg) is not valid"
setsid haproxy -db -f "$WORK/haproxy.cfg" >>"$REPORT/haproxy.log" 2>&1 </dev/null &
haproxy_pid=$!

replica_log() { echo "$REPORT/portal-$1.log"; }
started_replicas=()
all_running() {
  local name
  kill -0 "$haproxy_pid" 2>/dev/null || fail_with_log "$REPORT/haproxy.log" "HAProxy exited"
  for name in "${started_replicas[@]}"; do
    kill -0 "$(cat "$(replica_dir "$name")/pid")" 2>/dev/null ||
      fail_with_log "$(replica_log "$name")" "replica $name exited"
  done
}
# wait_for <what> <deadline (s of this run)> <log to show when late> <test...>
wait_for() {
  local what="$1" timeout="$2" late_log="$3"
  shift 3
  until "$@"; do
    all_running
    [ "$(elapsed)" -lt "$timeout" ] || fail_with_log "$late_log" "$what not ready after ${timeout}s"
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
# Both replicas answer through the load balancer (it took both into rotation).
lb_uses_all() {
  local name served=" "
  for _ in $(seq 1 $((${#REPLICAS[@]} * 4))); do
    served+="$(curl -fsS -o /dev/null -D - --max-time 10 "$PORTAL/.backstage/health/v1/readiness" 2>/dev/null |
      tr -d '\r' | sed -n 's/^x-choreo-replica: //Ip') "
  done
  for name in "${REPLICAS[@]}"; do
    [[ "$served" == *" $name "* ]] || return 1
  done
}
# One after the other: at start-up Backstage migrates every plugin's tables,
# and two backends migrating an empty database at once fail on knex's
# migration lock (MigrationLocked). The first replica migrates alone, as the
# first pod of a rolling deployment does.
for i in "${!REPLICAS[@]}"; do
  name="${REPLICAS[$i]}"
  "$(replica_dir "$name")/start.sh"
  started_replicas+=("$name")
  wait_for "replica $name (${lb_servers[$i]#*=})" $(($(elapsed) + READY_TIMEOUT)) \
    "$(replica_log "$name")" http_ok "http://127.0.0.1:${lb_servers[$i]#*=}/.backstage/health/v1/readiness"
done
wait_for "load balancer ($PORTAL)" $(($(elapsed) + 30)) "$REPORT/haproxy.log" lb_uses_all
wait_for "catalog (Choreo entities of the sample organization)" \
  $(($(elapsed) + CATALOG_TIMEOUT)) "$(replica_log "${REPLICAS[0]}")" choreo_entities_in_catalog

# 6. The browser tests.
log "running the browser tests against $PORTAL"
status=0
env "${replica_env[@]}" E2E_REPLICAS="${REPLICAS[*]}" E2E_GIT_REMOTE="$REMOTE" \
  E2E_TARGET=production PLAYWRIGHT_URL="$PORTAL" E2E_TEST_IDP_ISSUER="$issuer" \
  yarn playwright test "$@" || status=$?
log "playwright exited with $status after $(elapsed)s; report: $REPORT/html/index.html, screenshots: $REPORT/screenshots/"
exit "$status"
