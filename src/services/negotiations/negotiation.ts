import { z } from 'zod'
import type { AgreementSpec } from '../../domain/agreement/spec.js'
import type { Delegation } from '../../domain/access/permissions.js'
import type { AccessScope, Visibility } from '../../domain/access/scope.js'
import { DomainError, notFound } from '../../domain/errors.js'
import {
  negotiationState,
  nextDeadline,
  type EventKind,
  type NegotiationFacts,
} from '../../domain/negotiation/lifecycle.js'
import type {
  DeadlineView,
  NegotiationBody,
  NegotiationDetail,
  NegotiationSummary,
} from '../../contracts/negotiations.js'
import type { DbOrTrx } from '../../db/database.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import { authorsOf } from '../../db/repositories/authors.js'
import {
  insertDeadlines,
  rowText,
  visibleRows,
  type Provenance,
} from '../../db/repositories/negotiation-rows.js'
import { receivedOf, reportedView } from '../../db/repositories/provenance.js'
import { withTransaction, type Actor, type Audit } from '../audit.js'
import type { Sight, Writer } from '../context.js'

/**
 * A negotiation: its summary (status and lapse from the lifecycle rules, the next deadline), its
 * detail (delegations, rounds, events, acceptances) and its creation. Rounds and events are in
 * ./events.ts, proposals in ./proposals.ts, positions in ./positions.ts.
 */
export const parseJson = <T>(schema: z.ZodType<T>, text: string): T =>
  schema.parse(JSON.parse(text))
export const stringList = z.array(z.string())
const titleSchema = z.object({ en: z.string(), ko: z.string() })

export interface NegotiationRow {
  readonly id: string
  readonly title_json: string
  readonly replaces: string | null
  readonly successor: string | null
  readonly visibility: Visibility
  readonly sources_json: string
}

/** The negotiation if the scope may see it; otherwise `not-found` (as if it did not exist). */
export async function visibleNegotiation(
  db: DbOrTrx,
  scope: AccessScope,
  id: string,
): Promise<NegotiationRow> {
  const row = await db
    .selectFrom('negotiations')
    .select(['id', 'title_json', 'replaces', 'successor', 'visibility', 'sources_json'])
    .where('id', '=', id)
    .where(visibleTo(scope, 'negotiations'))
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** The asker's delegation; outsiders may not act in a negotiation. */
export function delegationOf(actor: Actor): Delegation {
  if (actor.party !== 'KR' && actor.party !== 'US') {
    throw new DomainError('forbidden', 'Only members of a delegation may do this.', {
      ko: '대표단 소속 사용자만 할 수 있는 작업입니다.',
    })
  }
  return actor.party
}

/** What a write inside a negotiation works with. */
export interface NegotiationWrite {
  readonly trx: DbOrTrx
  readonly audit: Audit
  /** The acting delegation. */
  readonly party: Delegation
  readonly negotiation: NegotiationRow
  /** The time of the write (ISO date-time). */
  readonly at: string
}

/**
 * The one way to write inside a negotiation: the actor must belong to a delegation, the write
 * runs in an audited transaction, and the negotiation must be visible to the actor's scope
 * (otherwise `not-found`, as if it did not exist).
 */
export function writeInNegotiation<T>(
  w: Writer,
  negotiationId: string,
  fn: (n: NegotiationWrite) => Promise<T>,
): Promise<T> {
  const party = delegationOf(w.actor)
  return withTransaction(w, async (trx, audit) => {
    const negotiation = await visibleNegotiation(trx, w.scope, negotiationId)
    return fn({ trx, audit, party, negotiation, at: w.now().toISOString() })
  })
}

/**
 * Facts the lifecycle rules read: never private rows, so the state is shareable; a mutual act
 * only once both delegations have confirmed it.
 */
export async function factsFor(
  db: DbOrTrx,
  scope: AccessScope,
  n: { id: string; replaces: string | null },
): Promise<{
  facts: NegotiationFacts
  deadlines: DeadlineView[]
  /** Who recorded each acceptance (in the order of `facts.acceptances`). */
  acceptedBy: readonly string[]
  /** How each acceptance came here: asserted, reported (its source) or received (issue 17). */
  acceptedHow: readonly Provenance[]
}> {
  const [acc, events, deadlines, predecessor] = await Promise.all([
    db
      .selectFrom('acceptances')
      .innerJoin('proposals', 'proposals.id', 'acceptances.proposal_id')
      .select([
        'acceptances.party',
        'acceptances.proposal_id',
        'acceptances.revision_id',
        'acceptances.at',
        'acceptances.created_by',
        'acceptances.reported_json',
        'acceptances.received_id',
      ])
      .where('acceptances.negotiation_id', '=', n.id)
      .where(visibleTo(scope, 'proposals'))
      .where('proposals.visibility', '!=', 'private')
      .orderBy('acceptances.seq')
      .execute(),
    db
      .selectFrom('negotiation_events')
      .select(['kind', 'date', 'party'])
      .where('negotiation_id', '=', n.id)
      .where(visibleTo(scope, 'negotiation_events'))
      .where('visibility', '!=', 'private')
      .where('confirmed_at', 'is not', null)
      .execute(),
    db
      .selectFrom('negotiation_deadlines')
      .select(['kind', 'date', 'label', 'label_ko', 'sources_json'])
      .where('negotiation_id', '=', n.id)
      .where(visibleTo(scope, 'negotiation_deadlines'))
      .orderBy('date')
      .execute(),
    n.replaces === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('agreements')
          .innerJoin('spec_revisions', 'spec_revisions.revision_id', 'agreements.revision_id')
          .select('spec_revisions.spec_json')
          .where('agreements.id', '=', n.replaces)
          .where(visibleTo(scope, 'agreements'))
          .executeTakeFirst(),
  ])
  let predecessorExpiry: string | null = null
  if (predecessor) {
    const expiry = (JSON.parse(predecessor.spec_json) as AgreementSpec).lifecycle.expiry
    if (expiry.status === 'known' && expiry.date.length === 10) predecessorExpiry = expiry.date
  }
  return {
    facts: {
      predecessorExpiry,
      acceptances: acc.map((a) => ({
        party: a.party,
        proposalId: a.proposal_id,
        revisionId: a.revision_id,
        at: a.at,
      })),
      events: events.map((e) => ({ kind: e.kind as EventKind, date: e.date, party: e.party })),
    },
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      date: d.date,
      label: rowText(d.label, d.label_ko),
      sources: parseJson(stringList, d.sources_json),
    })),
    acceptedBy: acc.map((a) => a.created_by),
    acceptedHow: acc.map((a) => ({
      reportedJson: a.reported_json ?? null,
      receivedId: a.received_id ?? null,
    })),
  }
}

