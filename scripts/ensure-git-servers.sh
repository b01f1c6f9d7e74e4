#!/usr/bin/env bash
# Makes sure the real Git servers the GitOps remote tests start are installed:
# Debian's lighttpd and lighttpd-mod-openssl (serving `git http-backend` over
# HTTPS with basic auth), openssh-server (a private sshd on loopback) and
# openssl (a throwaway certificate). git itself brings `git http-backend`.
#
# Installs the missing packages with apt-get when we are root; otherwise says
# what to install and fails. Quiet and quick when everything is there.
set -euo pipefail

missing=()
[ -x /usr/sbin/lighttpd ] || missing+=(lighttpd)
[ -f /usr/lib/lighttpd/mod_openssl.so ] || missing+=(lighttpd-mod-openssl)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -x "$(git --exec-path 2>/dev/null)/git-http-backend" ] || missing+=(git)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-git-servers: missing ${missing[*]}. Install them as root:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-git-servers: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (e.g. an unattended upgrade) instead of failing on its lock.
apt_opts=(-q -o DPkg::Lock::Timeout=600)
(apt-get "${apt_opts[@]}" update && apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}") >&2
