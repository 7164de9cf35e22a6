import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluationContext } from '../record/record.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { shippedComparisonInputs, shippedJapanSupport } from '../../record/shipped-host-support.js'
import { cellOf, compareHosts, koreaYearly, type HostCell } from './compare.js'
import type { ComparisonInputs } from './schema.js'
import { amountText, cellWords, comparisonHeader, comparisonNotes, usdText } from './words.js'

const snapshot = shippedSnapshot()
const korea = koreaYearly(snapshot.agreements, evaluationContext(snapshot))
const japan = shippedJapanSupport()
const inputs = shippedComparisonInputs()
const comparison = compareHosts(korea, japan, inputs)

const inputsOf = (over: Partial<ComparisonInputs>): ComparisonInputs => ({
  schema: 'sma-desk/comparison-inputs@1',
  exchangeRates: { series: { en: 'test series', ko: '시험 계열' }, values: [] },
  troops: [],
  defenseBudgets: [],
  ...over,
})
const yen = (value: string): HostCell['amount'] => ({
  value,
  currency: 'JPY',
  provenance: 'published',
  sources: ['https://www.mod.go.jp/x'],
  agreement: 'jp-us-sma-2022',
})

describe("Korea's yearly amounts come from the record's schedules", () => {
  it('take the published and derived years of the ROK–US agreements, one per year', () => {
    const y2019 = korea.find((k) => k.year === 2019)
    expect(y2019).toMatchObject({ agreement: 'rok-us-sma-10', currency: 'KRW' })
    expect(y2019?.amount).toBe('1038900000000')
    const y2023 = korea.find((k) => k.year === 2023)
    expect(y2023?.provenance).toBe('derived')
    expect(new Set(korea.map((k) => k.year)).size).toBe(korea.length)
    // the dollar era keeps its currency: no rate is invented for it
    expect(korea.find((k) => k.year === 1995)?.currency).toBe('USD')
  })
})

describe('one cell of the comparison', () => {
  const rate = {
    year: 2022,
    currency: 'JPY' as const,
    perUsd: '131.4589',
    sources: ['https://federalreserve.gov/x'],
  }
  const troops = {
    host: 'JP' as const,
    year: 2022,
    count: 54000,
    basis: { en: 'b', ko: 'ㄴ' },
    sources: ['https://x.go.jp'],
  }
  const budget = {
    host: 'JP' as const,
    year: 2022,
    currency: 'JPY' as const,
    amount: '5400500000000',
    basis: { en: 'b', ko: 'ㄴ' },
    sources: ['https://www.mod.go.jp/y'],
  }

  it('converts at the stated rate, exactly, and rounds half-even only at the end', () => {
    const c = cellOf(
      'JP',
      2022,
      yen('205600000000'),
      inputsOf({
        exchangeRates: { series: { en: 's', ko: 's' }, values: [rate] },
        troops: [troops],
        defenseBudgets: [budget],
      }),
    )
    // 205,600,000,000 / 131.4589 = 1,563,986,919.1055… dollars
    expect(c.usdCents).toBe('156398691911')
    // ÷ 54,000 = 28,962.72… → $28,963
    expect(c.usdCentsPerTroop).toBe('2896300')
    // 205.6 / 5,400.5 = 3.8070… %
    expect(c.budgetSharePct).toBe('3.81')
    expect(c.rate?.perUsd).toBe('131.4589')
  })

  it('says unknown (null) when any input is missing, never interpolating', () => {
    const noRate = cellOf(
      'JP',
      2022,
      yen('205600000000'),
      inputsOf({ troops: [troops], defenseBudgets: [budget] }),
    )
    expect(noRate.usdCents).toBeNull()
    expect(noRate.usdCentsPerTroop).toBeNull()
    // the budget share needs no rate when both are in yen
    expect(noRate.budgetSharePct).toBe('3.81')
    expect(noRate.rate).toBeNull()
    const noAmount = cellOf(
      'JP',
      2022,
      null,
      inputsOf({
        exchangeRates: { series: { en: 's', ko: 's' }, values: [rate] },
        troops: [troops],
      }),
    )
    expect(noAmount).toMatchObject({
      usdCents: null,
      usdCentsPerTroop: null,
      budgetSharePct: null,
      rate: null,
    })
    // a neighbouring year's rate is not used
    const otherYear = cellOf(
      'JP',
      2021,
      yen('201700000000'),
      inputsOf({ exchangeRates: { series: { en: 's', ko: 's' }, values: [rate] } }),
    )
    expect(otherYear.usdCents).toBeNull()
  })

  it('needs no rate for a dollar amount, and one for its budget share in won', () => {
    const usd: HostCell['amount'] = {
      value: '39900000000',
      currency: 'USD',
      provenance: 'published',
      sources: [],
      agreement: 'rok-us-sma-02',
    }
    const krBudget = {
      ...budget,
      host: 'KR' as const,
      currency: 'KRW' as const,
      year: 2003,
      amount: '17426400000000',
    }
    const krRate = {
      year: 2003,
      currency: 'KRW' as const,
      perUsd: '1192.08',
      sources: ['https://federalreserve.gov/x'],
    }
    const noRate = cellOf('KR', 2003, usd, inputsOf({ defenseBudgets: [krBudget] }))
    expect(noRate.usdCents).toBe('39900000000')
    expect(noRate.budgetSharePct).toBeNull()
    const withRate = cellOf(
      'KR',
      2003,
      usd,
      inputsOf({
        defenseBudgets: [krBudget],
        exchangeRates: { series: { en: 's', ko: 's' }, values: [krRate] },
      }),
    )
    // $399 m × 1,192.08 = ₩475.64 bn of ₩17,426.4 bn = 2.7294… %
    expect(withRate.budgetSharePct).toBe('2.73')
    expect(withRate.rate?.perUsd).toBe('1192.08')
  })

  it('dollars times the rate give back the amount to within half a cent (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(1n, 10n ** 13n),
        fc.integer({ min: 1, max: 20_000_000 }),
        (amount, rate10k) => {
          const perUsd = `${Math.floor(rate10k / 10000)}.${String(rate10k % 10000).padStart(4, '0')}`
          if (perUsd === '0.0000') return
          const c = cellOf(
            'JP',
            2000,
            yen(amount.toString()),
            inputsOf({
              exchangeRates: {
                series: { en: 's', ko: 's' },
                values: [
                  {
                    year: 2000,
                    currency: 'JPY',
                    perUsd,
                    sources: ['https://federalreserve.gov/x'],
                  },
                ],
              },
            }),
          )
          // |cents × rate − amount × 100| ≤ rate / 2 (half a cent, in yen × 100)
          const back = BigInt(c.usdCents ?? '0') * BigInt(rate10k) - amount * 100n * 10000n
          expect(2n * (back < 0n ? -back : back) <= BigInt(rate10k)).toBe(true)
        },
      ),
    )
  })
})

