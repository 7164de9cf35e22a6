import { describe, expect, it } from 'vitest'
import { formatKrwKorean, formatMoney } from './format.js'
import { toMinorUnits } from './currency.js'

describe('money formatting', () => {
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
    expect(formatKrwKorean('12345')).toBe('1만 2,345 원')
  })

  it('converts major units without silent rounding', () => {
    expect(toMinorUnits('150000000', 'USD')).toBe(15000000000n)
    expect(() => toMinorUnits('1.5', 'KRW')).toThrow(/more decimals/)
  })
})
