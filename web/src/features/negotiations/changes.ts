import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import { textIn, type Lang } from '../../../../src/domain/text/localized.js'

/**
 * What changed in a negotiation since the viewer's last visit: each fact the page shows gets a
 * stable key (a round, an event, a confirmation, a proposal in a state, an acceptance); the keys
 * seen last time are kept in this browser (per negotiation and party), and the difference is what
 * is new. Only the browser keeps them, so nothing about a visit reaches the server or the other
 * delegation.
 */
export interface Change {
  readonly key: string
  readonly kind: 'round' | 'event' | 'confirmation' | 'proposal' | 'acceptance'
  /** For the text: a round number, an event kind, a proposal title… */
  readonly what: string
  /** The proposal's state, or the acting party. */
  readonly detail: string
}

/** A proposal's title in the reader's language, or its id when the reader cannot see it. */
function titleOf(proposals: readonly ProposalView[], id: string, lang: Lang): string {
  const p = proposals.find((x) => x.id === id)
  return p ? textIn(p.title, lang) : id
}

export function changeKeys(
  n: NegotiationDetail,
  proposals: readonly ProposalView[],
  lang: Lang,
): Change[] {
  const out: Change[] = []
  for (const r of n.rounds)
    out.push({
      key: `round:${r.id}`,
      kind: 'round',
      what: String(r.number),
      detail: textIn(r.venue, lang),
    })
  for (const e of n.events) {
    out.push({ key: `event:${e.id}`, kind: 'event', what: e.kind, detail: e.date })
    for (const c of e.confirmations)
      out.push({
        key: `confirm:${e.id}:${c.party}`,
        kind: 'confirmation',
        what: e.kind,
        detail: c.party,
      })
  }
  for (const p of proposals)
    out.push({
      key: `proposal:${p.id}:${p.state}`,
      kind: 'proposal',
      what: textIn(p.title, lang),
      detail: p.state,
    })
  for (const a of n.acceptances) {
    const title = titleOf(proposals, a.proposalId, lang)
    out.push({
      key: `accept:${a.party}:${a.proposalId}:${a.at}`,
      kind: 'acceptance',
      what: title,
      detail: a.party,
    })
  }
  return out
}

const storeKey = (negotiationId: string, party: string) => `sma.seen.${party}.${negotiationId}`

/** The keys seen at the last visit, or null on a first visit. */
export function lastSeen(
  storage: Storage,
  negotiationId: string,
  party: string,
): Set<string> | null {
  const raw = storage.getItem(storeKey(negotiationId, party))
  if (raw === null) return null
  try {
    const v: unknown = JSON.parse(raw)
    return Array.isArray(v) ? new Set(v.filter((x): x is string => typeof x === 'string')) : null
  } catch {
    return null
  }
}

export function remember(
  storage: Storage,
  negotiationId: string,
  party: string,
  changes: readonly Change[],
): void {
  storage.setItem(storeKey(negotiationId, party), JSON.stringify(changes.map((c) => c.key)))
}

/** The changes not seen before (none on a first visit: everything would be "new"). */
export function sinceLastVisit(seen: ReadonlySet<string> | null, now: readonly Change[]): Change[] {
  return seen === null ? [] : now.filter((c) => !seen.has(c.key))
}

export interface TimelineItem {
  readonly date: string
  readonly kind: 'deadline' | 'round' | 'event' | 'proposal'
  readonly text: string
  readonly testId: string
}

/** Deadlines, rounds, events and proposal acts in date order (deadlines first on a tie). */
export function timeline(
  n: NegotiationDetail,
  proposals: readonly ProposalView[],
  label: {
    readonly round: (n: number, venue: string) => string
    readonly event: (kind: string) => string
    readonly act: (title: string, state: string) => string
  },
  lang: Lang,
): TimelineItem[] {
  const items: TimelineItem[] = [
    ...n.deadlines.map((d) => ({
      date: d.date,
      kind: 'deadline' as const,
      text: textIn(d.label, lang),
      testId: 'tl-deadline',
    })),
    ...n.rounds.map((r) => ({
      date: r.from,
      kind: 'round' as const,
      text: label.round(r.number, textIn(r.venue, lang)),
      testId: 'tl-round',
    })),
    ...n.events.map((e) => ({
      date: e.date,
      kind: 'event' as const,
      text: `${label.event(e.kind)}${e.note ? ` — ${textIn(e.note, lang)}` : ''}`,
      testId: 'tl-event',
    })),
  ]
  for (const p of proposals) {
    const acts: [string | null | undefined, string][] = [
      [p.tabledAt, 'tabled'],
      [p.rejection?.at, 'rejected'],
      [p.withdrawnAt, 'withdrawn'],
    ]
    for (const [at, state] of acts)
      if (at)
        items.push({
          date: at.slice(0, 10),
          kind: 'proposal',
          text: label.act(textIn(p.title, lang), state),
          testId: 'tl-proposal',
        })
  }
  for (const a of n.acceptances) {
    const title = titleOf(proposals, a.proposalId, lang)
    items.push({
      date: a.at.slice(0, 10),
      kind: 'proposal',
      text: label.act(title, `accepted-${a.party}`),
      testId: 'tl-proposal',
    })
  }
  const rank = { deadline: 0, round: 1, event: 2, proposal: 3 }
  return items.sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : rank[x.kind] - rank[y.kind],
  )
}
