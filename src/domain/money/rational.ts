/**
 * Exact rational numbers over bigint. Money, rates and index values in the agreement engine are
 * rationals so that the only rounding is the one an agreement names (see rounding.ts).
 */
export interface Rational {
  /** Numerator; carries the sign. */
  readonly num: bigint
  /** Denominator; always > 0 and coprime with `num`. */
  readonly den: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) {
    const t = x % y
    x = y
    y = t
  }
  return x
}

/**
 * Builds a normalised rational num/den.
 * @example rational(6n, 4n) // { num: 3n, den: 2n }
 */
export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: division by zero')
  if (den < 0n) {
    num = -num
    den = -den
  }
  const g = gcd(num, den)
  return g > 1n ? { num: num / g, den: den / g } : { num, den }
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/

/** True when `text` is a plain decimal numeral such as "2.1", "-0.5" or "1519200000000". */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text)
}

/**
 * Parses a decimal numeral exactly (never through a binary float).
 * @example parseDecimal('2.1') // { num: 21n, den: 10n }
 */
export function parseDecimal(text: string): Rational {
  const m = DECIMAL.exec(text)
  if (!m) throw new RangeError(`not a decimal number: "${text}"`)
  const [, sign, int = '0', frac = ''] = m
  const num = BigInt(int + frac) * (sign === '-' ? -1n : 1n)
  return rational(num, 10n ** BigInt(frac.length))
}

/** a + b, exact. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den)
}

/** a − b, exact. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den)
}

/** a × b, exact. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den)
}

/** a ÷ b, exact; throws on b = 0. */
export function div(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num)
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

/** The smaller of a and b (a when equal). */
export function min(a: Rational, b: Rational): Rational {
  return compare(b, a) < 0 ? b : a
}

/** The larger of a and b (a when equal). */
export function max(a: Rational, b: Rational): Rational {
  return compare(b, a) > 0 ? b : a
}

/** An integer as a rational. */
export function fromBigInt(n: bigint): Rational {
  return { num: n, den: 1n }
}

/** A percentage as a fraction: pct(parseDecimal('2.1')) = 21/1000. */
export function pct(p: Rational): Rational {
  return rational(p.num, p.den * 100n)
}

/** True when the value has a finite decimal expansion (den = 2^a·5^b). */
export function isTerminating(r: Rational): boolean {
  let d = r.den
  while (d % 2n === 0n) d /= 2n
  while (d % 5n === 0n) d /= 5n
  return d === 1n
}

/**
 * Exact decimal text of a terminating rational; a non-terminating one is cut after
 * `maxFractionDigits` digits and marked with a trailing "…".
 * @example toDecimalString(rational(15511032n, 10n)) // "1551103.2"
 */
export function toDecimalString(r: Rational, maxFractionDigits = 20): string {
  const negative = r.num < 0n
  const n = negative ? -r.num : r.num
  const intPart = n / r.den
  let rem = n % r.den
  let frac = ''
  while (rem !== 0n && frac.length < maxFractionDigits) {
    rem *= 10n
    frac += (rem / r.den).toString()
    rem %= r.den
  }
  // A cut is marked even when no fraction digit is kept (-1/2 with 0 digits is "-0…", not "0").
  const body = `${intPart}${frac ? `.${frac}` : ''}${rem !== 0n ? '…' : ''}`
  return negative ? `-${body}` : body
}
