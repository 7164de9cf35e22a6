import { describe, expect, it } from 'vitest'
import { continuationTemplate } from './template.js'
import { evaluateSchedule } from './evaluate.js'
import { evaluationContext } from '../record/record.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'
import type { AgreementSpec } from './spec.js'
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

  it('never takes a base computed in another currency', () => {
    const values = [2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033].map((y) => `KR_CPI:${y}=2`)
    const inDollars: AgreementSpec = { ...next, currency: { kind: 'single', code: 'USD' } }
    // the same refusal as a published base in another currency: the schedule names the problem
    expect(() => evaluateSchedule(inDollars, ctx(values))).toThrow(
      'rok-us-sma-12 2030 is computed in KRW, not USD',
    )
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

describe('continuationTemplate refusals and choices', () => {
  /** The refusal as the API and the CLI show it: code, English message, Korean text. */
  const refusal = (spec: AgreementSpec, firstYear: number, lastYear: number) => {
    try {
      continuationTemplate(spec, { firstYear, lastYear, increasePct: '5' })
    } catch (e) {
      return e
    }
    return undefined
  }

  it('names the problem in English and in Korean (titles, not ids)', () => {
    expect(refusal(sma12, 2030, 2034)).toMatchObject({
      code: 'unprocessable',
      message: 'the new term must start after 2030, the last year of rok-us-sma-12',
      extra: {
        ko: '새 협정 기간은 제12차 한미 방위비분담특별협정의 마지막 해(2030년) 이후에 시작해야 합니다.',
      },
    })
    expect(refusal(sma12, 2031, 2041)).toMatchObject({
      message: 'the term must run 1 to 10 years',
      extra: { ko: '협정 기간은 1년에서 10년 사이여야 합니다.' },
    })
    const sma06 = shippedAgreement('rok-us-sma-06')
    expect(refusal(sma06, 2007, 2008)).toMatchObject({
      message: 'rok-us-sma-06 has no escalation rule to continue',
      extra: { ko: `${sma06.title.ko}에는 이어 적용할 인상 규칙이 없습니다.` },
    })
    // one year needs no escalation, but still a rounding to state the first year with
    expect(refusal(sma06, 2007, 2007)).toMatchObject({
      message: 'rok-us-sma-06 states no rounding to continue',
      extra: { ko: `${sma06.title.ko}에는 이어 적용할 반올림 규칙이 없습니다.` },
    })
  })

  it('runs 1 to 10 years, and not backwards', () => {
    expect(refusal(sma12, 2031, 2040)).toBeUndefined()
    expect(refusal(sma12, 2031, 2030)).toMatchObject({ message: 'the term must run 1 to 10 years' })
  })

  it('rounds the first year as the first-year rule does, else as the escalation does', () => {
    const [first, esc] = sma12.rules
    if (first?.kind !== 'negotiated-increase' || esc?.kind !== 'index-linked')
      throw new Error('shape')
    const truncating: AgreementSpec = {
      ...sma12,
      rules: [{ ...first, rounding: { mode: 'truncate', step: '1000000' } }, esc],
    }
    const t = continuationTemplate(truncating, {
      firstYear: 2031,
      lastYear: 2032,
      increasePct: '5',
    })
    expect(t.rules[0]).toMatchObject({ rounding: { mode: 'truncate', step: '1000000' } })
    expect(t.rules[1]).toMatchObject({ rounding: esc.rounding })
    // the 3rd SMA has no negotiated increase: its fixed 10 % rule gives the rounding
    const sma03 = shippedAgreement('rok-us-sma-03')
    const fixed = sma03.rules.find((r) => r.kind === 'fixed-percentage')
    if (fixed?.kind !== 'fixed-percentage') throw new Error('the 3rd SMA changed shape')
    const t3 = continuationTemplate(sma03, { firstYear: 1999, lastYear: 2000, increasePct: '5' })
    expect(t3.rules[0]).toMatchObject({ rounding: fixed.rounding })
  })

  it('rounds as the negotiated increase does wherever it stands among the rules', () => {
    const [first, esc] = sma12.rules
    if (first?.kind !== 'negotiated-increase' || esc?.kind !== 'index-linked')
      throw new Error('shape')
    const reordered: AgreementSpec = {
      ...sma12,
      rules: [{ ...esc, rounding: { mode: 'truncate', step: '1000000' } }, first],
    }
    const t = continuationTemplate(reordered, { firstYear: 2031, lastYear: 2031, increasePct: '5' })
    expect(t.rules[0]).toMatchObject({ rounding: first.rounding })
  })

  it('is a draft: cites nothing, dates nothing, asks nothing yet', () => {
    // drawn inside the test, so that mutation testing sees the code that draws it
    const next = continuationTemplate(sma12, { firstYear: 2031, lastYear: 2035, increasePct: '5' })
    expect(next.id).toBe('rok-us-sma-12-next-2031')
    expect(next.rules[0]?.cite).toEqual([])
    expect(next.rules[0]).toMatchObject({
      note: {
        ko: '제12차 한미 방위비분담특별협정의 2030년 금액에 제시된 인상률을 적용합니다.',
      },
    })
    expect(next.openQuestions).toEqual([])
    expect(next.rules[1]).toMatchObject({
      note: { ko: '제12차 한미 방위비분담특별협정의 연간 인상 규칙을 이어 적용합니다.' },
    })
  })
})
