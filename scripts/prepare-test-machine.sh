#!/usr/bin/env bash
# Makes sure the programs the test suite drives are here: Chromium (browser and e2e tests) and
# redis-server (the shared idempotency store's tests). Installs Debian's packages when missing
# and we are root; otherwise says what to install. Runs before `npm test` (npm's pretest).
set -euo pipefail

need=()
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (Debian packages) for the test suite…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "The test suite needs: ${need[*]}. Install them (Debian: apt-get install ${need[*]})," >&2
echo "or point CHROME_PATH at a Chromium/Chrome binary." >&2
exit 1
