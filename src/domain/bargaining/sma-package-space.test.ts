import { describe, expect, it } from 'vitest'
import setupJson from '../../../fixtures/sma-analysis/sma12-kr-view.json' with { type: 'json' }
import {
  buildSmaPackageSpace,
  isSmaVariant,
  measureSmaSpec,
  nearestLeverValue,
  smaAnalysisSetupSchema,
  smaEvaluationContext,
  smaLeversOf,
  smaPackageSpec,
  smaPackageUtility,
} from './sma-package-space.js'
import { smaUtilityOf } from './build-sma-space.js'
import { analyzeNegotiation } from './analyze-negotiation.js'
import { bidOf } from './outcome-space.js'
import { publishedLookup } from '../record/record.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'

const record = loadRecord()
const sma12 = shippedAgreement('rok-us-sma-12')
const ctx = {
  indices: record.indices,
  overrides: [],
  publishedOf: publishedLookup(record.agreements),
}
const setup = smaAnalysisSetupSchema.parse(setupJson)

describe('SMA package space', () => {
  const built = buildSmaPackageSpace(setup, sma12, ctx)

  it('prices every package exactly with the agreement engine', () => {
    expect(built.space.size).toBe(4 * 3 * 2 * 2)
    const i = built.labels.indexOf('firstYearIncreasePct=8.3, capPct=5, termYears=5, series=KR_CPI')
    // the signed 12th SMA with 2 % CPI from 2026: 1,519.2; 1,551.1; 1,582.1; 1,613.7; 1,645.9 (bn)
    // 1,551.1 × 1.02 = 1,582.122 → 1,582.1; × 1.02 = 1,613.742 → 1,613.7; × 1.02 = 1,645.974 → 1,646.0
    const total = 1519.2e9 + 1551.1e9 + 1582.1e9 + 1613.7e9 + 1646.0e9
    expect(built.amounts[i]).toBe(String(total / 5))
  })

  it('labels whose utility is whose: own for KR, an estimate for the US', () => {
    expect(built.profiles.map((p) => p.whose)).toEqual(['own', 'estimate-of-other'])
  })

  it('the host prefers the cheapest package on money alone, the US the dearest', () => {
    const kr = built.utilities[0]
    const us = built.utilities[1]
    if (!kr || !us) throw new Error('no utilities')
    const amounts = built.amounts.map(Number)
    const cheapest = amounts.indexOf(Math.min(...amounts))
    const dearest = amounts.indexOf(Math.max(...amounts))
    expect(kr[cheapest]).toBeGreaterThan(kr[dearest] ?? 1)
    expect(us[dearest]).toBeGreaterThan(us[cheapest] ?? 1)
  })

  it('analysis gives a frontier and a Nash package inside the ZOPA', () => {
    const [a, b] = built.profiles
    if (!a || !b) throw new Error('no profiles')
    const { analysis } = analyzeNegotiation(built.space, [a, b])
    expect(analysis.frontier.points.length).toBeGreaterThan(1)
    expect(analysis.nash).not.toBeNull()
    const bid = bidOf(built.space, analysis.nash?.outcome ?? 0)
    expect(Object.keys(bid)).toEqual(['firstYearIncreasePct', 'capPct', 'termYears', 'series'])
    expect(analysis.zopa.outcomes).toBeGreaterThan(0)
  })

  it('a package that would be pending names the assumption to add', () => {
    expect(() => buildSmaPackageSpace({ ...setup, assumptions: [] }, sma12, ctx)).toThrow(
      /add an assumption KR_CPI:2026/,
    )
  })
})

describe('placing an arbitrary package on the plane', () => {
  const built = buildSmaPackageSpace(setup, sma12, ctx)
  const levers = setup.issues.map((i) => i.lever)

  it("gives every package of the space its own utilities from its spec's levers and amount", () => {
    for (let o = 0; o < built.space.size; o++) {
      const bid = bidOf(built.space, o)
      const spec = smaPackageSpec(sma12, levers, Object.values(bid))
      expect(isSmaVariant(setup.baseAgreement, spec)).toBe(true)
      const ev = smaEvaluationContext(setup, ctx)
      const amount = measureSmaSpec(setup, spec, ev)
      expect(amount.toString()).toBe(built.amounts[o])
      const lv = smaLeversOf(spec)
      expect(lv).toEqual(Object.fromEntries(Object.entries(bid).map(([k, v]) => [k, String(v)])))
      const [ua, ub] = smaPackageUtility(setup, built, amount, lv)
      expect(ua).toBeCloseTo(built.utilities[0]?.[o] ?? NaN, 12)
      expect(ub).toBeCloseTo(built.utilities[1]?.[o] ?? NaN, 12)
    }
  })

  it('scores a lever value the setup lacks by the nearest value; an unknown series not at all', () => {
    expect(nearestLeverValue(['3', '5', 'none'], '4.2')).toBe(1)
    expect(nearestLeverValue(['3', '5'], 'none')).toBe(1)
    expect(nearestLeverValue(['3', '5', 'none'], 'none')).toBe(2)
    expect(nearestLeverValue(['3.0', '5.0'], '3')).toBe(0)
    expect(nearestLeverValue(['KR_CPI'], 'KR_DEFENSE_BUDGET')).toBeNull()
    // a term of 4 years scores like 3 (first of the tie 3 | 5)
    const a = smaPackageUtility(setup, built, 1_500_000_000_000n, { termYears: '4' })
    const b = smaPackageUtility(setup, built, 1_500_000_000_000n, { termYears: '3' })
    expect(a).toEqual(b)
  })

  it('is not clamped: an amount beyond the space lies beyond [0, 1]', () => {
    const amounts = built.amounts.map(BigInt)
    const max = amounts.reduce((x, y) => (x > y ? x : y))
    const [ua, ub] = smaPackageUtility(setup, built, max * 2n, {})
    expect(ua).toBeLessThan(0)
    expect(ub).toBeGreaterThan(0)
    const flat = { minCost: 2, maxCost: 2, costWeight: 1, rawMin: 0, rawMax: 0 }
    expect(smaUtilityOf(flat, 5)).toBe(1)
    expect(smaUtilityOf({ ...flat, maxCost: 4, rawMax: 1 }, 3)).toBe(0.5)
  })

  it('knows which specs are variants of the base', () => {
    expect(isSmaVariant('rok-us-sma-12', sma12)).toBe(true)
    expect(isSmaVariant('rok-us-sma-12', { ...sma12, id: 'rok-us-sma-13-draft' })).toBe(false)
    expect(isSmaVariant('rok-us-sma-1', sma12)).toBe(false)
  })
})
