import { parseDecimal, type Rational } from './rational.js'

/** ISO 4217 codes the record uses, with their minor-unit exponents. */
export const CURRENCY_EXPONENT = { KRW: 0, JPY: 0, USD: 2 } as const

export type CurrencyCode = keyof typeof CURRENCY_EXPONENT

/**
 * Converts a major-unit decimal text to integer minor units, rejecting more decimals than the
 * currency has (no silent rounding).
 * @example toMinorUnits('150000000', 'USD') // 15000000000n (cents)
 */
export function toMinorUnits(major: string, currency: CurrencyCode): bigint {
  const r: Rational = parseDecimal(major)
  const scaled = r.num * 10n ** BigInt(CURRENCY_EXPONENT[currency])
  if (scaled % r.den !== 0n) {
    throw new RangeError(
      `${major} ${currency} has more decimals than the currency's ${CURRENCY_EXPONENT[currency]}`,
    )
  }
  return scaled / r.den
}

/**
 * Integer minor units as major-unit decimal text.
 * @example toMajorText(15000000050n, 'USD') // "150000000.50"
 */
export function toMajorText(minor: bigint, currency: CurrencyCode): string {
  const e = CURRENCY_EXPONENT[currency]
  if (e === 0) return minor.toString()
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString().padStart(e + 1, '0')
  const text = `${digits.slice(0, -e)}.${digits.slice(-e)}`
  return negative ? `-${text}` : text
}
