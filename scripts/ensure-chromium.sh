#!/usr/bin/env bash
# Browser tests need Debian's Chromium at /usr/bin/chromium. Install it when missing and we can.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
cat >&2 <<MSG
Browser tests need Chromium at $CHROMIUM and it is not installed.
Install it as root with:   apt-get update && apt-get install -y chromium
(or point CHROMIUM_PATH at another Chromium binary). Do not use 'npx playwright install'.
MSG
exit 1
