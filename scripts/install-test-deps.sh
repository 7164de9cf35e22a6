#!/usr/bin/env bash
# Installs the Debian packages the whole test suite needs: PostgreSQL (repository tests run on
# both SQLite and PostgreSQL), Chromium and CJK fonts (browser tests in Korean), Poppler's
# pdftotext (the PDF brief tests read the text back). Idempotent.
set -euo pipefail
need=()
for pkg in postgresql chromium fonts-noto-cjk poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-deps: postgresql, chromium, fonts-noto-cjk and poppler-utils are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-test-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
