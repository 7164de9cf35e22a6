/**
 * Reading a won amount as people type it: every digit ("1,600,000,000,000"), Korean units
 * ("1조 6천억", "16000억", "1조 5,511억 320만 원", "1.6조") or English scales ("1.6 trillion",
 * "1,519.2 bn", "300 million"). Exact: the text's decimal is multiplied by its unit as integers,
 * nothing passes through a float, and an amount that does not come to whole won is refused rather
 * than rounded (a reservation value is not something to round silently).
 */

/** Why a text is not a won amount. */
export type WonParseProblem = 'empty' | 'unreadable' | 'fraction' | 'negative' | 'too-large'

export type WonParse =
  | { readonly ok: true; readonly won: bigint; readonly form: 'digits' | 'korean' | 'english' }
  | { readonly ok: false; readonly problem: WonParseProblem }

/** An exact decimal: n / 10^s. */
interface Dec {
  readonly n: bigint
  readonly s: number
}
const ZERO: Dec = { n: 0n, s: 0 }
const dec = (text: string): Dec => {
  const [int = '0', frac = ''] = text.split('.')
  return { n: BigInt(int + frac), s: frac.length }
}
const add = (a: Dec, b: Dec): Dec => {
  const s = Math.max(a.s, b.s)
  return { n: a.n * 10n ** BigInt(s - a.s) + b.n * 10n ** BigInt(s - b.s), s }
}
const times = (a: Dec, unit: bigint): Dec => ({ n: a.n * unit, s: a.s })

const BIG: Record<string, bigint> = { 조: 10n ** 12n, 억: 10n ** 8n, 만: 10n ** 4n }
const SMALL: Record<string, bigint> = { 천: 1000n, 백: 100n, 십: 10n }
const ENGLISH: Record<string, bigint> = {
  trillion: 10n ** 12n,
  tn: 10n ** 12n,
  t: 10n ** 12n,
  billion: 10n ** 9n,
  bn: 10n ** 9n,
  b: 10n ** 9n,
  million: 10n ** 6n,
  mn: 10n ** 6n,
  m: 10n ** 6n,
  thousand: 1000n,
  k: 1000n,
}
/** The largest amount accepted: the API's money field holds at most 21 digits. */
const MAX = 10n ** 21n - 1n
const NUMBER = /^\d+(\.\d+)?$/

/** Korean units, largest first; small units (천, 백, 십) multiply within a 조/억/만 group. */
function korean(text: string): Dec | null {
  const tokens = text.match(/\d+(?:\.\d+)?|[조억만천백십]/g)
  if (tokens?.join('') !== text) return null
  let total = ZERO
  let group = ZERO
  let pending: Dec | null = null
  let groupEmpty = true
  let lastBig = 10n ** 13n
  for (const tok of tokens) {
    const big = BIG[tok]
    const small = SMALL[tok]
    if (big !== undefined) {
      if (big >= lastBig) return null // "1만 2억": units must come largest first
      const coefficient: Dec =
        groupEmpty && pending === null ? { n: 1n, s: 0 } : add(group, pending ?? ZERO)
      total = add(total, times(coefficient, big))
      ;[group, pending, groupEmpty, lastBig] = [ZERO, null, true, big]
    } else if (small !== undefined) {
      group = add(group, times(pending ?? { n: 1n, s: 0 }, small))
      ;[pending, groupEmpty] = [null, false]
    } else {
      if (pending !== null) return null // two numbers in a row
      pending = dec(tok)
      groupEmpty = false
    }
  }
  return add(total, add(group, pending ?? ZERO))
}

function english(text: string): Dec | null {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/.exec(text)
  if (m === null) return null
  const [, num = '', word = ''] = m
  if (word === '') return dec(num)
  const unit = ENGLISH[word]
  return unit === undefined ? null : times(dec(num), unit)
}

/**
 * Reads a won amount. Spaces, thousands commas, "₩", "원", "KRW" and "won" are ignored; Korean
 * units are 조 (10¹²), 억 (10⁸), 만 (10⁴) with 천/백/십 inside a group; English scales are
 * trillion/tn, billion/bn, million/m, thousand/k. No rounding: a result with a fraction of a won
 * is refused (`fraction`), as is a minus sign (`negative`) and more than 21 digits (`too-large`).
 * @example parseWon('1조 6천억') // { ok: true, won: 1600000000000n, form: 'korean' }
 * @example parseWon('1.6 trillion') // { ok: true, won: 1600000000000n, form: 'english' }
 * @example parseWon('16000억') // { ok: true, won: 1600000000000n, form: 'korean' }
 * @example parseWon('0.5') // { ok: false, problem: 'fraction' }
 */
export function parseWon(text: string): WonParse {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,_₩]|krw|won|원/g, '')
  if (s === '') return { ok: false, problem: 'empty' }
  if (/^[-−]/.test(s)) return { ok: false, problem: 'negative' }
  if (s.startsWith('+')) s = s.slice(1)
  const isKorean = /[조억만천백십]/.test(s)
  const d = isKorean ? korean(s) : english(s)
  if (d === null) return { ok: false, problem: 'unreadable' }
  const scale = 10n ** BigInt(d.s)
  if (d.n % scale !== 0n) return { ok: false, problem: 'fraction' }
  const won = d.n / scale
  if (won > MAX) return { ok: false, problem: 'too-large' }
  return { ok: true, won, form: isKorean ? 'korean' : NUMBER.test(s) ? 'digits' : 'english' }
}