async function summarize(
  db: DbOrTrx,
  scope: AccessScope,
  row: NegotiationRow,
  today: string,
): Promise<{
  summary: NegotiationSummary
  facts: NegotiationFacts
  deadlines: DeadlineView[]
  acceptedBy: readonly string[]
  acceptedHow: readonly Provenance[]
}> {
  const { facts, deadlines, acceptedBy, acceptedHow } = await factsFor(db, scope, row)
  const state = negotiationState(facts, today)
  return {
    summary: {
      id: row.id,
      title: parseJson(titleSchema, row.title_json),
      replaces: row.replaces,
      successor: row.successor,
      visibility: row.visibility,
      status: state.status,
      lapse: state.lapse,
      nextDeadline: nextDeadline(deadlines, today),
    },
    facts,
    deadlines,
    acceptedBy,
    acceptedHow,
  }
}

export async function listNegotiations(
  { db, scope }: Sight,
  today: string,
): Promise<NegotiationSummary[]> {
  const rows = await db
    .selectFrom('negotiations')
    .select(['id', 'title_json', 'replaces', 'successor', 'visibility', 'sources_json'])
    .where(visibleTo(scope, 'negotiations'))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const out: NegotiationSummary[] = []
  for (const r of rows) out.push((await summarize(db, scope, r, today)).summary)
  return out
}

