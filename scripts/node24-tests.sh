#!/usr/bin/env bash
# Runs the domain and node Vitest projects (domain, contracts, CLI, server, services, db) on
# Node 24 LTS taken from the npm registry (`npx -p node@24`), beside the Node 20 run of
# scripts/test-all.sh. Writes test-results/vitest-node24.json and exits with Vitest's status.
#
# The checkout's node_modules hold better-sqlite3 built for the Node that ran `npm ci`. This
# script leaves them alone: it copies the tracked files into .tmp/node24/, links every package of
# node_modules there except better-sqlite3, which it copies and rebuilds for Node 24 with
# node-gyp and the headers of Node 24.18.0's npm package. The build is kept for the next run until
# the Node 24 ABI or the better-sqlite3 version changes.
#
# Why 24.18.0's headers and not those of the Node that runs the tests: Node 24.19.0 changed the
# header-only node::ObjectWrap so that its destructor removes an environment cleanup hook; the
# destructor runs from V8's weak callback, where no context is entered, and the process aborts
# ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook) the first time the
# garbage collector frees a better-sqlite3 Statement (nodejs/node#65446). better-sqlite3 13 no
# longer uses ObjectWrap but needs Node >= 22, and this project still supports Node 20. The ABI
# (137) is the same across 24.x, so an addon built with 24.18.0's headers runs on any Node 24.
#
# Offline: npm's cache is tried first (npm_config_offline); the registry only when the cache does
# not have node@24 yet (the first run on a machine, or CI's fresh one). Exit status 3: Node 24 or
# its headers could not be had (scripts/test-all.sh then reports the run as skipped); 4: the build
# of better-sqlite3 failed; otherwise Vitest's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$ROOT/.tmp/node24"
OUT="$ROOT/test-results/vitest-node24.json"
mkdir -p "$ROOT/test-results" "$WORK"

# Whatever runs must really be Node 24. npm's `node` package places its binary in a preinstall
# script; when that script did not run (scripts ignored, or it failed offline), `npx -p node@24
# node` silently runs the Node on PATH instead (Node 20 here): better-sqlite3 was then built
# with Node 24's headers (NODE_MODULE_VERSION 137) and loaded by Node 20 (115), and every suite
# that opens a database failed. So the version is checked, and the binary is otherwise taken
# from npm's node-<os>-<arch>@24 package directly (no install scripts involved).
is24() { [ -n "$1" ] && [ -x "$1" ] && [ "$("$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = 24 ]; }
locate() { npx -y -p node@24 node -e 'process.stdout.write(process.execPath)' 2>/dev/null; }
NODE24="$(npm_config_offline=true locate || true)"
is24 "$NODE24" || NODE24="$(locate || true)"
if ! is24 "$NODE24"; then
  BIN="$WORK/node24-bin"
  if ! is24 "$BIN/bin/node"; then
    PKG="node-$(node -p 'process.platform')-$(node -p 'process.arch')@24"
    rm -rf "$WORK/pack" "$BIN" && mkdir -p "$WORK/pack" "$BIN"
    pack() { (cd "$WORK/pack" && npm pack "$PKG" --silent >/dev/null 2>&1); }
    npm_config_offline=true pack || pack || true
    tar -xzf "$WORK"/pack/*.tgz -C "$BIN" --strip-components=1 package/bin/node 2>/dev/null || true
    rm -rf "$WORK/pack"
  fi
  NODE24="$BIN/bin/node"
fi
if ! is24 "$NODE24"; then
  echo "node24: could not get Node 24 from the npm cache or registry (npx -p node@24, $PKG)" >&2
  exit 3
fi
VERSION="$("$NODE24" -p 'process.versions.node')"
ABI="$("$NODE24" -p 'process.versions.modules')"
echo "── Node $VERSION (ABI $ABI) at $NODE24"
# The headers to build against come in npm's node-<os>-<arch> package (binary and include/node),
# unpacked from npm's cache (or fetched once from the registry).
HEADERS=24.18.0
NODEDIR="$WORK/headers-$HEADERS"
if [ ! -f "$NODEDIR/include/node/node_version.h" ]; then
  PKG="node-$("$NODE24" -p 'process.platform')-$("$NODE24" -p 'process.arch')@$HEADERS"
  rm -rf "$WORK/pack" && mkdir -p "$WORK/pack" "$NODEDIR"
  pack() { (cd "$WORK/pack" && npm pack "$PKG" --silent >/dev/null 2>&1); }
  npm_config_offline=true pack || pack || {
    echo "node24: could not get $PKG (its headers) from the npm cache or registry" >&2
    exit 3
  }
  tar -xzf "$WORK"/pack/*.tgz -C "$NODEDIR" --strip-components=1 package/include
  rm -rf "$WORK/pack"
fi

# the tracked files, as they are in the working tree
rm -rf "$WORK/src" "$WORK/bench" "$WORK/scripts" "$WORK/bin" "$WORK/data" "$WORK/fixtures" "$WORK/dist"
git ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK") 2>/dev/null || true

# node_modules: links to this checkout's packages, better-sqlite3 rebuilt for Node 24
mkdir -p "$WORK/node_modules"
for entry in "$ROOT"/node_modules/* "$ROOT"/node_modules/.bin; do
  name="$(basename "$entry")"
  [ "$name" = better-sqlite3 ] && continue
  [ -e "$WORK/node_modules/$name" ] || ln -s "$entry" "$WORK/node_modules/$name"
done
HEADER_ABI="$(sed -n 's/^#define NODE_MODULE_VERSION \([0-9][0-9]*\).*/\1/p' "$NODEDIR/include/node/node_version.h")"
if [ "$HEADER_ABI" != "$ABI" ]; then
  echo "node24: the headers of $HEADERS are for ABI $HEADER_ABI, Node $VERSION needs $ABI" >&2
  exit 4
