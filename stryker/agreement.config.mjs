// @ts-check
import { base } from './stryker.config.mjs'

/**
 * Mutation testing of the agreement rules (src/domain/agreement): issue 14, deliverable 9. Gated:
 * measured 98.5 % on 2026-12-03 (1,496 killed and 5 timed out of 1,524 scored mutants; 208
 * static ignored; docs/decisions/0012), after golden explanations (src/domain/agreement/__golden__),
 * property tests and case tests. `break` is that floor, 98: a change that leaves mutants alive
 * fails the run and the `mutation-agreement` check of scripts/test-all.sh. The 23 mutants no
 * test can kill are listed, one line each with the reason, in stryker/equivalent.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  mutate: ['src/domain/agreement/**/*.ts', '!src/domain/**/*.test.ts'],
  incrementalFile: 'stryker/incremental-agreement.json',
  thresholds: { high: 99, low: 95, break: 98 },
  jsonReporter: { fileName: 'test-results/mutation-agreement.json' },
}
