import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeTallies, tallyHistogram, tallyOf, tallyQuantile } from './tally.js'

/** NumPy's default (linear, type 7) percentile on a sorted copy. */
function referenceQuantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  const h = (s.length - 1) * q
  const lo = Math.floor(h)
  const a = s[lo] ?? NaN
  const b = s[Math.min(lo + 1, s.length - 1)] ?? NaN
  return a + (h - lo) * (b - a)
}

const sample = fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 300 })

describe('tally quantiles', () => {
  it('are monotone in q', () => {
    fc.assert(
      fc.property(
        sample,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const t = tallyOf(Float64Array.from(xs))
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          expect(tallyQuantile(t, lo)).toBeLessThanOrEqual(tallyQuantile(t, hi))
        },
      ),
    )
  })

  it('equal the sorted-sample type-7 quantile', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom(0, 0.05, 0.25, 0.5, 0.75, 0.95, 1), (xs, q) => {
        const t = tallyOf(Float64Array.from(xs))
        expect(tallyQuantile(t, q)).toBeCloseTo(referenceQuantile(xs, q), 9)
      }),
    )
  })

  it('merge like the concatenated sample, in any order', () => {
    fc.assert(
      fc.property(sample, sample, (xs, ys) => {
        const whole = tallyOf(Float64Array.from([...xs, ...ys]))
        const m1 = mergeTallies([tallyOf(Float64Array.from(xs)), tallyOf(Float64Array.from(ys))])
        const m2 = mergeTallies([tallyOf(Float64Array.from(ys)), tallyOf(Float64Array.from(xs))])
        expect(m1).toEqual(whole)
        expect(m2).toEqual(whole)
      }),
    )
  })

  it('histogram bins cover every value once', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 50 }), (xs, bins) => {
        const h = tallyHistogram(tallyOf(Float64Array.from(xs)), bins)
        expect(h.counts.length).toBeLessThanOrEqual(bins)
        expect(h.counts.reduce((s, c) => s + c, 0)).toBe(xs.length)
      }),
    )
  })

  it('interpolates between order statistics', () => {
    expect(tallyQuantile(tallyOf(Float64Array.of(1, 2, 3, 4)), 0.5)).toBe(2.5)
    expect(tallyOf(Float64Array.of(3, 5, 5))).toEqual({
      min: 3,
      counts: Uint32Array.of(1, 0, 2),
      n: 3,
      sum: 13,
    })
  })
})
