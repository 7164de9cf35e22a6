import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { paretoFrontier } from './pareto-frontier.js'
import { bargainingSolutions } from './bargaining-solutions.js'
import { analyzeUtilities } from './analyze-negotiation.js'
import { UTILITY_TOLERANCE } from './tolerance.js'

const eps = UTILITY_TOLERANCE
const dominates = (xa: number, xb: number, ya: number, yb: number): boolean =>
  xa >= ya - eps && xb >= yb - eps && (xa > ya + eps || xb > yb + eps)

/** Utility pairs: coarse grids (many ties and duplicates) or arbitrary doubles in [0, 1]. */
const utilityPairs = fc.oneof(
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), {
      minLength: 1,
      maxLength: 120,
    })
    .map((xs) => xs.map(([a, b]) => [a / 10, b / 10] as const)),
  fc.array(
    fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    { minLength: 1, maxLength: 300 },
  ),
  // anti-diagonal: every point efficient
  fc
    .integer({ min: 1, max: 400 })
    .map((n) => Array.from({ length: n }, (_, i) => [i / n, 1 - i / n] as const)),
)

const arrays = (pairs: readonly (readonly [number, number])[]) =>
  [Float64Array.from(pairs.map((p) => p[0])), Float64Array.from(pairs.map((p) => p[1]))] as const

