import { addDays, firstDayOf, lastDayOf } from '../calendar/civil-date.js'
import type { AgreementSpec, DateFact } from './spec.js'

/**
 * Where an agreement stands on a day. The one home of this rule: the API's agreement list, the
 * CLI's `sma agreements` and every web page call `agreementStatus`; nothing else decides it.
 */
export const AGREEMENT_STATUSES = ['pending', 'signed', 'in-force', 'expired'] as const
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]

/** The days an agreement is in force, both ends inclusive (ISO dates). */
export interface AgreementPeriod {
  /** First day in force. */
  readonly from: string
  /** True when `from` is the recorded entry into force; false when it is assumed (see below). */
  readonly fromKnown: boolean
  /** Last day in force. */
  readonly to: string
  /** True when `to` is the recorded expiry; false when it is the last day of the term. */
  readonly toKnown: boolean
}

const known = (f: DateFact): string | null => (f.status === 'known' ? f.date : null)

/**
 * First and last day of the term: calendar years run 1 January–31 December; Japanese fiscal
 * years 1 April–31 March of the next calendar year.
 * @example termDays(jpUs2022) // { first: '2022-04-01', last: '2027-03-31' }
 */
export function termDays(spec: AgreementSpec): { first: string; last: string } {
  const { firstYear, lastYear, yearKind } = spec.term
  return yearKind === 'jp-fiscal'
    ? { first: `${firstYear}-04-01`, last: `${lastYear + 1}-03-31` }
    : { first: `${firstYear}-01-01`, last: `${lastYear}-12-31` }
}

/**
 * The period in force. `from` is the recorded entry into force; when it is unknown, the later of
 * the term's first day and the signing date (an agreement is not in force before it is signed),
 * flagged `fromKnown: false`. `to` is the recorded expiry, else the term's last day. Dates known
 * only to the month count from the month's first day and until its last day.
 * @example agreementPeriod(sma11) // { from: '2021-09-01', fromKnown: true, to: '2025-12-31', toKnown: true }
 */
export function agreementPeriod(spec: AgreementSpec): AgreementPeriod {
  const term = termDays(spec)
  const eif = known(spec.lifecycle.entryIntoForce)
  const expiry = known(spec.lifecycle.expiry)
  const signed = known(spec.lifecycle.signed)
  let from: string
  if (eif !== null) from = firstDayOf(eif)
  else {
    const signedDay = signed === null ? null : firstDayOf(signed)
    from = signedDay !== null && signedDay > term.first ? signedDay : term.first
  }
  return {
    from,
    fromKnown: eif !== null,
    to: expiry === null ? term.last : lastDayOf(expiry),
    toKnown: expiry !== null,
  }
}

/**
 * Status on `asOf` (an ISO date, passed in: the domain has no clock): `expired` after the last day
 * in force; `in-force` from the first day in force (see `agreementPeriod`); `signed` from the
 * signing date until then; `pending` before it. An agreement moves through these in this order
 * only, never back.
 * @example agreementStatus(sma12, '2024-11-10') // "signed" (signed 4 Nov, in force 29 Nov 2024)
 * @example agreementStatus(sma12, '2026-11-28') // "in-force"
 */
export function agreementStatus(spec: AgreementSpec, asOf: string): AgreementStatus {
  const p = agreementPeriod(spec)
  if (asOf > p.to) return 'expired'
  if (asOf >= p.from) return 'in-force'
  const signed = known(spec.lifecycle.signed)
  if (signed !== null && asOf >= firstDayOf(signed)) return 'signed'
  return 'pending'
}

/**
 * The agreement that sets the amounts on `asOf`: among those in force, the one whose term covers
 * that day (an agreement can enter into force before its term begins, as the 12th SMA did in
 * November 2024 while the 11th still ran), else the one that entered into force last.
 * @example currentAgreement(rok, '2025-06-01')?.id // "rok-us-sma-11"
 */
export function currentAgreement(
  agreements: readonly AgreementSpec[],
  asOf: string,
): AgreementSpec | undefined {
  const inForce = agreements.filter((a) => agreementStatus(a, asOf) === 'in-force')
  const covering = inForce.find((a) => {
    const t = termDays(a)
    return t.first <= asOf && asOf <= t.last
  })
  if (covering) return covering
  return [...inForce].sort((a, b) =>
    agreementPeriod(b).from.localeCompare(agreementPeriod(a).from),
  )[0]
}

export interface AgreementLapse {
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
 * Gaps between one agreement's last day in force and the next one's recorded entry into force
 * (agreements of one host nation). An unknown entry into force is not guessed into a lapse.
 * @example lapses(rok).find((l) => l.before.id === 'rok-us-sma-11') // 2020-01-01 … 2021-08-31, wholeYears [2020]
 */
export function lapses(agreements: readonly AgreementSpec[]): AgreementLapse[] {
  const sorted = [...agreements].sort((a, b) => a.term.firstYear - b.term.firstYear)
  const out: AgreementLapse[] = []
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]
    const next = sorted[i]
    if (!prev || !next) continue
    const eif = known(next.lifecycle.entryIntoForce)
    if (eif === null) continue
    const from = addDays(agreementPeriod(prev).to, 1)
    const start = firstDayOf(eif)
    if (start <= from) continue
    const to = addDays(start, -1)
    const wholeYears: number[] = []
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      if (from <= `${y}-01-01` && to >= `${y}-12-31`) wholeYears.push(y)
    }
    out.push({ from, to, after: prev, before: next, wholeYears })
  }
  return out
}

/** The lapse containing `asOf`, if any. */
export function lapseOn(ls: readonly AgreementLapse[], asOf: string): AgreementLapse | undefined {
  return ls.find((l) => l.from <= asOf && asOf <= l.to)
}
