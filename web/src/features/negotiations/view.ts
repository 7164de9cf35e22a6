/**
 * View model of a negotiation page: its lifecycle steps, proposals side by side, and the input
 * rules of the position form. No React here.
 */
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import { money } from '../../../../src/contracts/common.js'
import {
  canWrite,
  DELEGATIONS,
  scopeOf,
  type CurrencyCode,
  type Delegation,
  type Principal,
} from '../../../../src/domain/index.js'
import type { EventKind } from '../../../../src/domain/negotiation/lifecycle.js'
import { knownTotal } from '../agreement/what-if'
import { LIFECYCLE_KINDS } from './labels'

export interface LifecycleStepView {
  readonly key: string
  readonly kind: EventKind
  /** For domestic approval: whose (one step per delegation). */
  readonly party: Delegation | null
  readonly date: string | null
}

/**
 * The steps of the negotiation with the date each was reached (null: not yet). A mutual act
 * the other delegation has not confirmed yet has not been reached.
 */
export function lifecycleSteps(n: NegotiationDetail): LifecycleStepView[] {
  const events = n.events.filter((e) => e.confirmedAt !== null)
  return LIFECYCLE_KINDS.flatMap((kind): LifecycleStepView[] =>
    kind === 'domestic-procedure'
      ? DELEGATIONS.map((party) => ({
          key: `${kind}-${party}`,
          kind,
          party,
          date: events.find((e) => e.kind === kind && e.party === party)?.date ?? null,
        }))
      : [
          {
            key: kind,
            kind,
            party: null,
            date: events.find((e) => e.kind === kind)?.date ?? null,
          },
        ],
  )
}

/** Proposals the viewer's delegation may still change: its own private drafts (domain rule). */
export function ownDrafts(
  proposals: readonly ProposalView[],
  principal: Principal | null,
): ProposalView[] {
  const scope = scopeOf(principal)
  return proposals.filter((p) => p.visibility === 'private' && canWrite(scope, p))
}

/** Proposals tabled between the delegations or public (not anyone's private draft). */
export function tabledProposals(proposals: readonly ProposalView[]): ProposalView[] {
  return proposals.filter((p) => p.visibility !== 'private')
}

export interface ProposalComparison {
  readonly currency: CurrencyCode
  readonly years: readonly number[]
  /** Per year, each proposal's amount and its difference to the first proposal's. */
  readonly rows: readonly {
    readonly year: number
    readonly cells: readonly { readonly amount: string | null; readonly delta: bigint | null }[]
  }[]
  /**
   * Per proposal, the total over its computable years and its difference to the first's. Totals
   * are compared only over the same years, each fully computed: a four-year total against a
   * five-year one, or a total missing a pending year, says nothing (`notCompared` says why).
   */
  readonly totals: readonly {
    readonly total: ReturnType<typeof knownTotal>
    readonly delta: bigint | null
    readonly notCompared: 'other-term' | 'incomplete' | null
  }[]
}

const diff = (a: string | null, base: string | null, first: boolean): bigint | null =>
  first || a === null || base === null ? null : BigInt(a) - BigInt(base)

/** The years a proposal's schedule covers, as one comparable text ("2026,2027"). */
const termOf = (p: ProposalView | undefined): string =>
  (p?.schedule?.years ?? []).map((y) => y.year).join(',')

/** Whether every year of a proposal's schedule has an amount. */
const complete = (p: ProposalView | undefined): boolean =>
  p?.schedule !== undefined &&
  p.schedule !== null &&
  p.schedule.years.every((y) => y.amount !== null)

/** Proposals side by side: yearly amounts, totals, differences to the first proposal. */
export function compareProposals(proposals: readonly ProposalView[]): ProposalComparison {
  const years = [
    ...new Set(proposals.flatMap((p) => p.schedule?.years.map((y) => y.year) ?? [])),
  ].sort((a, b) => a - b)
  const first = proposals[0]
  const amount = (p: ProposalView | undefined, y: number) =>
    p?.schedule?.years.find((f) => f.year === y)?.amount ?? null
  const baseTotal = knownTotal(first?.schedule?.years ?? []).total
  return {
    currency: first?.schedule?.currency ?? 'KRW',
    years,
    rows: years.map((year) => ({
      year,
      cells: proposals.map((p, i) => ({
        amount: amount(p, year),
        delta: diff(amount(p, year), amount(first, year), i === 0),
      })),
    })),
    totals: proposals.map((p, i) => {
      const total = knownTotal(p.schedule?.years ?? [])
      if (i === 0) return { total, delta: null, notCompared: null }
      const notCompared =
        termOf(p) !== termOf(first)
          ? 'other-term'
          : !complete(p) || !complete(first)
            ? 'incomplete'
            : null
      return {
        total,
        delta: notCompared === null ? diff(total.total, baseTotal, false) : null,
        notCompared,
      }
    }),
  }
}

/**
 * Whole won from what a user types ("1,500,000,000,000", "₩1500000000000 원"): the contract's
 * money text, null when empty, undefined when it is not a whole amount.
 */
export function wonFromInput(text: string): string | null | undefined {
  const s = text.replace(/[,\s₩원]/g, '')
  if (s === '') return null
  return money.safeParse(s).success ? s : undefined
}

/**
 * Whether the viewer's delegation may confirm this act now: a mutual act still awaiting a
 * confirmation, not yet confirmed by the viewer's party (the server checks the same rule).
 */
export function canConfirm(
  e: NegotiationDetail['events'][number],
  principal: Principal | null,
): boolean {
  const party = principal?.party
  if (e.confirmedAt !== null || (party !== 'KR' && party !== 'US')) return false
  return !e.confirmations.some((c) => c.party === party)
}
