import type { OutcomeSpace } from './outcome-space.js'
import type { Profile } from './utility-function.js'
import type { Rng } from './create-rng.js'
import { createOutcomeSpace } from './outcome-space.js'

/**
 * A random linear-additive bilateral scenario (for tests and benchmarks): `issues` discrete issues
 * of `values` values each, per party random weights (summing to 1) and random value tables with
 * each issue's best value at 1, reservation values as given (default 0). Party B's tables are
 * biased against A's (1 − A's table mixed with noise) so the frontier is non-trivial.
 *
 * Example: `syntheticScenario(8, 5, createRng(1))` → 390,625 outcomes.
 */
export function syntheticScenario(
  issues: number,
  values: number,
  rng: Rng,
  reservation: readonly [number, number] = [0, 0],
): { readonly space: OutcomeSpace; readonly profiles: readonly [Profile, Profile] } {
  const space = createOutcomeSpace(
    `synthetic-${issues}x${values}`,
    Array.from({ length: issues }, (_, i) => ({
      kind: 'discrete' as const,
      name: `issue${i + 1}`,
      values: Array.from({ length: values }, (_, v) => `v${v + 1}`),
      id: i + 1,
    })),
  )
  const tablesA = Array.from({ length: issues }, () =>
    Array.from({ length: values }, () => rng.next()),
  )
  const tablesB = tablesA.map((t) => t.map((x) => 0.7 * (1 - x) + 0.3 * rng.next()))
  const profile = (name: string, tables: number[][], r: number): Profile => {
    const w = tables.map(() => 0.2 + rng.next())
    const sum = w.reduce((a, b) => a + b, 0)
    return {
      name,
      utility: {
        kind: 'linear-additive',
        weights: w.map((x) => x / sum),
        evaluators: tables.map((t) => {
          const max = Math.max(...t)
          return { kind: 'table' as const, utilities: t.map((x) => x / max) }
        }),
        cap: true,
      },
      reservationValue: r,
      reservationOutcome: null,
      discountFactor: null,
      whose: 'neutral',
    }
  }
  return {
    space,
    profiles: [profile('A', tablesA, reservation[0]), profile('B', tablesB, reservation[1])],
  }
}