describe('paretoFrontier', () => {
  it('hand-computed example with a duplicate point', () => {
    const f = paretoFrontier(
      Float64Array.of(0.2, 0.5, 0.5, 0.9, 0.4),
      Float64Array.of(0.9, 0.6, 0.6, 0.1, 0.5),
    )
    expect(f.points.map((p) => [p.utility, p.outcome, p.count])).toEqual([
      [[0.2, 0.9], 0, 1],
      [[0.5, 0.6], 1, 2],
      [[0.9, 0.1], 3, 1],
    ])
    expect(f.outcomeCount).toBe(4)
  })

  it('merges utilities equal within the tolerance (float noise) and keeps them as one point', () => {
    const f = paretoFrontier(
      Float64Array.of(0.8740242984783759, 0.874024298478376),
      Float64Array.of(0.874024298478376, 0.8740242984783759),
    )
    expect(f.points).toHaveLength(1)
    expect(f.outcomeCount).toBe(2)
  })

  it('handles a single outcome and constant utilities', () => {
    expect(paretoFrontier(Float64Array.of(0.3), Float64Array.of(0.3)).points).toHaveLength(1)
    const f = paretoFrontier(new Float64Array(50).fill(0.5), new Float64Array(50).fill(0.5))
    expect(f.points).toHaveLength(1)
    expect(f.outcomeCount).toBe(50)
  })

  it('property: no frontier point is dominated; every other outcome is dominated by or equal to a frontier point; counts add up', () => {
    fc.assert(
      fc.property(utilityPairs, (pairs) => {
        const [ua, ub] = arrays(pairs)
        const f = paretoFrontier(ua, ub)
        const n = ua.length
        const isFrontierOutcome = new Array<boolean>(n).fill(false)
        for (let i = 0; i < n; i++) {
          let dominated = false
          for (let j = 0; j < n && !dominated; j++)
            dominated = dominates(ua[j]!, ub[j]!, ua[i]!, ub[i]!)
          isFrontierOutcome[i] = !dominated
        }
        // frontier outcome count equals the brute-force count (GENIUS's count, duplicates included)
        expect(f.outcomeCount).toBe(isFrontierOutcome.filter(Boolean).length)
        expect(f.points.reduce((s, p) => s + p.count, 0)).toBe(f.outcomeCount)
        let violations = 0
        for (const p of f.points) {
          if (isFrontierOutcome[p.outcome] !== true) violations++
          for (let j = 0; j < n; j++)
            if (dominates(ua[j]!, ub[j]!, p.utility[0], p.utility[1])) violations++
        }
        for (let i = 0; i < n; i++) {
          const covered = f.points.some(
            (p) =>
              dominates(p.utility[0], p.utility[1], ua[i]!, ub[i]!) ||
              (Math.abs(p.utility[0] - ua[i]!) <= eps && Math.abs(p.utility[1] - ub[i]!) <= eps),
          )
          if (!covered) violations++
        }
        expect(violations).toBe(0)
        // ascending u_A, descending u_B
        for (let k = 1; k < f.points.length; k++) {
          const ordered =
            f.points[k]!.utility[0] > f.points[k - 1]!.utility[0] &&
            f.points[k]!.utility[1] < f.points[k - 1]!.utility[1]
          if (!ordered) violations++
        }
        expect(violations).toBe(0)
      }),
      { numRuns: 150 },
    )
  })

  it('property: every solution lies on the frontier, is rational, and is optimal over all rational outcomes', () => {
    fc.assert(
      fc.property(
        utilityPairs,
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        (pairs, ra, rb) => {
          const [ua, ub] = arrays(pairs)
          const a = analyzeUtilities(ua, ub, [ra, rb])
          const rational: number[] = []
          for (let i = 0; i < ua.length; i++)
            if (ua[i]! >= ra - eps && ub[i]! >= rb - eps) rational.push(i)
          expect(a.zopa.outcomes).toBe(rational.length)
          const sols = [a.nash, a.kalaiSmorodinsky, a.equalUtility, a.egalitarian, a.maxWelfare]
          for (const s of sols) {
            if (rational.length === 0) {
              expect(s).toBeNull()
              continue
            }
            expect(s).not.toBeNull()
            expect(a.frontier.points.some((p) => p.outcome === s!.outcome)).toBe(true)
            expect(s!.utility[0]).toBeGreaterThanOrEqual(ra - eps)
            expect(s!.utility[1]).toBeGreaterThanOrEqual(rb - eps)
            expect(s!.ties).toBeGreaterThanOrEqual(1)
          }
          if (rational.length > 0) {
            const bestProduct = Math.max(
              ...rational.map((i) => Math.max(0, ua[i]! - ra) * Math.max(0, ub[i]! - rb)),
            )
            expect(a.nash!.score).toBeGreaterThanOrEqual(bestProduct - 1e-12)
            const bestSum = Math.max(...rational.map((i) => ua[i]! + ub[i]!))
            expect(a.maxWelfare!.score).toBeGreaterThanOrEqual(bestSum - 1e-12)
            const bestMin = Math.max(...rational.map((i) => Math.min(ua[i]! - ra, ub[i]! - rb)))
            expect(a.egalitarian!.score).toBeGreaterThanOrEqual(bestMin - 1e-12)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('bargainingSolutions', () => {
  const frontier = paretoFrontier(
    Float64Array.of(0.2, 0.7, 1, 0.1),
    Float64Array.of(1, 0.7, 0.3, 0.1),
  )

  it('hand-computed solutions with r = 0', () => {
    const s = bargainingSolutions(frontier, [0, 0])
    expect(s.nash!.utility).toEqual([0.7, 0.7])
    expect(s.nash!.score).toBeCloseTo(0.49, 15)
    expect(s.equalUtility!.utility).toEqual([0.7, 0.7])
    expect(s.maxWelfare!.utility).toEqual([0.7, 0.7])
    expect(s.egalitarian!.utility).toEqual([0.7, 0.7])
    expect(s.ideal).toEqual([1, 1])
  })

  it('reservation values move Nash and KS; KS uses the ideal point over rational outcomes', () => {
    const s = bargainingSolutions(frontier, [0.6, 0])
    // rational: (0.7, 0.7), (1, 0.3); Nash products 0.07 vs 0.12
    expect(s.nash!.utility).toEqual([1, 0.3])
    // ideal = (1, 0.7); ratios: (0.7,0.7) → min(0.25, 1) = 0.25; (1, 0.3) → min(1, 0.4286) = 0.4286
    expect(s.kalaiSmorodinsky!.utility).toEqual([1, 0.3])
    expect(s.equalUtility!.utility).toEqual([0.7, 0.7])
  })

  it('reports ties instead of hiding them', () => {
    const f = paretoFrontier(Float64Array.of(0.2, 0.8, 0.5), Float64Array.of(0.8, 0.2, 0.5))
    const s = bargainingSolutions(f, [0, 0])
    expect(s.maxWelfare!.ties).toBe(3)
    expect(s.maxWelfare!.utility).toEqual([0.2, 0.8])
    expect(s.maxWelfare!.tiedWith.map((t) => t.utility)).toEqual([
      [0.5, 0.5],
      [0.8, 0.2],
    ])
    expect(s.nash!.ties).toBe(1)
  })

  it('returns null solutions when the ZOPA is empty', () => {
    const s = bargainingSolutions(frontier, [0.9, 0.9])
    expect(s.nash).toBeNull()
    expect(s.ideal).toBeNull()
  })

  it('opposition is the distance of the equal-utility point from (1, 1)', () => {
    const a = analyzeUtilities(Float64Array.of(0.2, 0.7, 1), Float64Array.of(1, 0.7, 0.3), [0, 0])
    expect(a.opposition).toBeCloseTo(Math.hypot(0.3, 0.3), 15)
  })
})
