import { randomUUID } from 'node:crypto'
import type { Delegation, Party } from '../../domain/access/permissions.js'
import type { Visibility } from '../../domain/access/scope.js'
import type { SelectQueryBuilder, Selectable } from 'kysely'
import type { AccessScope } from '../../domain/access/scope.js'
import type { Localized, LocalizedText } from '../../domain/text/localized.js'
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

/**
 * A free text of the record as its two columns (decision 0019): the English of the shipped
 * history, or the text as a user typed it; and the Korean where the record has it, else null.
 * @example textColumns({ en: 'Seoul', ko: '서울' }) // { text: 'Seoul', ko: '서울' }
 * @example textColumns('서울에서') // { text: '서울에서', ko: null }
 */
export function textColumns(t: LocalizedText): { text: string; ko: string | null } {
  return typeof t === 'string' ? { text: t, ko: null } : { text: t.en, ko: t.ko }
}

/**
 * The record text of a row's two columns: both languages where the Korean is stored, else the
 * single text as it was typed (rows written before migration 0021 read as they did).
 * @example rowText('Seoul', '서울') // { en: 'Seoul', ko: '서울' }
 * @example rowText('서울에서', null) // '서울에서'
 */
export function rowText(text: string, ko: string | null | undefined): LocalizedText {
  return ko == null ? text : ({ en: text, ko } satisfies Localized)
}

export interface DeadlineRow {
  readonly kind: string
  readonly date: string
  readonly label: LocalizedText
  readonly sources: readonly string[]
}

export async function insertDeadlines(
  db: DbOrTrx,
  p: Placement,
  deadlines: readonly DeadlineRow[],
): Promise<void> {
  for (const d of deadlines) {
    const label = textColumns(d.label)
    await db
      .insertInto('negotiation_deadlines')
      .values({
        ...placed(p),
        id: randomUUID(),
        kind: d.kind,
        date: d.date,
        label: label.text,
        label_ko: label.ko,
        sources_json: JSON.stringify(d.sources),
      })
      .execute()
  }
}

export interface DelegationRow {
  readonly party: Delegation
  readonly agencies: readonly string[]
  readonly sources: readonly string[]
  readonly members: readonly {
    name: LocalizedText
    title: LocalizedText | null
    agency: string
    role: string
  }[]
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
    const name = textColumns(m.name)
    const title = m.title === null ? null : textColumns(m.title)
    await db
      .insertInto('delegation_members')
      .values({
        id: randomUUID(),
        delegation_id: id,
        position,
        name: name.text,
        name_ko: name.ko,
        title: title?.text ?? null,
        title_ko: title?.ko ?? null,
        agency: m.agency,
        role: m.role,
      })
      .execute()
  }
}

export interface RoundRow {
  readonly number: number
  readonly from: string
  readonly to: string | null
  readonly venue: LocalizedText
  /** Empty when the record has none. */
  readonly summary: LocalizedText
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
  const venue = textColumns(r.venue)
  const summary = textColumns(r.summary)
  await db
    .insertInto('negotiation_rounds')
    .values({
      ...placed(p),
      id,
      number: r.number,
      date_from: r.from,
      date_to: r.to,
      venue: venue.text,
      venue_ko: venue.ko,
      summary: summary.text,
      summary_ko: summary.ko,
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
  readonly note: LocalizedText
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
  const note = textColumns(e.note)
  await db
    .insertInto('negotiation_events')
    .values({
      ...placed(p),
      id,
      kind: e.kind,
      date: e.date,
      party: e.party,
      note: note.text,
      note_ko: note.ko,
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
  readonly title: LocalizedText
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
  const title = textColumns(r.title)
  await db
    .insertInto('proposals')
    .values({
      ...placed(p),
      id,
      title: title.text,
      title_ko: title.ko,
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
