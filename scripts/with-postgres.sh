#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback, so the
# database tests run on PostgreSQL as well as SQLite. Uses Debian's PostgreSQL
# (installed with apt-get when missing and we are root) and exports the
# connection string Backstage's TestDatabases reads. Without a server (not root,
# not installed) the command runs on SQLite alone and says so.
#   scripts/with-postgres.sh <command...>
set -euo pipefail

if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-}" ]; then
  exec "$@"
fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing Debian's postgresql" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$pg_bin" ]; then
  echo "with-postgres: no PostgreSQL found (apt-get install postgresql); database tests run on SQLite only" >&2
  exec "$@"
fi

# PostgreSQL refuses to run as root: use the postgres system user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

data="$(mktemp -d /tmp/choreo-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$data"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_pg "$pg_bin/initdb" -D "$data/db" -U postgres --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$data/db" -l "$data/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null
stop() { as_pg "$pg_bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"; }
trap stop EXIT
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

export BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$port/postgres"
status=0
"$@" || status=$?
exit "$status"
