import { describe, expect, it } from 'vitest'
import {
  formatKoreanAmount,
  formatKrwKorean,
  formatMoney,
  formatPct,
  formatScaled,
} from './format.js'
import { toMajorText, toMinorUnits } from './currency.js'

describe('money formatting', () => {
  it('writes every currency in Korean units and its Korean name, so particles follow a syllable', () => {
    expect(formatKoreanAmount('33000000000', 'USD')).toBe('3억 3,000만 달러')
    expect(formatKoreanAmount('15000000050', 'USD')).toBe('1억 5,000만 달러 50센트')
    expect(formatKoreanAmount('50', 'USD')).toBe('50센트')
    expect(formatKoreanAmount('141600000000', 'JPY')).toBe('1,416억 엔')
    expect(formatKoreanAmount('-1551103200000', 'KRW')).toBe('-1조 5,511억 320만 원')
    expect(formatKoreanAmount('0', 'JPY')).toBe('0엔')
    expect(formatKoreanAmount('7', 'KRW')).toBe('7원')
    expect(formatKoreanAmount('123456789', 'KRW')).toBe('1억 2,345만 6,789원')
  })

  it('prints every digit with the symbol', () => {
    expect(formatMoney('1551100000000', 'KRW')).toBe('₩1,551,100,000,000')
    expect(formatMoney(15000000000n, 'USD')).toBe('$150,000,000')
    expect(formatMoney(15000000050n, 'USD')).toBe('$150,000,000.50')
    expect(formatMoney('-5', 'JPY')).toBe('-¥5')
  })

  it('prints won in 조/억/만 without dropping anything', () => {
    expect(formatKrwKorean('1551100000000')).toBe('1조 5,511억 원')
    expect(formatKrwKorean('1595200000000')).toBe('1조 5,952억 원')
    expect(formatKrwKorean('1551103200000')).toBe('1조 5,511억 320만 원')
    expect(formatKrwKorean('680400000000')).toBe('6,804억 원')
    expect(formatKrwKorean('12345')).toBe('1만 2,345원')
  })

  it('converts major units without silent rounding', () => {
    expect(toMinorUnits('150000000', 'USD')).toBe(15000000000n)
    expect(() => toMinorUnits('1.5', 'KRW')).toThrow(/more decimals/)
  })

  // Cases that kill mutants of the formatting code (stryker/stryker.config.mjs).
  it('drops a zero fraction, keeps a non-zero one, and signs negatives once', () => {
    expect(formatMoney(15000000000n, 'USD')).toBe('$150,000,000')
    expect(formatMoney(-1005n, 'USD')).toBe('-$10.05')
    expect(formatMoney(10n, 'USD')).toBe('$0.10')
    expect(formatMoney('0', 'KRW')).toBe('₩0')
    expect(formatMoney('999', 'KRW')).toBe('₩999')
    expect(formatMoney('1000', 'KRW')).toBe('₩1,000')
    expect(formatMoney('-1234567', 'KRW')).toBe('-₩1,234,567')
  })

  it('prints zero, negatives and every unit in 조/억/만', () => {
    expect(formatKrwKorean('0')).toBe('0원')
    expect(formatKrwKorean(-1551103200000n)).toBe('-1조 5,511억 320만 원')
    expect(formatKrwKorean('1000000000000')).toBe('1조 원')
    expect(formatKrwKorean('100000000')).toBe('1억 원')
    expect(formatKrwKorean('10000')).toBe('1만 원')
    expect(formatKrwKorean('9999')).toBe('9,999원')
    expect(formatKrwKorean('12340000000000000')).toBe('12,340조 원')
  })

  it('prints percentages and billions/millions exactly', () => {
    expect(formatPct('2.1')).toBe('2.1 %')
    expect(formatScaled('1519200000000', 'KRW')).toBe('₩1,519.2 bn')
    expect(formatScaled('1000000000', 'JPY')).toBe('¥1.0 bn')
    expect(formatScaled(-1234567890123n, 'KRW')).toBe('-₩1,234.567890123 bn')
    expect(formatScaled('15000000050', 'USD')).toBe('$150.0000005 m')
    expect(formatScaled('5', 'USD')).toBe('$0.00000005 m')
    expect(formatScaled('0', 'KRW')).toBe('₩0.0 bn')
  })

  it('writes minor units as major-unit text', () => {
    expect(toMajorText(15000000050n, 'USD')).toBe('150000000.50')
    expect(toMajorText(5n, 'USD')).toBe('0.05')
    expect(toMajorText(0n, 'USD')).toBe('0.00')
    expect(formatKrwKorean(-5n)).toBe('-5원')
    expect(toMajorText(-5n, 'USD')).toBe('-0.05')
    expect(toMajorText(-1519n, 'KRW')).toBe('-1519')
    expect(toMinorUnits('1.5', 'USD')).toBe(150n)
    expect(toMinorUnits('-0.01', 'USD')).toBe(-1n)
    expect(toMinorUnits('7', 'JPY')).toBe(7n)
    expect(() => toMinorUnits('0.001', 'USD')).toThrow(
      "0.001 USD has more decimals than the currency's 2",
    )
  })
})
