import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { add, compare, div, mul, parseDecimal, rational, toDecimalString } from './rational.js'

describe('rational', () => {
  it('parses decimal text exactly, never through a float', () => {
    expect(parseDecimal('2.1')).toEqual({ num: 21n, den: 10n })
    expect(parseDecimal('-0.50')).toEqual({ num: -1n, den: 2n })
    expect(parseDecimal('1519200000000')).toEqual({ num: 1519200000000n, den: 1n })
    expect(() => parseDecimal('2.1e3')).toThrow(/not a decimal/)
    expect(() => parseDecimal('')).toThrow(/not a decimal/)
  })

  it('prints terminating values exactly and marks cut ones', () => {
    expect(toDecimalString(rational(15511032n, 10n))).toBe('1551103.2')
    expect(toDecimalString(rational(-1n, 8n))).toBe('-0.125')
    expect(toDecimalString(rational(1n, 3n), 5)).toBe('0.33333…')
  })

  it('measured float failure case is exact here: 828,596,857,500 × 1.041', () => {
    const exact = mul(parseDecimal('828596857500'), parseDecimal('1.041'))
    expect(toDecimalString(exact)).toBe('862569328657.5')
  })

  it('arithmetic is a field (property)', () => {
    const r = fc
      .tuple(fc.bigInt(-(10n ** 15n), 10n ** 15n), fc.bigInt(1n, 10n ** 6n))
      .map(([n, d]) => rational(n, d))
    fc.assert(
      fc.property(r, r, (a, b) => {
        expect(compare(add(a, b), add(b, a))).toBe(0)
        if (b.num !== 0n) expect(compare(mul(div(a, b), b), a)).toBe(0)
      }),
      { numRuns: 2000, seed: 42 },
    )
  })
})
