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
 * @example formatKrwKorean('123456789') // "1억 2,345만 6,789원"
 */
export function formatKrwKorean(minor: string | bigint): string {
  return formatKoreanAmount(minor, 'KRW')
}

const KOREAN_NAME: Record<CurrencyCode, string> = { KRW: '원', USD: '달러', JPY: '엔' }

/** A whole number in Korean units: "1조 5,511억 320만", "0" for zero. */
function koreanUnits(whole: bigint): string {
  let n = whole
  const parts: string[] = []
  for (const [unit, name] of UNITS) {
    const q = n / unit
    if (q > 0n) parts.push(`${groupThousands(q.toString())}${name}`)
    n %= unit
  }
  if (n > 0n || parts.length === 0) parts.push(groupThousands(n.toString()))
  return parts.join(' ')
}

/**
 * An amount of any currency as Korean prose writes it, in 조, 억 and 만 and the currency's
 * Korean name, exactly: nothing is dropped or rounded. Cents are written as 센트 after the
 * dollars. Korean particles then follow a syllable (원이, 달러가, 엔이), never a symbol.
 * @example formatKoreanAmount('1551103200000', 'KRW') // "1조 5,511억 320만 원"
 * @example formatKoreanAmount('33000000000', 'USD') // "3억 3,000만 달러"
 * @example formatKoreanAmount('15000000050', 'USD') // "1억 5,000만 달러 50센트"
 * @example formatKoreanAmount('141600000000', 'JPY') // "1,416억 엔"
 */
export function formatKoreanAmount(minor: string | bigint, currency: CurrencyCode): string {
  let n = BigInt(minor)
  const negative = n < 0n
  if (negative) n = -n
  const scale = 10n ** BigInt(CURRENCY_EXPONENT[currency])
  const whole = n / scale
  const cents = n % scale
  const sign = negative ? '-' : ''
  if (n === 0n) return `0${KOREAN_NAME[currency]}`
  if (whole === 0n) return `${sign}${cents.toString()}센트`
  // 3억 달러, 1조 5,192억 원 (after a unit word, spaced) but 6,789원, 1달러 (after digits)
  const gap = whole % 10_000n === 0n ? ' ' : ''
  const main = `${sign}${koreanUnits(whole)}${gap}${KOREAN_NAME[currency]}`
  return cents === 0n ? main : `${main} ${cents.toString()}센트`
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
