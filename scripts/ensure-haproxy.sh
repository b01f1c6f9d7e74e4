#!/usr/bin/env bash
# Makes sure Debian's HAProxy is on the PATH: scripts/e2e-production.sh puts
# it in front of two backend replicas, as a load balancer of a real
# deployment would be.
#
# Installs the `haproxy` package with apt-get when it is missing and we are
# root; otherwise says what to install and fails.
set -euo pipefail

if command -v haproxy >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-haproxy: haproxy is missing. Install Debian's HAProxy as root:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y haproxy" >&2
  exit 1
fi

echo "ensure-haproxy: installing Debian's haproxy package (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (e.g. an unattended upgrade) instead of failing on its lock.
apt_opts=(-q -o DPkg::Lock::Timeout=600)
apt-get "${apt_opts[@]}" update
apt-get "${apt_opts[@]}" install -y --no-install-recommends haproxy
# The package starts its own service where there is an init system; the
# tests start their own instance with their own configuration.

if ! command -v haproxy >/dev/null 2>&1; then
  echo "ensure-haproxy: apt-get finished but haproxy is still missing." >&2
  exit 1
fi
haproxy -v 2>/dev/null | head -n 1 >&2 || true
