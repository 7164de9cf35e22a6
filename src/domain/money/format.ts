import { CURRENCY_EXPONENT, toMajorText, type CurrencyCode } from './currency.js'

const SYMBOL: Record<CurrencyCode, string> = { KRW: '₩', USD: '$', JPY: '¥' }

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * Formats integer minor units with the currency symbol and every digit (no float, no
 * abbreviation), dropping a zero fraction.
 * @example formatMoney('1551100000000', 'KRW') // "₩1,551,100,000,000"
 * @example formatMoney(15000000050n, 'USD') // "$150,000,000.50"
 */
export function formatMoney(minor: string | bigint, currency: CurrencyCode): string {
  const text = toMajorText(BigInt(minor), currency)
  const negative = text.startsWith('-')
  const [int = '0', frac] = (negative ? text.slice(1) : text).split('.')
  const fracPart = frac && CURRENCY_EXPONENT[currency] > 0 && /[1-9]/.test(frac) ? `.${frac}` : ''
  return `${negative ? '-' : ''}${SYMBOL[currency]}${groupThousands(int)}${fracPart}`
}

const UNITS: readonly [bigint, string][] = [
  [1_000_000_000_000n, '조'],
  [100_000_000n, '억'],
  [10_000n, '만'],
]

/**
 * Won in Korean units (조, 억, 만), exactly: nothing is dropped.
 * @example formatKrwKorean('1551100000000') // "1조 5,511억 원"
 * @example formatKrwKorean('1551103200000') // "1조 5,511억 320만 원"
 */
export function formatKrwKorean(minor: string | bigint): string {
  let n = BigInt(minor)
  const negative = n < 0n
  if (negative) n = -n
  if (n === 0n) return '0원'
  const parts: string[] = []
  for (const [unit, name] of UNITS) {
    const q = n / unit
    if (q > 0n) parts.push(`${groupThousands(q.toString())}${name}`)
    n %= unit
  }
  if (n > 0n) parts.push(groupThousands(n.toString()))
  return `${negative ? '-' : ''}${parts.join(' ')} 원`
}

/**
 * A percentage as text: English derivation texts put a space before the sign, Korean writes
 * the sign straight after the number, as the government's releases do ("2.1%").
 * @example formatPct('2.1') // "2.1 %"
 * @example formatPct('2.1', 'ko') // "2.1%"
 */
export function formatPct(value: string, lang: 'en' | 'ko' = 'en'): string {
  return lang === 'ko' ? `${value}%` : `${value} %`
}

/**
 * A large amount in billions (won, yen) or millions (dollars) of the major unit, exactly, with at
 * least one decimal: the English briefs' reading.
 * @example formatScaled('1519200000000', 'KRW') // "₩1,519.2 bn"
 * @example formatScaled('15000000050', 'USD') // "$150.0000005 m"
 */
export function formatScaled(minor: string | bigint, currency: CurrencyCode): string {
  let n = BigInt(minor)
  const negative = n < 0n
  if (negative) n = -n
  const digits =
    currency === 'USD' ? 6 + CURRENCY_EXPONENT[currency] : 9 + CURRENCY_EXPONENT[currency]
  const unit = 10n ** BigInt(digits)
  const frac = (n % unit).toString().padStart(digits, '0').replace(/0+$/, '')
  const text = `${groupThousands((n / unit).toString())}.${frac === '' ? '0' : frac}`
  return `${negative ? '-' : ''}${SYMBOL[currency]}${text} ${currency === 'USD' ? 'm' : 'bn'}`
}
