#!/usr/bin/env bash
# Installs the Debian packages the whole test suite needs: PostgreSQL (repository tests run on
# both SQLite and PostgreSQL), Chromium and CJK fonts (browser tests in Korean), a C++ toolchain
# and Python for node-gyp (better-sqlite3 is built for Node 24 by scripts/node24-tests.sh, and
# for any Node when its prebuilt binary cannot be downloaded), Poppler's pdftotext (the PDF brief
# tests read the text back). Idempotent.
set -euo pipefail
need=()
for pkg in postgresql chromium fonts-noto-cjk build-essential python3 poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-deps: postgresql, chromium, fonts-noto-cjk, build-essential, python3 and poppler-utils are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-test-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
