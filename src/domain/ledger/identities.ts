import { formatKrwKorean, formatMoney } from '../money/format.js'
import type { Localized } from '../text/localized.js'

/**
 * The identities of a ledger, checked wherever every term is known:
 * - `categories`: labor + construction + logistics = the year's contribution (from the engine);
 * - `construction-forms`: construction in cash + in kind = construction;
 * - `balance`: carried in + allocated = executed + carried out + lapsed;
 * - `unexecuted`: unexecuted = carried out + lapsed;
 * - `continuity`: carried in = the year before's carried out.
 * A check that lacks a term is `incomplete` and names what is missing; one whose sides differ is
 * a `gap` whose message names the year and the exact difference.
 */
export const IDENTITIES = [
  'categories',
  'construction-forms',
  'balance',
  'unexecuted',
  'continuity',
] as const
export type IdentityId = (typeof IDENTITIES)[number]

export interface IdentityCheck {
  readonly id: IdentityId
  readonly status: 'holds' | 'gap' | 'incomplete'
  /** The left side, the right side and left − right (integer won, signed), when all are known. */
  readonly left: string | null
  readonly right: string | null
  readonly gap: string | null
  /** The terms that are unknown (field names), for an incomplete check. */
  readonly missing: readonly string[]
  readonly message: Localized
}

/** A named term of an identity: its field name, its words, and its value (null = unknown). */
export interface Term {
  readonly field: string
  readonly en: string
  readonly ko: string
  readonly value: bigint | null
}

const sumOf = (terms: readonly Term[]): bigint => terms.reduce((s, t) => s + (t.value ?? 0n), 0n)
const wordsEn = (terms: readonly Term[]) => terms.map((t) => t.en).join(' + ')
const wordsKo = (terms: readonly Term[]) => terms.map((t) => t.ko).join(' + ')

/**
 * Checks `left terms = right terms` for one year.
 * @example checkIdentity('balance', 2011, [in, allocated], [executed, out, lapsed]).gap // "100000000"
 */
export function checkIdentity(
  id: IdentityId,
  year: number,
  left: readonly Term[],
  right: readonly Term[],
): IdentityCheck {
  const missing = [...left, ...right].filter((t) => t.value === null).map((t) => t.field)
  if (missing.length > 0) {
    const unknownEn = [...left, ...right].filter((t) => t.value === null).map((t) => t.en)
    const unknownKo = [...left, ...right].filter((t) => t.value === null).map((t) => t.ko)
    return {
      id,
      status: 'incomplete',
      left: null,
      right: null,
      gap: null,
      missing,
      message: {
        en: `${year}: ${wordsEn(left)} = ${wordsEn(right)} not checked: ${unknownEn.join(', ')} unknown.`,
        ko: `${year}년: ${wordsKo(left)} = ${wordsKo(right)} 검증 불가 — ${unknownKo.join(', ')} 미상.`,
      },
    }
  }
  const l = sumOf(left)
  const r = sumOf(right)
  const gap = l - r
  const en = `${wordsEn(left)} = ${formatMoney(l, 'KRW')}; ${wordsEn(right)} = ${formatMoney(r, 'KRW')}`
  const ko = `${wordsKo(left)} ${formatKrwKorean(l)}, ${wordsKo(right)} ${formatKrwKorean(r)}`
  return {
    id,
    status: gap === 0n ? 'holds' : 'gap',
    left: l.toString(),
    right: r.toString(),
    gap: gap.toString(),
    missing: [],
    message:
      gap === 0n
        ? { en: `${year}: holds (${en}).`, ko: `${year}년: 성립 (${ko}).` }
        : {
            en: `${year}: does not hold — ${en}; gap ${formatMoney(gap, 'KRW')}.`,
            ko: `${year}년: 불일치 — ${ko}; 차이 ${formatKrwKorean(gap)}.`,
          },
  }
}
