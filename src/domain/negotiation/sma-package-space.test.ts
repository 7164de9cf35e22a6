import { describe, expect, it } from 'vitest'
import setupJson from '../../../fixtures/sma-analysis/sma12-kr-view.json' with { type: 'json' }
import { buildSmaPackageSpace, smaAnalysisSetupSchema } from './sma-package-space.js'
import { analyzeNegotiation } from './analyze-negotiation.js'
import { bidOf } from './outcome-space.js'
import { loadRecord, publishedLookup } from '../record/record.js'

const record = loadRecord()
const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
if (!sma12) throw new Error('no 12th SMA')
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
