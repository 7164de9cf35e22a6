#!/usr/bin/env bash
# Installs the Debian packages the whole test suite needs: PostgreSQL (repository tests run on
# both SQLite and PostgreSQL), Chromium and CJK fonts (browser tests in Korean). Idempotent.
set -euo pipefail
need=()
for pkg in postgresql chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-deps: postgresql, chromium and fonts-noto-cjk are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-test-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
