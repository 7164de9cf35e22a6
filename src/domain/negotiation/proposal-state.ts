import type { Delegation } from '../access/permissions.js'

/**
 * The life of one proposal, as pure rules shared by the server, the CLI and the web (which shows
 * a control only when the rule allows it):
 *
 *   draft ──table──▶ tabled ──withdraw (owner)──▶ withdrawn
 *                      │──reject (other party)──▶ rejected
 *                      └──accept (other party)──▶ accepted
 *
 * A draft is private to its owner; every later state is seen by both delegations. A change to a
 * tabled proposal is a new proposal that `revises` it (the old one then shows as superseded, a
 * marker beside its state, not a state: it may still be accepted until it is withdrawn).
 */
export const PROPOSAL_STATES = ['draft', 'tabled', 'withdrawn', 'rejected', 'accepted'] as const
export type ProposalState = (typeof PROPOSAL_STATES)[number]

/** The acts of the state machine. */
export const PROPOSAL_ACTS = ['table', 'withdraw', 'reject', 'accept'] as const
export type ProposalAct = (typeof PROPOSAL_ACTS)[number]

/** What the rules read of a proposal (the owner is `PUBLIC` for the shipped joint texts). */
export interface ProposalLife {
  readonly ownerParty: Delegation | 'PUBLIC'
  readonly tabledAt: string | null
  readonly withdrawnAt: string | null
  readonly rejectedAt: string | null
  /** Whether the other party's latest acceptance names this proposal. */
  readonly acceptedByOther: boolean
}

/** A rejection reason's bounds, in characters (the contract checks the same numbers). */
export const REJECTION_REASON_MAX = 2000

/**
 * The state of a proposal. The terminal acts exclude each other (the refusals below), so at most
 * one of withdrawn/rejected/accepted holds; if stored data ever had two, the earliest named here
 * wins, which is the conservative reading (an accepted-then-withdrawn record reads withdrawn).
 * @example proposalState({ ownerParty: 'KR', tabledAt: '2031-01-02', withdrawnAt: null, rejectedAt: null, acceptedByOther: false }) // 'tabled'
 */
export function proposalState(p: ProposalLife): ProposalState {
  if (p.tabledAt === null) return 'draft'
  if (p.withdrawnAt !== null) return 'withdrawn'
  if (p.rejectedAt !== null) return 'rejected'
  if (p.acceptedByOther) return 'accepted'
  return 'tabled'
}

const closed = (s: ProposalState): string =>
  `the proposal is ${s}; nothing more can be done with it`

/**
 * Why `acting` may not do `act` on this proposal now, or null when it may. Authored acts
 * (decision 0008): the owner tables and withdraws only its own proposals; only the other party
 * rejects one (a party cannot reject in the other's name, nor its own text); accepting is open
 * to both (mutual consent needs both parties' acceptance of the same revision) while the
 * proposal is tabled, and to the owner once the other party has accepted it. Permission checks (negotiator or not) are separate.
 * @example actRefusal({ ownerParty: 'KR', tabledAt: 't', withdrawnAt: null, rejectedAt: null, acceptedByOther: false }, 'reject', 'KR')
 * // 'only the other delegation may reject a proposal'
 */
export function actRefusal(p: ProposalLife, act: ProposalAct, acting: Delegation): string | null {
  const state = proposalState(p)
  const own = p.ownerParty === acting
  switch (act) {
    case 'table':
      if (!own) return 'only the owning party may table its proposal'
      return state === 'draft'
        ? null
        : 'the proposal is already tabled; table a new revision instead'
    case 'withdraw':
      if (!own) return 'only the owning party may withdraw its proposal'
      if (state === 'draft') return 'a draft is not tabled; there is nothing to withdraw'
      return state === 'tabled' ? null : closed(state)
    case 'reject':
      if (own || p.ownerParty === 'PUBLIC') return 'only the other delegation may reject a proposal'
      if (state === 'draft') return 'only a tabled proposal can be rejected'
      return state === 'tabled' ? null : closed(state)
    case 'accept':
      if (state === 'draft') return 'only a tabled proposal can be accepted'
      // The owner joins the other party's acceptance of its own text: that concludes.
      return state === 'tabled' || (state === 'accepted' && own) ? null : closed(state)
  }
}

/**
 * The state after an act, or the refusal. Used by the property tests to check that every
 * allowed act moves along the diagram and that terminal states stay terminal.
 * @example transition(tabledKr, 'withdraw', 'KR') // { ok: true, state: 'withdrawn' }
 */
export function transition(
  p: ProposalLife,
  act: ProposalAct,
  acting: Delegation,
  at: string,
): { ok: true; life: ProposalLife; state: ProposalState } | { ok: false; refusal: string } {
  const refusal = actRefusal(p, act, acting)
  if (refusal !== null) return { ok: false, refusal }
  const life: ProposalLife =
    act === 'table'
      ? { ...p, tabledAt: at }
      : act === 'withdraw'
        ? { ...p, withdrawnAt: at }
        : act === 'reject'
          ? { ...p, rejectedAt: at }
          : { ...p, acceptedByOther: p.acceptedByOther || p.ownerParty !== acting }
  return { ok: true, life, state: proposalState(life) }
}

/**
 * Which delegation's eyes may see a proposal in this state: a draft only its owner's, every
 * other state both (tabling is what shows it). The query filter (`visibleTo`) is the enforcement;
 * this states the rule for the web and the tests.
 */
export function seenByOtherParty(state: ProposalState): boolean {
  return state !== 'draft'
}

/**
 * Why a new proposal may not revise `revised`, or null when it may: only a tabled or rejected
 * proposal of the negotiation is revised (a draft is edited in place; a withdrawn or accepted
 * one is closed). Either party may answer a tabled text with its own revision.
 */
export function revisionRefusal(revised: ProposalLife): string | null {
  const s = proposalState(revised)
  return s === 'tabled' || s === 'rejected'
    ? null
    : `a ${s} proposal cannot be revised; start from a tabled one`
}
