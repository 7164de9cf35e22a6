import { randomUUID } from 'node:crypto'
import type { Delegation, Party } from '../../domain/access/permissions.js'
import type { Visibility } from '../../domain/access/scope.js'
import type { SelectQueryBuilder, Selectable } from 'kysely'
import type { AccessScope } from '../../domain/access/scope.js'
import type { Database, DbOrTrx } from '../database.js'
import { visibleTo } from './access-filter.js'

/**
 * The rows of a negotiation's record, written the same way by the use cases (a delegation
 * records a round or an event) and by the seed (the shipped history): one function per kind of
 * row, so a column is never filled in two different ways.
 */
export interface Placement {
  readonly negotiationId: string
  /** The party the row belongs to (`PUBLIC` for the shipped history). */
  readonly owner: Party
  readonly visibility: Visibility
  /** When it was recorded (ISO date-time). */
  readonly at: string
  /** The user who recorded it; absent or null for the shipped history. */
  readonly by?: string | null
}

/**
 * How an act of the other party came to be recorded (issue 17): reported by us from a source
 * (ReportedSource as JSON), or received in a signed document (received_documents.id).
 */
export interface Provenance {
  readonly reportedJson?: string | null
  readonly receivedId?: string | null
}

function provenance(p: Provenance | undefined) {
  return { reported_json: p?.reportedJson ?? null, received_id: p?.receivedId ?? null }
}

/** The columns that place a row: its negotiation, its owner and who may see it. */
function placed(p: Placement) {
  return { negotiation_id: p.negotiationId, owner_party: p.owner, visibility: p.visibility }
}

export interface DeadlineRow {
  readonly kind: string
  readonly date: string
  readonly label: string
  readonly sources: readonly string[]
}

export async function insertDeadlines(
  db: DbOrTrx,
  p: Placement,
  deadlines: readonly DeadlineRow[],
): Promise<void> {
  for (const d of deadlines) {
    await db
      .insertInto('negotiation_deadlines')
      .values({
        ...placed(p),
        id: randomUUID(),
        kind: d.kind,
        date: d.date,
        label: d.label,
        sources_json: JSON.stringify(d.sources),
      })
      .execute()
  }
}

export interface DelegationRow {
  readonly party: Delegation
  readonly agencies: readonly string[]
  readonly sources: readonly string[]
  readonly members: readonly { name: string; title: string | null; agency: string; role: string }[]
}

/** Inserts a delegation with its members in their order. */
export async function insertDelegation(db: DbOrTrx, p: Placement, d: DelegationRow): Promise<void> {
  const id = randomUUID()
  await db
    .insertInto('delegations')
    .values({
      ...placed(p),
      id,
      party: d.party,
      agencies_json: JSON.stringify(d.agencies),
      sources_json: JSON.stringify(d.sources),
    })
    .execute()
  for (const [position, m] of d.members.entries()) {
    await db
      .insertInto('delegation_members')
      .values({ ...m, id: randomUUID(), delegation_id: id, position })
      .execute()
  }
}

export interface RoundRow {
  readonly number: number
  readonly from: string
  readonly to: string | null
  readonly venue: string
  readonly summary: string
  readonly sources: readonly string[]
}

/** Inserts a round; returns its id. */
export async function insertRound(
  db: DbOrTrx,
  p: Placement,
  r: RoundRow,
  how?: Provenance,
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('negotiation_rounds')
    .values({
      ...placed(p),
      id,
      number: r.number,
      date_from: r.from,
      date_to: r.to,
      venue: r.venue,
      summary: r.summary,
      sources_json: JSON.stringify(r.sources),
      created_at: p.at,
      created_by: p.by ?? null,
      ...provenance(how),
    })
    .execute()
  return id
}

export interface EventRow {
  readonly kind: string
  readonly date: string
  readonly party: Delegation | null
  readonly note: string
  readonly sources: readonly string[]
  /** When it counts: null while a mutual act awaits the other delegation's confirmation. */
  readonly confirmedAt?: string | null
}

/** Inserts a lifecycle event; returns its id. */
export async function insertEvent(
  db: DbOrTrx,
  p: Placement,
  e: EventRow,
  how?: Provenance,
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('negotiation_events')
    .values({
      ...placed(p),
      id,
      kind: e.kind,
      date: e.date,
      party: e.party,
      note: e.note,
      sources_json: JSON.stringify(e.sources),
      created_at: p.at,
      created_by: p.by ?? null,
      confirmed_at: e.confirmedAt === undefined ? p.at : e.confirmedAt,
      ...provenance(how),
    })
    .execute()
  return id
}

/** Records one delegation's confirmation of a mutual act. */
export async function insertConfirmation(
  db: DbOrTrx,
  c: { eventId: string; party: Delegation; by: string; at: string; reportedJson?: string },
): Promise<void> {
  await db
    .insertInto('event_confirmations')
    .values({
      event_id: c.eventId,
      party: c.party,
      confirmed_by: c.by,
      at: c.at,
      reported_json: c.reportedJson ?? null,
    })
    .execute()
}

export interface ProposalRow {
  readonly title: string
  readonly revisionId: string
  readonly revises: string | null
  readonly roundId: string | null
  readonly tabledAt: string | null
  readonly createdBy: string
  /** Whose proposal it is when not the owner's: the other party, reported or received. */
  readonly actorParty?: Delegation | null
}

/** Inserts a proposal; returns its id and ETag. */
export async function insertProposal(
  db: DbOrTrx,
  p: Placement,
  r: ProposalRow,
  how?: Provenance,
): Promise<{ id: string; etag: string }> {
  const id = randomUUID()
  const etag = randomUUID()
  await db
    .insertInto('proposals')
    .values({
      ...placed(p),
      id,
      title: r.title,
      revision_id: r.revisionId,
      revises: r.revises,
      round_id: r.roundId,
      tabled_at: r.tabledAt,
      etag,
      created_at: p.at,
      created_by: r.createdBy,
      tabled_by: r.tabledAt === null || r.createdBy === 'system' ? null : r.createdBy,
      actor_party: r.actorParty ?? null,
      ...provenance(how),
    })
    .execute()
  return { id, etag }
}

/** Records a party's acceptance of a proposal's revision (after the last one, in order). */
export async function insertAcceptance(
  db: DbOrTrx,
  negotiationId: string,
  a: { party: Delegation; proposalId: string; revisionId: string; at: string; createdBy: string },
  how?: Provenance,
): Promise<string> {
  const last = await db
    .selectFrom('acceptances')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst()
  const id = randomUUID()
  await db
    .insertInto('acceptances')
    .values({
      seq: (last?.m ?? 0) + 1,
      id,
      negotiation_id: negotiationId,
      party: a.party,
      proposal_id: a.proposalId,
      revision_id: a.revisionId,
      at: a.at,
      created_by: a.createdBy,
      ...provenance(how),
    })
    .execute()
  return id
}

/** The rows of one kind recorded in a negotiation that the scope may see (a query to order). */
export function visibleRows<T extends 'delegations' | 'negotiation_rounds' | 'negotiation_events'>(
  db: DbOrTrx,
  scope: AccessScope,
  table: T,
  negotiationId: string,
) {
  return db
    .selectFrom(table as 'delegations')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where(visibleTo(scope, table)) as unknown as SelectQueryBuilder<
    Database,
    T,
    Selectable<Database[T]>
  >
}