export async function getNegotiation(
  { db, scope }: Sight,
  id: string,
  today: string,
): Promise<NegotiationDetail> {
  const row = await visibleNegotiation(db, scope, id)
  const { summary, facts, deadlines, acceptedBy, acceptedHow } = await summarize(
    db,
    scope,
    row,
    today,
  )
  const state = negotiationState(facts, today)
  const [delegations, rounds, events] = await Promise.all([
    visibleRows(db, scope, 'delegations', id).orderBy('party').execute(),
    visibleRows(db, scope, 'negotiation_rounds', id).orderBy('number').execute(),
    visibleRows(db, scope, 'negotiation_events', id)
      .orderBy('date')
      .orderBy('created_at')
      .execute(),
  ])
  const confirmations = events.length
    ? await db
        .selectFrom('event_confirmations')
        .selectAll()
        .where(
          'event_id',
          'in',
          events.map((e) => e.id),
        )
        .orderBy('at')
        .execute()
    : []
  const authorOf = await authorsOf(db, [
    ...rounds.map((r) => r.created_by),
    ...events.map((e) => e.created_by),
    ...confirmations.map((c) => c.confirmed_by),
    ...acceptedBy,
  ])
  const receivedFor = await receivedOf(db, [
    ...rounds.map((r) => r.received_id),
    ...events.map((e) => e.received_id),
    ...acceptedHow.map((a) => a.receivedId),
  ])
  const members = delegations.length
    ? await db
        .selectFrom('delegation_members')
        .selectAll()
        .where(
          'delegation_id',
          'in',
          delegations.map((d) => d.id),
        )
        .orderBy('position')
        .execute()
    : []
  return {
    ...summary,
    sources: parseJson(stringList, row.sources_json),
    deadlines,
    delegations: delegations.map((d) => {
      const ms = members
        .filter((m) => m.delegation_id === d.id)
        .map((m) => ({
          name: rowText(m.name, m.name_ko),
          title: m.title === null ? null : rowText(m.title, m.title_ko),
          agency: m.agency,
          role: m.role,
        }))
      const chief = ms.find((m) => m.role === 'chief')
      return {
        party: d.party,
        chief: chief ? { name: chief.name, title: chief.title, agency: chief.agency } : null,
        members: ms,
        agencies: parseJson(stringList, d.agencies_json),
        sources: parseJson(stringList, d.sources_json),
      }
    }),
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      from: r.date_from,
      to: r.date_to,
      venue: rowText(r.venue, r.venue_ko),
      summary: rowText(r.summary, r.summary_ko),
      visibility: r.visibility,
      sources: parseJson(stringList, r.sources_json),
      recordedBy: authorOf(r.created_by),
      reported: reportedView(r.reported_json, r.owner_party, authorOf(r.created_by)),
      received: receivedFor(r.received_id),
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as EventKind,
      date: e.date,
      party: e.party,
      note: rowText(e.note, e.note_ko),
      visibility: e.visibility,
      sources: parseJson(stringList, e.sources_json),
      recordedBy: authorOf(e.created_by),
      confirmations: confirmations.flatMap((c) => {
        const by = authorOf(c.confirmed_by)
        const reported = reportedView(c.reported_json, by?.party ?? '', by)
        return c.event_id === e.id && by ? [{ party: c.party, by, at: c.at, reported }] : []
      }),
      confirmedAt: e.confirmed_at,
      reported: reportedView(e.reported_json, e.owner_party, authorOf(e.created_by)),
      received: receivedFor(e.received_id),
    })),
    acceptances: facts.acceptances.map((a, i) => {
      const by = authorOf(acceptedBy[i] ?? null)
      const how = acceptedHow[i]
      return {
        ...a,
        by,
        reported: reportedView(how?.reportedJson, by?.party ?? '', by),
        received: receivedFor(how?.receivedId),
      }
    }),
    concludedRevisionId: state.concluded?.revisionId ?? null,
    inForceFrom: state.inForceFrom,
  }
}

/** Creates a negotiation owned by the asker's delegation, with its deadlines, in one audited write. */
export async function createNegotiation(
  w: Writer,
  input: NegotiationBody,
): Promise<{ id: string }> {
  const party = delegationOf(w.actor)
  return withTransaction(w, async (trx, audit) => {
    const exists = await trx
      .selectFrom('negotiations')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst()
    // An id taken by the other party's private negotiation must not reveal itself: same 409.
    if (exists)
      throw new DomainError('conflict', 'That id is not available.', {
        ko: `"${input.id}"은(는) 쓸 수 없는 식별자입니다. 다른 식별자를 정하십시오.`,
      })
    await trx
      .insertInto('negotiations')
      .values({
        id: input.id,
        title_json: JSON.stringify(input.title),
        replaces: input.replaces,
        successor: null,
        owner_party: party,
        visibility: input.visibility,
        sources_json: '[]',
        created_at: w.now().toISOString(),
      })
      .execute()
    const at = w.now().toISOString()
    const p = { negotiationId: input.id, owner: party, visibility: input.visibility, at }
    await insertDeadlines(trx, p, input.deadlines)
    audit({
      action: 'negotiation.create',
      object: `negotiation:${input.id}`,
      visibility: input.visibility,
      payload: input,
    })
    return { id: input.id }
  })
}
