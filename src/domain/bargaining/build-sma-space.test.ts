import { describe, expect, it } from 'vitest'
import { buildSmaSpace } from './build-sma-space.js'
import { analyzeUtilities } from './analyze-negotiation.js'

describe('buildSmaSpace', () => {
  it('normalises costs to [0, 1] utilities (lower cost is better) and labels whose estimate it is', () => {
    const s = buildSmaSpace(
      'sma',
      [{ name: 'increase %', values: [1, 2, 3] }],
      [
        { name: 'payer', whose: 'own', cost: (v) => Number(v[0]) },
        { name: 'payee', whose: 'estimate-of-other', cost: (v) => -Number(v[0]) },
      ],
    )
    expect(Array.from(s.utilities[0]!)).toEqual([1, 0.5, 0])
    expect(Array.from(s.utilities[1]!)).toEqual([0, 0.5, 1])
    expect(s.profiles.map((p) => p.whose)).toEqual(['own', 'estimate-of-other'])
    expect(s.space.issues[0]).toMatchObject({ kind: 'discrete', values: ['1', '2', '3'] })
  })

  it('combines cost over the term with priorities and derives the reservation from a no-deal cost', () => {
    const issues = [
      { name: 'first-year increase %', values: [2, 4] },
      { name: 'term years', values: [3, 5] },
      { name: 'index', values: ['CPI', 'wages'] },
    ]
    // payer cost over the term: Σ over years of a compounding increase (any unit)
    const cost = (v: readonly (string | number)[]) =>
      Number(v[0]) * Number(v[1]) * (v[2] === 'CPI' ? 1 : 1.2)
    const s = buildSmaSpace('sma', issues, [
      {
        name: 'payer',
        whose: 'own',
        cost,
        costWeight: 2,
        priorities: { index: { weight: 1, scores: [1, 0] } },
        noDealCost: 20,
      },
      {
        name: 'payee',
        whose: 'estimate-of-other',
        cost: Float64Array.from([8, 7, 6, 5, 4, 3, 2, 1]),
      },
    ])
    expect(s.space.size).toBe(8)
    const u = s.utilities[0]!
    // outcome 0 = (2, 3, CPI): cost 6 (the minimum) and the preferred index → 1
    expect(u[0]).toBe(1)
    // worst: (4, 5, wages): cost 24 (max), index score 0 → 0
    expect(u[7]).toBe(0)
    for (const x of u) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThanOrEqual(1)
    }
    // no deal: cost 20 → 2·(24 − 20)/18 = 0.444…, ÷ max raw 3
    expect(s.profiles[0]!.reservationValue).toBeCloseTo((2 * 4) / 18 / 3, 12)
    const a = analyzeUtilities(s.utilities[0]!, s.utilities[1]!, [
      s.profiles[0]!.reservationValue ?? 0,
      0,
    ])
    expect(a.nash).not.toBeNull()
  })

  it('rejects tables of the wrong size and unknown priority issues', () => {
    expect(() =>
      buildSmaSpace(
        'x',
        [{ name: 'a', values: [1, 2] }],
        [{ name: 'p', whose: 'own', cost: new Float64Array(3) }],
      ),
    ).toThrow(/cost table has 3 entries for 2 outcomes/)
    expect(() =>
      buildSmaSpace(
        'x',
        [{ name: 'a', values: [1, 2] }],
        [
          {
            name: 'p',
            whose: 'own',
            cost: () => 1,
            priorities: { b: { weight: 1, scores: [1, 0] } },
          },
        ],
      ),
    ).toThrow(/unknown issue "b"/)
  })
})
