import { describe, expect, it } from 'vitest'
import type { IndexSeriesSet } from '../index-series/index-series.js'
import {
  compareItems,
  cpiFactor,
  divideHalfUp,
  latestCpiYear,
  realWon,
  type ComparedItem,
} from './compare.js'

/** A KR_CPI series with the given annual changes (percent), one release each. */
const cpi = (values: Record<number, string>): IndexSeriesSet => ({
  KR_CPI: {
    schema: 'sma-desk/index-series@1',
    id: 'KR_CPI',
    name: { en: 'CPI', ko: '소비자물가' },
    unit: 'percent',
    decimals: 1,
    publisher: 'test',
    values: Object.entries(values).map(([period, value]) => ({
      period: Number(period),
      value,
      vintage: 'first release',
      releasedOn: null,
      sources: ['https://example.test/cpi'],
    })),
  },
})
const indices = cpi({ 2024: '2.3', 2025: '2.1' })

const item = (key: string, first: number, amounts: readonly (number | null)[]): ComparedItem => ({
  key,
  title: key,
  schedule: {
    currency: 'KRW',
    years: amounts.map((a, i) => ({
      year: first + i,
      amount: a === null ? null : String(a),
      status: a === null ? 'pending' : 'computed',
    })),
  },
})

describe('divideHalfUp', () => {
  it('rounds the exact quotient half-up to one won', () => {
    expect(divideHalfUp(41n, 2n)).toBe(21n) // 20.5 → 21
    expect(divideHalfUp(10n, 3n)).toBe(3n) // 3.33… → 3
    expect(divideHalfUp(11n, 3n)).toBe(4n) // 3.66… → 4
    expect(divideHalfUp(-41n, 2n)).toBe(-21n) // −20.5: ties away from zero, as roundToStep's half-up
  })
})

describe('real terms (won of the latest KR_CPI year)', () => {
  it('takes the latest published year as the base', () => {
    expect(latestCpiYear(indices)).toBe(2025)
    expect(latestCpiYear({})).toBeNull()
  })
  it('multiplies by (1 + π) of every later year up to the base, exactly', () => {
    // 2023 → 2025: 1.023 × 1.021 = 1.044483
    expect(cpiFactor(indices, 2023, 2025)).toEqual({ num: 1044483n, den: 1000000n })
    expect(cpiFactor(indices, 2025, 2025)).toEqual({ num: 1n, den: 1n })
    // 1,000,000 won of 2023 = 1,044,483 won of 2025; 999,999 × 1.044483 = 1,044,481.955… → 1,044,482
    expect(realWon(1_000_000n, indices, 2023, 2025)).toBe(1_044_483n)
    expect(realWon(999_999n, indices, 2023, 2025)).toBe(1_044_482n)
  })
  it('leaves a year after the base, or with a missing CPI year, pending', () => {
    expect(realWon(1n, indices, 2026, 2025)).toBeNull()
    expect(cpiFactor(cpi({ 2025: '2.1' }), 2023, 2025)).toBeNull() // 2024 missing
  })
})

describe('compareItems', () => {
  const a = item('12th', 2024, [10_000, 11_000, 12_000, 13_000, 14_000]) // 2024–2028
  const b = item('two years', 2031, [20_000, 21_001]) // other years
  const c = item('same years', 2024, [11_000, 11_000, 11_000, 11_000, 11_000])
  const cmp = compareItems([a, b, c], { reservationValue: '15000', target: '12000' }, indices, null)
  const [ra, rb, rc] = cmp.rows

  it('sums the term and averages it per year, half-up', () => {
    expect(ra?.total).toBe('60000') // 10,000 + … + 14,000
    expect(ra?.averagePerYear).toBe('12000') // 60,000 / 5
    expect(rb?.total).toBe('41001')
    expect(rb?.averagePerYear).toBe('20501') // 41,001 / 2 = 20,500.5 → 20,501
    expect(cmp.allYears).toEqual([2024, 2025, 2026, 2027, 2028, 2031, 2032])
  })
  it('compares totals only over the same years, else yearly averages (and says which)', () => {
    expect(ra?.difference).toBeNull()
    expect(rb?.difference).toEqual({ basis: 'yearly-average', won: '8501' }) // 20,501 − 12,000
    expect(rc?.difference).toEqual({ basis: 'total', won: '-5000' }) // 55,000 − 60,000
  })
  it('measures each yearly average against our reservation value and target (won per year)', () => {
    expect(rb?.vsReservation).toBe('5501') // 20,501 − 15,000
    expect(rb?.vsTarget).toBe('8501') // 20,501 − 12,000
    expect(rc?.vsReservation).toBe('-4000') // 11,000 − 15,000
  })
  it('deflates published years and keeps later ones pending (no real total then)', () => {
    // 10,000 won of 2024 × 1.021 = 10,210 won of 2025; 11,000 of 2025 stays 11,000
    expect(ra?.years.map((y) => y.real)).toEqual(['10210', '11000', null, null, null])
    expect(ra?.realTotal).toBeNull()
    const past = compareItems([item('past', 2024, [10_000, 11_000])], null, indices, null).rows[0]
    expect(past?.realTotal).toBe('21210') // 10,210 + 11,000
    expect(past?.realAveragePerYear).toBe('10605') // 21,210 / 2
    expect(past?.vsReservation).toBeNull() // no position
  })
  it('divides by stationed service members only when a count is given', () => {
    expect(ra?.perServiceMember).toBeNull()
    const r = compareItems([a], null, indices, 7n).rows[0]
    expect(r?.perServiceMember).toBe('1714') // 12,000 / 7 = 1,714.28… → 1,714
  })
  it('does not compare across currencies, nor an unknown total', () => {
    const usd: ComparedItem = {
      key: 'usd',
      title: 'usd',
      schedule: { currency: 'USD', years: [{ year: 2024, amount: '5', status: 'computed' }] },
    }
    const pending = item('pending', 2024, [10_000, null, 1, 1, 1])
    const r = compareItems(
      [a, usd, pending],
      { reservationValue: '1', target: null },
      indices,
      null,
    ).rows
    expect(r[1]?.difference).toBeNull()
    expect(r[1]?.vsReservation).toBeNull()
    expect(r[1]?.years[0]?.real).toBeNull()
    expect(r[2]?.total).toBeNull()
    expect(r[2]?.difference).toBeNull()
  })
  it('takes the first item with a known yearly average as the reference', () => {
    const pending = item('pending', 2024, [10_000, null])
    const cmp2 = compareItems([pending, b, c], null, indices, null)
    expect(cmp2.reference).toBe('two years')
    expect(cmp2.rows[0]?.difference).toBeNull()
    expect(cmp2.rows[1]?.difference).toBeNull()
    // 11,000 − 20,501 (other years: of yearly averages)
    expect(cmp2.rows[2]?.difference).toEqual({ basis: 'yearly-average', won: '-9501' })
  })
})
