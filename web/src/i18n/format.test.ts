import { describe, expect, it } from 'vitest'
import {
  daysBetween,
  formatDate,
  formatKrwKorean,
  formatMoney,
  formatMoneyDelta,
  formatMoneyExact,
  groupDigits,
} from './format'

describe('money formatting', () => {
  it('writes won as 조/억 in Korean and every digit in English', () => {
    expect(formatMoney('1595200000000', 'KRW', 'ko')).toBe('1조 5,952억 원')
    expect(formatMoney('1595200000000', 'KRW', 'en')).toBe('₩1,595,200,000,000')
    expect(formatKrwKorean('680400000000')).toBe('6,804억 원')
    expect(formatMoneyExact('1551103200000', 'KRW')).toBe('₩1,551,103,200,000')
  })

  it('keeps dollar amounts exact (minor units are cents)', () => {
    expect(formatMoney('15000000000', 'USD', 'en')).toBe('$150,000,000')
    expect(formatMoney('15000000050', 'USD', 'ko')).toBe('$150,000,000.50')
  })

  it('signs differences', () => {
    expect(formatMoneyDelta(44100000000n, 'KRW', 'ko')).toBe('+441억 원')
    expect(formatMoneyDelta(-44100000000n, 'KRW', 'en')).toBe('−₩44,100,000,000')
    expect(formatMoneyDelta(0n, 'KRW', 'en')).toBe('±0')
  })

  it('groups long decimal text exactly (no float)', () => {
    expect(groupDigits('123456789012345678901')).toBe('123,456,789,012,345,678,901')
  })
})

describe('dates', () => {
  it('formats calendar dates without time-zone drift, and month-only dates', () => {
    expect(formatDate('2030-12-31', 'en')).toBe('December 31, 2030')
    expect(formatDate('2030-12-31', 'ko')).toBe('2030년 12월 31일')
    expect(formatDate('2001-04', 'en')).toBe('April 2001')
  })

  it('counts days between calendar dates', () => {
    expect(daysBetween('2026-11-28', '2030-12-31')).toBe(1494)
    expect(daysBetween('2026-11-28', '2026-11-27')).toBe(-1)
  })
})
