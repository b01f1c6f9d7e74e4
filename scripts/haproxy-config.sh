#!/usr/bin/env bash
# Prints an HAProxy configuration for the portal's backend replicas, as a
# load balancer in front of a real deployment would have it:
#
#   scripts/haproxy-config.sh <listen port> <name>=<port> [<name>=<port>...]
#
# - Health checks on Backstage's readiness endpoint; a replica that stops
#   answering leaves the rotation within about three seconds.
# - Round robin without stickiness: sign-in state, sessions and signing keys
#   must live in the database, not in one replica.
# - A request is sent again only when the connection to a replica failed,
#   and then to another one; a request a replica may have started (a write
#   waiting for its push) is never re-sent.
# - Event streams: the backend sends a comment every 15 s, so two minutes of
#   silence is a dead stream; upgraded connections (WebSocket) last an hour.
# - Every answer names the replica that gave it (X-Choreo-Replica), so tests
#   can tell which replica serves a stream.
# - Logs to stdout, one line per request.
set -euo pipefail

listen_port="$1"
shift

cat <<EOF
global
  log stdout format raw local0 info
  maxconn 512

defaults
  mode http
  log global
  option httplog
  option dontlognull
  option forwardfor
  timeout connect 2s
  timeout http-request 30s
  timeout queue 30s
  timeout client 120s
  timeout server 120s
  timeout tunnel 1h
  retries 3
  retry-on conn-failure
  option redispatch 1

frontend portal
  bind 127.0.0.1:$listen_port
  default_backend replicas

backend replicas
  balance roundrobin
  option httpchk GET /.backstage/health/v1/readiness
  http-check expect status 200
  default-server inter 2s fastinter 500ms downinter 1s fall 2 rise 2
  http-response set-header X-Choreo-Replica %[srv_name]
EOF
for replica in "$@"; do
  printf '  server %s 127.0.0.1:%s check\n' "${replica%%=*}" "${replica#*=}"
done
