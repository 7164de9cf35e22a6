import { addDays } from '../calendar/civil-date.js'
import { DELEGATIONS, type Delegation } from '../access/permissions.js'

/**
 * Pure rules of a negotiation's life: mutual consent, entry into force and lapse. "Now" is
 * always a parameter (an ISO date); nothing here reads a clock.
 */
export { DELEGATIONS, type Delegation } from '../access/permissions.js'

export const EVENT_KINDS = [
  'opened',
  'text-agreed',
  'initialled',
  'signed',
  /** One party's domestic procedure completed (e.g. National Assembly consent). */
  'domestic-procedure',
  'entry-into-force',
  /** Something outside the talks that matters to them (election, inauguration, furlough…). */
  'external',
  'note',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/**
 * Acts of both delegations together: recorded by one, they count only once the other has
 * confirmed them (each confirmation names who and when).
 */
export const MUTUAL_EVENT_KINDS = ['text-agreed', 'initialled', 'signed'] as const
export const isMutual = (kind: EventKind): boolean =>
  (MUTUAL_EVENT_KINDS as readonly string[]).includes(kind)

/**
 * Why a delegation may not assert this event, or null when it may: a delegation records only
 * its own acts (party null or its own), and a mutual act belongs to both (party null).
 * @example assertionRefusal('US', { kind: 'opened', party: 'KR' }) // 'a delegation records only its own acts…'
 */
export function assertionRefusal(
  acting: Delegation,
  event: { readonly kind: EventKind; readonly party: Delegation | null },
): string | null {
  if (event.party !== null && event.party !== acting) {
    return `a delegation records only its own acts: party must be ${acting} or null`
  }
  if (isMutual(event.kind) && event.party !== null) {
    return `${event.kind} is an act of both delegations: send party null; the other delegation confirms it`
  }
  return null
}

/**
 * Why the acting delegation may not record an act of `actor` as reported by it (issue 17), or
 * null when it may. Only in a delegation's own instance, where the other party has no accounts:
 * there our negotiators record what the other delegation tabled, replied, accepted or signed,
 * attributed to it as the actor and to us as the recorder, with the source. In a shared
 * instance the other party asserts its own acts (assertionRefusal), so reporting is refused; our
 * own acts are always asserted, never reported.
 * @example reportRefusal('KR', 'US', ['KR']) // null
 * @example reportRefusal('KR', 'US', ['KR', 'US']) // 'the US delegation has accounts on this instance…'
 */
export function reportRefusal(
  acting: Delegation,
  actor: Delegation,
  present: readonly Delegation[],
): string | null {
  if (actor === acting) {
    return "your delegation asserts its own acts; only the other party's acts are recorded as reported"
  }
  if (present.includes(actor)) {
    return `the ${actor} delegation has accounts on this instance and records its own acts; reporting them is only for an instance without ${actor} accounts (SMA_PARTIES)`
  }
  return null
}

/** Why a delegation may not confirm this event now, or null when it may. */
export function confirmationRefusal(
  event: { readonly kind: EventKind; readonly confirmedBy: readonly Delegation[] },
  acting: Delegation,
): string | null {
  if (!isMutual(event.kind)) return `${event.kind} is not a mutual act; nothing to confirm`
  if (event.confirmedBy.includes(acting)) return 'your delegation has already confirmed this act'
  return null
}

export interface AcceptanceFact {
  readonly party: Delegation
  readonly proposalId: string
  readonly revisionId: string
  /** ISO date or date-time; compared as text, so use one format per negotiation. */
  readonly at: string
}

export interface EventFact {
  readonly kind: EventKind
  readonly date: string
  readonly party: Delegation | null
}

export interface NegotiationFacts {
  /** Expiry (last day in force) of the agreement this negotiation replaces, if any. */
  readonly predecessorExpiry: string | null
  readonly acceptances: readonly AcceptanceFact[]
  readonly events: readonly EventFact[]
}

export type NegotiationStatus = 'open' | 'concluded' | 'signed' | 'in-force'

export interface Lapse {
  /** First day without an agreement in force. */
  readonly from: string
  /** Last day of the gap; null while it lasts. */
  readonly to: string | null
  readonly ongoing: boolean
}

export interface NegotiationState {
  readonly status: NegotiationStatus
  /** The revision both parties accepted, when concluded. */
  readonly concluded: {
    readonly revisionId: string
    readonly proposalId: string
    readonly on: string
  } | null
  readonly inForceFrom: string | null
  /** The gap between the predecessor's expiry and the successor's entry into force, if any. */
  readonly lapse: Lapse | null
}

const day = (isoDateOrTime: string): string => isoDateOrTime.slice(0, 10)

/** Each party's latest acceptance (a later acceptance replaces an earlier one). */
export function latestAcceptances(
  acceptances: readonly AcceptanceFact[],
): ReadonlyMap<Delegation, AcceptanceFact> {
  const out = new Map<Delegation, AcceptanceFact>()
  for (const a of acceptances) {
    const prev = out.get(a.party)
    if (!prev || prev.at <= a.at) out.set(a.party, a)
  }
  return out
}

/**
 * Mutual consent: concluded only when both parties' latest acceptances name the same proposal
 * revision. Accepting different revisions, or only one party accepting, concludes nothing.
 * @example conclusion([{party:'KR',revisionId:'r1',…},{party:'US',revisionId:'r1',…}])?.revisionId // 'r1'
 */
export function conclusion(acceptances: readonly AcceptanceFact[]): NegotiationState['concluded'] {
  const latest = latestAcceptances(acceptances)
  const kr = latest.get('KR')
  const us = latest.get('US')
  if (!kr || !us || kr.revisionId !== us.revisionId) return null
  return { revisionId: kr.revisionId, proposalId: kr.proposalId, on: kr.at > us.at ? kr.at : us.at }
}

function domesticDone(facts: NegotiationFacts, party: Delegation, upTo: string): boolean {
  return facts.events.some(
    (e) => e.kind === 'domestic-procedure' && e.party === party && day(e.date) <= upTo,
  )
}

/**
 * Why an event may not be recorded now, or null when it may. Signing and initialling need a
 * concluded text; a domestic procedure needs a party and a concluded text; entry into force
 * needs both parties' domestic procedures recorded on or before its date.
 */
export function eventRefusal(facts: NegotiationFacts, event: EventFact): string | null {
  const needsConclusion: readonly EventKind[] = [
    'initialled',
    'signed',
    'domestic-procedure',
    'entry-into-force',
  ]
  if (needsConclusion.includes(event.kind) && conclusion(facts.acceptances) === null) {
    return `${event.kind} needs both parties to have accepted the same proposal revision`
  }
  if (event.kind === 'domestic-procedure' && event.party === null) {
    return 'a domestic procedure belongs to one party'
  }
  if (event.kind === 'entry-into-force') {
    const missing = DELEGATIONS.filter((p) => !domesticDone(facts, p, day(event.date)))
    if (missing.length > 0) {
      return `entry into force needs the domestic procedures of both parties; missing: ${missing.join(', ')}`
    }
  }
  return null
}

/**
 * The state of a negotiation on `now`. In force only from a recorded entry into force that
 * follows both parties' domestic procedures and a mutual conclusion. A negotiation whose
 * predecessor expired before its successor entered into force is (or was) in lapse.
 * @example negotiationState({ predecessorExpiry: '2019-12-31', …in force '2021-09-01' }, '2026-11-28').lapse
 * // { from: '2020-01-01', to: '2021-08-31', ongoing: false }
 */
export function negotiationState(facts: NegotiationFacts, now: string): NegotiationState {
  const today = day(now)
  const concluded = conclusion(facts.acceptances)
  let inForceFrom: string | null = null
  if (concluded) {
    for (const e of facts.events) {
      if (e.kind !== 'entry-into-force') continue
      const d = day(e.date)
      if (d > today) continue
      if (
        DELEGATIONS.every((p) => domesticDone(facts, p, d)) &&
        (inForceFrom === null || d < inForceFrom)
      ) {
        inForceFrom = d
      }
    }
  }
  const signed =
    concluded !== null && facts.events.some((e) => e.kind === 'signed' && day(e.date) <= today)
  const status: NegotiationStatus =
    inForceFrom !== null ? 'in-force' : signed ? 'signed' : concluded ? 'concluded' : 'open'

  let lapse: Lapse | null = null
  if (facts.predecessorExpiry !== null) {
    const gapStart = addDays(day(facts.predecessorExpiry), 1)
    if (gapStart <= today && (inForceFrom === null || inForceFrom > gapStart)) {
      lapse =
        inForceFrom === null
          ? { from: gapStart, to: null, ongoing: true }
          : { from: gapStart, to: addDays(inForceFrom, -1), ongoing: false }
    }
  }
  return { status, concluded, inForceFrom, lapse }
}

/** The earliest deadline on or after `now`, or null. */
export function nextDeadline<T extends { readonly date: string }>(
  deadlines: readonly T[],
  now: string,
): T | null {
  const today = day(now)
  let best: T | null = null
  for (const d of deadlines) {
    if (day(d.date) >= today && (best === null || d.date < best.date)) best = d
  }
  return best
}

export interface ProposalFacts {
  readonly ownerParty: Delegation
  readonly visibility: 'private' | 'shared' | 'public'
  readonly tabledAt: string | null
}

/** A private draft of the acting party may be tabled; a tabled proposal never again. */
export function tableRefusal(p: ProposalFacts, actingParty: Delegation): string | null {
  if (p.ownerParty !== actingParty) return 'only the owning party may table its proposal'
  if (p.tabledAt !== null) return 'the proposal is already tabled; table a new revision instead'
  return null
}

/** Only a tabled (shared) proposal can be accepted, and once concluded nothing more can be. */
export function acceptRefusal(p: ProposalFacts, facts: NegotiationFacts): string | null {
  if (p.tabledAt === null) return 'only a tabled proposal can be accepted'
  if (conclusion(facts.acceptances) !== null) return 'the negotiation is already concluded'
  return null
}

/** Tabled proposals are immutable: a change is a new proposal that revises it. */
export function editRefusal(p: ProposalFacts): string | null {
  return p.tabledAt === null ? null : 'a tabled proposal is immutable; create a new revision'
}
