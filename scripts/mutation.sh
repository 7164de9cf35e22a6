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
echo "── Stryker ($CONFIG) on Node $("$NODE24" -p 'process.versions.node')"
exec "$NODE24" node_modules/@stryker-mutator/core/bin/stryker.js run "$CONFIG" "$@"
