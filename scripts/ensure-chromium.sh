#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Playwright cannot download its own browser here (`npx playwright install`
# fails), so the tests drive the distribution's package instead
# (playwright.config.ts points executablePath at it).
#
# Installs the `chromium` package with apt-get when it is missing and we are
# root; otherwise says what to install and fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing. Install Debian's Chromium as root:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available." >&2
  echo "  Install a Chromium build at $CHROMIUM (Debian/Ubuntu package: chromium)." >&2
  exit 1
fi

echo "ensure-chromium: installing Debian's chromium package (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (e.g. an unattended upgrade) instead of failing on its lock.
apt_opts=(-q -o DPkg::Lock::Timeout=600)
apt-get "${apt_opts[@]}" update
# fonts-liberation is only a recommendation of chromium, but without a font
# the screenshots show boxes instead of text.
apt-get "${apt_opts[@]}" install -y --no-install-recommends chromium fonts-liberation

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
"$CHROMIUM" --version 2>/dev/null >&2 || true
