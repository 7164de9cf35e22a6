import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { allocate } from './allocate.js'

describe('allocate (largest remainder)', () => {
  it('splits 100 three ways with the tie to the first part', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n])
  })

  it('reproduces the 2015 category split from its own ratios', () => {
    const parts = [349_000_000_000n, 414_800_000_000n, 168_200_000_000n]
    expect(allocate(932_000_000_000n, parts)).toEqual(parts)
  })

  it('rejects empty, negative or all-zero weights', () => {
    expect(() => allocate(1n, [])).toThrow(/no parts/)
    expect(() => allocate(1n, [-1n, 2n])).toThrow(/negative/)
    expect(() => allocate(1n, [0n, 0n])).toThrow(/zero/)
  })

  it('parts always sum to the total and each is within one unit of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 15n), 10n ** 15n),
        fc
          .array(fc.bigInt(0n, 10n ** 6n), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights)
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total)
          const sum = weights.reduce((a, b) => a + b, 0n)
          parts.forEach((p, i) => {
            const exactTimesSum = total * (weights[i] ?? 0n)
            const d = p * sum - exactTimesSum
            expect((d < 0n ? -d : d) < sum).toBe(true)
          })
        },
      ),
      { numRuns: 10_000, seed: 3 },
    )
  })
})
