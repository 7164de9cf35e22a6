/** Pure helpers for the overview: lapses between agreements, the one in force, colours. */
import type { AgreementSpec, DateFact } from '../../../../src/domain/index.js'

export const AGREEMENT_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#e15759',
  '#bab0ac',
  '#ff9da7',
  '#2f6f8f',
  '#8cd17d',
] as const

export function colorOf(index: number): string {
  return AGREEMENT_COLORS[index % AGREEMENT_COLORS.length] ?? '#4e79a7'
}

export function knownDate(f: DateFact): string | null {
  return f.status === 'known' ? f.date : null
}

/** First day an agreement applies: entry into force if known, else Jan 1 of its first term year. */
export function startOf(a: AgreementSpec): string {
  return knownDate(a.lifecycle.entryIntoForce) ?? `${a.term.firstYear}-01-01`
}

/** Last day: expiry if known, else Dec 31 of its last term year. */
export function endOf(a: AgreementSpec): string {
  const e = knownDate(a.lifecycle.expiry)
  if (e === null) return `${a.term.lastYear}-12-31`
  return e.length === 7 ? `${e}-28` : e
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export interface Lapse {
  /** First day with no agreement in force. */
  readonly from: string
  /** Last day with no agreement in force. */
  readonly to: string
  readonly after: AgreementSpec
  readonly before: AgreementSpec
  /** Calendar years with no agreement in force on any day. */
  readonly wholeYears: readonly number[]
}

/**
 * Gaps between one agreement's expiry and the next one's (known) entry into force. An unknown
 * entry-into-force date is not guessed into a lapse.
 */
export function lapses(agreements: readonly AgreementSpec[]): Lapse[] {
  const sorted = [...agreements].sort((a, b) => a.term.firstYear - b.term.firstYear)
  const out: Lapse[] = []
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]
    const next = sorted[i]
    if (!prev || !next) continue
    const eif = knownDate(next.lifecycle.entryIntoForce)
    if (eif === null) continue
    const from = addDays(endOf(prev), 1)
    if (eif <= from) continue
    const to = addDays(eif, -1)
    const wholeYears: number[] = []
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      if (from <= `${y}-01-01` && to >= `${y}-12-31`) wholeYears.push(y)
    }
    out.push({ from, to, after: prev, before: next, wholeYears })
  }
  return out
}

/** The agreement in force on `today`, if any (entry into force ≤ today ≤ expiry). */
export function inForceOn(
  agreements: readonly AgreementSpec[],
  today: string,
): AgreementSpec | undefined {
  return agreements.find((a) => startOf(a) <= today && today <= endOf(a))
}

/** The lapse containing `today`, if any. */
export function lapseOn(ls: readonly Lapse[], today: string): Lapse | undefined {
  return ls.find((l) => l.from <= today && today <= l.to)
}

/** Position of a date on an axis from Jan 1 of `first` to Dec 31 of `last`, in percent. */
export function axisPct(iso: string, first: number, last: number): number {
  const t0 = Date.UTC(first, 0, 1)
  const t1 = Date.UTC(last + 1, 0, 1)
  const t = Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`)
  return Math.min(100, Math.max(0, ((t - t0) / (t1 - t0)) * 100))
}
