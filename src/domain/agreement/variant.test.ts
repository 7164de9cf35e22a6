import { describe, expect, it } from 'vitest'
import { applyChanges } from './variant.js'
import { evaluateSchedule } from './evaluate.js'
import { publishedLookup } from '../record/record.js'
import { loadRecord } from '../../record/shipped-record.js'
import { parseIndexOverride } from '../index-series/index-series.js'

const record = loadRecord()
const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
if (!sma12) throw new Error('no 12th SMA')
const ctx = (o: string[] = []) => ({
  indices: record.indices,
  overrides: o.map(parseIndexOverride),
  publishedOf: publishedLookup(record.agreements),
})

describe('applyChanges (what-if levers)', () => {
  it('a 3 % cap binds on CPI 7.3 %: 2027 = 1,519.2 bn × 1.03 → 1,564.8 bn', () => {
    const s = evaluateSchedule(applyChanges(sma12, { capPct: '3' }), ctx(['KR_CPI:2025=7.3']))
    expect(s.years[1]?.amount).toBe('1564800000000')
  })

  it('no cap lets CPI 7.3 % through: 1,519.2 × 1.073 = 1,630.1016 → 1,630.1 bn', () => {
    const s = evaluateSchedule(applyChanges(sma12, { capPct: 'none' }), ctx(['KR_CPI:2025=7.3']))
    expect(s.years[1]?.amount).toBe('1630100000000')
  })

  it('first-year increase 5 %: 1,402.8 × 1.05 = 1,472.94 → 1,472.9 bn, and it flows into 2027', () => {
    const s = evaluateSchedule(applyChanges(sma12, { firstYearIncreasePct: '5' }), ctx())
    expect(s.years[0]?.amount).toBe('1472900000000')
    expect(s.years[0]?.matchesPublished).toBe(false)
    // 1,472.9 × 1.021 = 1,503.8309 → 1,503.8 bn
    expect(s.years[1]?.amount).toBe('1503800000000')
  })

  it('a shorter or longer term cuts or extends the escalation', () => {
    expect(
      evaluateSchedule(applyChanges(sma12, { termYears: 2 }), ctx()).years.map((y) => y.year),
    ).toEqual([2026, 2027])
    expect(evaluateSchedule(applyChanges(sma12, { termYears: 7 }), ctx()).years.at(-1)?.year).toBe(
      2032,
    )
  })

  it('an 11th-style defense-budget rule (lag 1, no cap)', () => {
    const s = evaluateSchedule(
      applyChanges(sma12, { series: 'KR_DEFENSE_BUDGET', lag: 1, capPct: 'none' }),
      ctx(),
    )
    // 1,519.2 × (1 + 7.5 % [2026 budget growth]) = 1,633.14 → 1,633.1 bn
    expect(s.years[1]?.amount).toBe('1633100000000')
  })

  it('a term of one year leaves no escalation rule, and zero years is rejected', () => {
    expect(evaluateSchedule(applyChanges(sma12, { termYears: 1 }), ctx()).years).toHaveLength(1)
    expect(() => applyChanges(sma12, { termYears: 0 })).toThrow()
  })
})