fi
SQLITE="$WORK/node_modules/better-sqlite3"
STAMP="$SQLITE/.built-for"
WANT="abi $ABI, headers $HEADERS, better-sqlite3 $(node -p "require('$ROOT/node_modules/better-sqlite3/package.json').version")"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  echo "── building better-sqlite3 for Node 24 ($WANT) — a few minutes, once"
  rm -rf "$SQLITE"
  cp -r "$ROOT/node_modules/better-sqlite3" "$SQLITE"
  rm -rf "$SQLITE/build"
  GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  # Under `npm run`, npm exports its configuration to the environment, and Debian's npm has
  # nodedir=/usr: node-gyp then took npm_config_nodedir (Node 20's headers in /usr/include/node)
  # over --nodedir and built for ABI 115 (CI's "no report" of the Node 24 run). Both point here.
  (cd "$SQLITE" && npm_config_nodedir="$NODEDIR" "$NODE24" "$GYP" rebuild --release \
    --nodedir="$NODEDIR" --jobs=2 >"$WORK/gyp.log" 2>&1) || {
    echo "node24: building better-sqlite3 failed (see $WORK/gyp.log)" >&2
    tail -n 20 "$WORK/gyp.log" >&2
    exit 4
  }
  echo "$WANT" >"$STAMP"
fi
# the addon must load in the Node that runs the tests (else every database suite would fail)
if ! (cd "$WORK" && "$NODE24" -e 'new (require("better-sqlite3"))(":memory:").close()') >&2; then
  echo "node24: better-sqlite3 built in $SQLITE does not load in Node $VERSION (ABI $ABI)" >&2
  rm -f "$STAMP"
  exit 4
fi

cd "$WORK"
set +e
"$NODE24" node_modules/vitest/vitest.mjs run --project domain --project node \
  --reporter=default --reporter=json --outputFile="$OUT"
status=$?
set -e
exit $status
