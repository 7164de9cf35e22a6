import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { enumerateUtilities, outerSumInPlace } from './enumerate-utilities.js'
import { utilityOfOutcome } from './utility-function.js'
import {
  createOutcomeSpace,
  decodeOutcome,
  encodeOutcome,
  issueValue,
  outcomeOfBid,
  bidOf,
} from './outcome-space.js'
import { createRng } from './create-rng.js'
import { syntheticScenario } from './synthetic-scenario.js'

describe('outcome space', () => {
  it('mixed-radix encoding, first issue most significant', () => {
    const s = createOutcomeSpace('s', [
      { kind: 'discrete', name: 'a', values: ['x', 'y', 'z'] },
      { kind: 'integer', name: 'b', lower: 3, upper: 6 },
    ])
    expect(s.strides).toEqual([4, 1])
    expect(decodeOutcome(s, 7)).toEqual([1, 3])
    expect(encodeOutcome(s, [1, 3])).toBe(7)
    expect(outcomeOfBid(s, bidOf(s, 7))).toBe(7)
    expect(() => createOutcomeSpace('e', [])).toThrow(/no issues/)
    expect(() => outcomeOfBid(s, { a: 'q', b: 3 })).toThrow(/"q" is not a value of issue "a"/)
  })
  it('real issues are discretised with both bounds included', () => {
    const r = { kind: 'real' as const, name: 'r', lower: 0, upper: 1, steps: 5 }
    expect([0, 1, 2, 3, 4].map((k) => issueValue(r, k))).toEqual([0, 0.25, 0.5, 0.75, 1])
  })
})

describe('enumerateUtilities', () => {
  it('outer sum example', () => {
    const out = new Float64Array(4)
    outerSumInPlace(out, [Float64Array.of(0, 1), Float64Array.of(0, 10)])
    expect(Array.from(out)).toEqual([0, 10, 1, 11])
  })
  it('property: enumeration equals per-outcome evaluation on random linear-additive scenarios', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (k, v, seed) => {
          const { space, profiles } = syntheticScenario(k, v, createRng(seed))
          for (const p of profiles) {
            const u = enumerateUtilities(space, p.utility)
            let worst = 0
            for (let o = 0; o < space.size; o++)
              worst = Math.max(worst, Math.abs(u[o]! - utilityOfOutcome(space, p.utility, o)))
            expect(worst).toBeLessThan(1e-12)
          }
        },
      ),
      { numRuns: 50 },
    )
  })
})
