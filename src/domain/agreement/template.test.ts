import { describe, expect, it } from 'vitest'
import { continuationTemplate } from './template.js'
import { evaluateSchedule } from './evaluate.js'
import { evaluationContext } from '../record/record.js'
import { loadRecord } from '../../record/shipped-record.js'
import { parseIndexOverride } from '../index-series/index-series.js'

const record = loadRecord()
const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
if (!sma12) throw new Error('no 12th SMA')
const ctx = (o: string[] = []) => evaluationContext(record, o.map(parseIndexOverride))
const next = continuationTemplate(sma12, { firstYear: 2031, lastYear: 2035, increasePct: '5' })

describe('continuationTemplate (a draft continuing an agreement)', () => {
  it('continues the 12th SMA over 2031–2035: stated first-year increase, then its CPI rule', () => {
    expect(next.term).toMatchObject({ firstYear: 2031, lastYear: 2035 })
    expect(next.rules.map((r) => r.kind)).toEqual(['negotiated-increase', 'index-linked'])
    const esc = next.rules[1]
    expect(esc && 'years' in esc ? esc.years : []).toEqual([2032, 2033, 2034, 2035])
    expect(next.published).toEqual([])
    expect(next.lifecycle.signed.status).toBe('unknown')
  })

  it('is pending while the 12th SMA’s 2030 is, waiting for the same index values', () => {
    const s = evaluateSchedule(next, ctx())
    expect(s.years.map((y) => y.status)).toEqual(Array(5).fill('pending'))
    const d = s.years[0]?.derivation
    expect(d?.type === 'pending' ? d.waitingFor.map((w) => w.period) : []).toEqual([
      2026, 2027, 2028,
    ])
  })

  it('computes exactly once the index values exist (what-if 2 % a year)', () => {
    const values = [2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033].map((y) => `KR_CPI:${y}=2`)
    const s12 = evaluateSchedule(sma12, ctx(values))
    const s = evaluateSchedule(next, ctx(values))
    const y2030 = BigInt(s12.years.at(-1)?.amount ?? '0')
    // 2031 = 2030 × 1.05 rounded half-up to ₩100,000,000 (the 12th SMA's rounding)
    const step = 100_000_000n
    const exact105 = y2030 * 105n
    const expected = ((exact105 + (step * 100n) / 2n) / (step * 100n)) * step
    expect(s.years[0]?.amount).toBe(expected.toString())
    expect(s.years[0]?.derivation).toMatchObject({
      type: 'escalated',
      base: { agreement: 'rok-us-sma-12', year: 2030, from: 'schedule' },
    })
    // 2032 = 2031 × 1.02 (CPI 2030, under the 5 % cap), same rounding
    const y2031 = BigInt(s.years[0]?.amount ?? '0')
    const exact102 = y2031 * 102n
    expect(s.years[1]?.amount).toBe(
      (((exact102 + (step * 100n) / 2n) / (step * 100n)) * step).toString(),
    )
    expect(s.total).not.toBeNull()
  })

  it('refuses a term that does not follow the agreement or runs too long', () => {
    expect(() =>
      continuationTemplate(sma12, { firstYear: 2030, lastYear: 2034, increasePct: '5' }),
    ).toThrow(/start after 2030/)
    expect(() =>
      continuationTemplate(sma12, { firstYear: 2031, lastYear: 2050, increasePct: '5' }),
    ).toThrow(/1 to 10 years/)
    expect(
      continuationTemplate(sma12, { firstYear: 2031, lastYear: 2031, increasePct: '0' }).rules,
    ).toHaveLength(1)
  })
})