describe('the Korea–Japan comparison of the shipped record', () => {
  it('has a row for every year of either host, Japan from FY1987, and labels derived figures', () => {
    expect(comparison.firstYear).toBe(1987)
    expect(comparison.lastYear).toBeGreaterThanOrEqual(2027)
    expect(comparison.rows.map((r) => r.year)).toEqual(
      Array.from({ length: comparison.lastYear - 1986 }, (_, i) => 1987 + i),
    )
    expect(comparison.coverage.JP.amount).toBe(28)
    expect(comparison.rows.find((r) => r.year === 2012)?.jp.amount).toBeNull()
    expect(comparisonNotes(comparison, 'en').join(' ')).toContain(
      'derived by SMA Desk, not published',
    )
    expect(comparisonNotes(comparison, 'ko').join(' ')).toContain('4월~다음 해 3월')
  })

  it('matches the golden tables (ko, en)', () => {
    for (const lang of ['ko', 'en'] as const) {
      const lines = [comparisonHeader(lang).join(' | ')]
      for (const r of comparison.rows)
        for (const c of [r.kr, r.jp]) lines.push(cellWords(c, lang).join(' | '))
      lines.push('', ...comparisonNotes(comparison, lang))
      const text = `${lines.join('\n')}\n`
      const file = join(import.meta.dirname, '__golden__', `comparison.${lang}.txt`)
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text)
      expect(text).toBe(readFileSync(file, 'utf8'))
    }
  })
})

describe('display roundings', () => {
  it('are half-even and in the units officials use', () => {
    expect(amountText('205600000000', 'JPY', 'ko')).toBe('2,056억 엔')
    expect(amountText('205600000000', 'JPY', 'en')).toBe('¥205.6 bn')
    expect(amountText('1519200000000', 'KRW', 'ko')).toBe('1조 5,192억 원')
    expect(amountText('1519250000000', 'KRW', 'ko')).toBe('1조 5,192억 원') // tie to even
    expect(usdText('156398691911', 'en')).toBe('$1,564.0 m')
    expect(usdText('156398691911', 'ko')).toBe('15억 6,400만 달러')
  })
})
