#!/usr/bin/env bash
# Mutation testing with StrykerJS on Node 24 LTS from the npm registry (`npx -p node@24`): Stryker
# 10 needs Node >= 22 and the project's runtime is Node 20. Only the pure domain tests run (see
# stryker/vitest.config.mjs), so better-sqlite3 is never loaded on Node 24.
#   bash scripts/mutation.sh money       src/domain/money      (stryker/stryker.config.mjs, break 90 %)
#   bash scripts/mutation.sh agreement   src/domain/agreement  (stryker/agreement.config.mjs, break 98 %)
# Further arguments go to `stryker run` (`--force` re-tests every mutant).
#
# Incremental: stryker/incremental-<target>.json is committed; a run re-tests only the mutants
# whose code or covering tests changed and rewrites the file (commit it with the change). A test
# whose body is unchanged counts as unchanged even when the data it reads changed (the golden
# files, a table at module level): force those mutants with `--force --mutate <file>:<lines>`.
# Exit status: 2 on a wrong target; 3 when Node 24 cannot be had; otherwise Stryker's, which is
# non-zero when the mutation score is below the configuration's `break` threshold.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
case "${1:-}" in
  money) CONFIG=stryker/stryker.config.mjs ;;
  agreement) CONFIG=stryker/agreement.config.mjs ;;
  *)
    echo "usage: scripts/mutation.sh money|agreement [stryker options]" >&2
    exit 2
    ;;
esac
shift

locate() { npx -y -p node@24 node -e 'process.stdout.write(process.execPath)' 2>/dev/null; }
NODE24="$(npm_config_offline=true locate || locate || true)"
if [ -z "$NODE24" ] || [ ! -x "$NODE24" ]; then
  echo "mutation: could not get Node 24 from the npm cache or registry (npx -p node@24)" >&2
  exit 3
fi
# Stryker itself is installed from stryker/package-lock.json into stryker/node_modules by Node 24's
# npm, not among the project's dependencies: it and its Babel 8 need Node >= 22, and `npm ci` on
# the project's Node 20 warned EBADENGINE for each of them (issue 15). Peers are not installed
# (--legacy-peer-deps): the Vitest runner finds the project's own Vitest by walking up from
# stryker/node_modules, so tests and runner share one Vitest.
NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
if ! cmp -s stryker/package-lock.json stryker/node_modules/.installed-lock.json; then
  echo "── installing Stryker into stryker/node_modules (Node 24's npm)"
  install() {
    "$NODE24" "$NPM_CLI" ci --prefix stryker --legacy-peer-deps --no-audit --no-fund --loglevel=error "$@"
  }
  install --offline >/dev/null 2>&1 || install || {
    echo "mutation: could not install Stryker (stryker/package-lock.json) from npm's cache or registry" >&2
    exit 3
  }
  cp stryker/package-lock.json stryker/node_modules/.installed-lock.json
fi
echo "── Stryker ($CONFIG) on Node $("$NODE24" -p 'process.versions.node')"
exec "$NODE24" stryker/node_modules/@stryker-mutator/core/bin/stryker.js run "$CONFIG" "$@"
