import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { AgreementSpec } from '../domain/agreement/spec.js'
import { EvaluationError, evaluateSchedule, type Schedule } from '../domain/agreement/evaluate.js'
import { publishedLookup } from '../domain/record/record.js'
import type { AccessScope, Visibility } from '../domain/access/scope.js'
import {
  acceptRefusal,
  eventRefusal,
  negotiationState,
  nextDeadline,
  tableRefusal,
  editRefusal,
  type EventKind,
  type Lapse,
  type NegotiationFacts,
  type NegotiationStatus,
} from '../domain/negotiation/lifecycle.js'
import type { DbOrTrx } from '../db/database.js'
import { ownedBy, visibleTo } from '../db/repositories/access-filter.js'
import { withTransaction, type Actor, type Store } from './audit.js'
import { ServiceError, notFound } from './errors.js'
import { cachedIndexSet, listAgreements, putRevision } from './record.js'
import type { SpecCache } from './spec-cache.js'

const json = <T>(schema: z.ZodType<T>, text: string): T => schema.parse(JSON.parse(text))
const strings = z.array(z.string())
const titleSchema = z.object({ en: z.string(), ko: z.string() })

export interface Deadline {
  readonly kind: string
  readonly date: string
  readonly label: string
  readonly sources: readonly string[]
}

export interface NegotiationSummary {
  readonly id: string
  readonly title: { en: string; ko: string }
  readonly replaces: string | null
  readonly successor: string | null
  readonly visibility: Visibility
  readonly status: NegotiationStatus
  readonly lapse: Lapse | null
  readonly nextDeadline: Deadline | null
}

export interface NegotiationDetail extends NegotiationSummary {
  readonly sources: readonly string[]
  readonly deadlines: readonly Deadline[]
  readonly delegations: readonly {
    party: 'KR' | 'US'
    chief: { name: string; title: string | null; agency: string } | null
    members: readonly { name: string; title: string | null; agency: string; role: string }[]
    agencies: readonly string[]
    sources: readonly string[]
  }[]
  readonly rounds: readonly {
    id: string
    number: number
    from: string
    to: string | null
    venue: string
    summary: string
    visibility: Visibility
    sources: readonly string[]
  }[]
  readonly events: readonly {
    id: string
    kind: string
    date: string
    party: 'KR' | 'US' | null
    note: string
    visibility: Visibility
    sources: readonly string[]
  }[]
  readonly acceptances: readonly {
    party: 'KR' | 'US'
    proposalId: string
    revisionId: string
    at: string
  }[]
  readonly concludedRevisionId: string | null
  readonly inForceFrom: string | null
}

type NegotiationRow = {
  id: string
  title_json: string
  replaces: string | null
  successor: string | null
  visibility: Visibility
  sources_json: string
}

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

/** Facts the lifecycle rules read: never private rows, so the state is shareable. */
async function factsFor(
  db: DbOrTrx,
  scope: AccessScope,
  n: { id: string; replaces: string | null },
): Promise<{ facts: NegotiationFacts; deadlines: Deadline[] }> {
  const [acc, events, deadlines, predecessor] = await Promise.all([
    db
      .selectFrom('acceptances')
      .innerJoin('proposals', 'proposals.id', 'acceptances.proposal_id')
      .select([
        'acceptances.party',
        'acceptances.proposal_id',
        'acceptances.revision_id',
        'acceptances.at',
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
      .execute(),
    db
      .selectFrom('negotiation_deadlines')
      .select(['kind', 'date', 'label', 'sources_json'])
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
      label: d.label,
      sources: json(strings, d.sources_json),
    })),
  }
}

async function summarize(
  db: DbOrTrx,
  scope: AccessScope,
  row: NegotiationRow,
  today: string,
): Promise<NegotiationSummary & { facts: NegotiationFacts; deadlines: Deadline[] }> {
  const { facts, deadlines } = await factsFor(db, scope, row)
  const state = negotiationState(facts, today)
  return {
    id: row.id,
    title: json(titleSchema, row.title_json),
    replaces: row.replaces,
    successor: row.successor,
    visibility: row.visibility,
    status: state.status,
    lapse: state.lapse,
    nextDeadline: nextDeadline(deadlines, today),
    facts,
    deadlines,
  }
}

export async function listNegotiations(
  db: DbOrTrx,
  scope: AccessScope,
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
  for (const r of rows) {
    const { facts: _f, deadlines: _d, ...s } = await summarize(db, scope, r, today)
    out.push(s)
  }
  return out
}

export async function getNegotiation(
  db: DbOrTrx,
  scope: AccessScope,
  id: string,
  today: string,
): Promise<NegotiationDetail> {
  const row = await visibleNegotiation(db, scope, id)
  const { facts, deadlines, ...summary } = await summarize(db, scope, row, today)
  const state = negotiationState(facts, today)
  const delegations = await db
    .selectFrom('delegations')
    .selectAll()
    .where('negotiation_id', '=', id)
    .where(visibleTo(scope, 'delegations'))
    .orderBy('party')
    .execute()
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
  const rounds = await db
    .selectFrom('negotiation_rounds')
    .selectAll()
    .where('negotiation_id', '=', id)
    .where(visibleTo(scope, 'negotiation_rounds'))
    .orderBy('number')
    .execute()
  const events = await db
    .selectFrom('negotiation_events')
    .selectAll()
    .where('negotiation_id', '=', id)
    .where(visibleTo(scope, 'negotiation_events'))
    .orderBy('date')
    .orderBy('created_at')
    .execute()
  return {
    ...summary,
    sources: json(strings, row.sources_json),
    deadlines,
    delegations: delegations.map((d) => {
      const ms = members
        .filter((m) => m.delegation_id === d.id)
        .map((m) => ({ name: m.name, title: m.title, agency: m.agency, role: m.role }))
      const chief = ms.find((m) => m.role === 'chief')
      return {
        party: d.party,
        chief: chief ? { name: chief.name, title: chief.title, agency: chief.agency } : null,
        members: ms,
        agencies: json(strings, d.agencies_json),
        sources: json(strings, d.sources_json),
      }
    }),
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      from: r.date_from,
      to: r.date_to,
      venue: r.venue,
      summary: r.summary,
      visibility: r.visibility,
      sources: json(strings, r.sources_json),
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      party: e.party,
      note: e.note,
      visibility: e.visibility,
      sources: json(strings, e.sources_json),
    })),
    acceptances: facts.acceptances,
    concludedRevisionId: state.concluded?.revisionId ?? null,
    inForceFrom: state.inForceFrom,
  }
}

export function delegationOf(actor: Actor): 'KR' | 'US' {
  if (actor.party !== 'KR' && actor.party !== 'US') {
    throw new ServiceError('forbidden', 'Only members of a delegation may do this.')
  }
  return actor.party
}

export interface NewNegotiation {
  readonly id: string
  readonly title: { en: string; ko: string }
  readonly replaces: string | null
  readonly visibility: 'private' | 'shared'
  readonly deadlines: readonly {
    kind: string
    date: string
    label: string
    sources: readonly string[]
  }[]
}

export async function createNegotiation(
  store: Store,
  actor: Actor,
  input: NewNegotiation,
  now: () => Date,
): Promise<{ id: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const exists = await trx
        .selectFrom('negotiations')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst()
      // An id taken by the other party's private negotiation must not reveal itself: same 409.
      if (exists) throw new ServiceError('conflict', 'That id is not available.')
      const at = now().toISOString()
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
          created_at: at,
        })
        .execute()
      for (const d of input.deadlines) {
        await trx
          .insertInto('negotiation_deadlines')
          .values({
            id: randomUUID(),
            negotiation_id: input.id,
            kind: d.kind,
            date: d.date,
            label: d.label,
            sources_json: JSON.stringify(d.sources),
            owner_party: party,
            visibility: input.visibility,
          })
          .execute()
      }
      audit({
        action: 'negotiation.create',
        object: `negotiation:${input.id}`,
        visibility: input.visibility,
        payload: input,
      })
      return { id: input.id }
    },
    now,
  )
}

export interface NewRound {
  readonly number: number
  readonly from: string
  readonly to: string | null
  readonly venue: string
  readonly summary: string
  readonly sources: readonly string[]
}

/** Rounds are joint meetings: recorded as shared between both delegations. */
export async function addRound(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: NewRound,
  now: () => Date,
): Promise<{ id: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      const clash = await trx
        .selectFrom('negotiation_rounds')
        .select('id')
        .where('negotiation_id', '=', negotiationId)
        .where('number', '=', input.number)
        .executeTakeFirst()
      if (clash) throw new ServiceError('conflict', `Round ${input.number} is already recorded.`)
      if (input.to !== null && input.to < input.from) {
        throw new ServiceError('invalid', 'The round ends before it starts.', {
          errors: [{ pointer: '/to', detail: 'before from' }],
        })
      }
      const id = randomUUID()
      const visibility: Visibility = n.visibility === 'private' ? 'private' : 'shared'
      await trx
        .insertInto('negotiation_rounds')
        .values({
          id,
          negotiation_id: negotiationId,
          number: input.number,
          date_from: input.from,
          date_to: input.to,
          venue: input.venue,
          summary: input.summary,
          sources_json: JSON.stringify(input.sources),
          owner_party: party,
          visibility,
          created_at: now().toISOString(),
        })
        .execute()
      audit({ action: 'round.add', object: `round:${id}`, visibility, payload: input })
      return { id }
    },
    now,
  )
}

export interface NewEvent {
  readonly kind: EventKind
  readonly date: string
  readonly party: 'KR' | 'US' | null
  readonly note: string
  readonly visibility: 'private' | 'shared'
  readonly sources: readonly string[]
}

/**
 * Records a lifecycle event. Signing, domestic procedures and entry into force are checked
 * against the mutual-consent rules (a party records only its own domestic procedure).
 */
export async function addEvent(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: NewEvent,
  now: () => Date,
): Promise<{ id: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      if (input.kind === 'domestic-procedure' && input.party !== party) {
        throw new ServiceError('forbidden', 'A party records only its own domestic procedure.')
      }
      if (input.visibility === 'private' && !['note', 'external'].includes(input.kind)) {
        throw new ServiceError(
          'invalid',
          'Lifecycle events are shared; only notes may be private.',
          {
            errors: [{ pointer: '/visibility', detail: 'must be shared for this kind' }],
          },
        )
      }
      const { facts } = await factsFor(trx, scope, n)
      const refusal = eventRefusal(facts, {
        kind: input.kind,
        date: input.date,
        party: input.party,
      })
      if (refusal !== null) throw new ServiceError('conflict', refusal)
      const id = randomUUID()
      const visibility: Visibility = n.visibility === 'private' ? 'private' : input.visibility
      await trx
        .insertInto('negotiation_events')
        .values({
          id,
          negotiation_id: negotiationId,
          kind: input.kind,
          date: input.date,
          party: input.party,
          note: input.note,
          sources_json: JSON.stringify(input.sources),
          owner_party: party,
          visibility,
          created_at: now().toISOString(),
        })
        .execute()
      audit({ action: `event.${input.kind}`, object: `event:${id}`, visibility, payload: input })
      return { id }
    },
    now,
  )
}

// ---------------------------------------------------------------- proposals

export interface ProposalView {
  readonly id: string
  readonly negotiationId: string
  readonly title: string
  readonly ownerParty: 'KR' | 'US' | 'PUBLIC'
  readonly visibility: Visibility
  readonly revisionId: string
  readonly revises: string | null
  readonly tabledAt: string | null
  readonly roundId: string | null
  readonly etag: string
  readonly spec: AgreementSpec
  readonly schedule: Schedule | null
  readonly scheduleError: string | null
}

async function proposalRows(db: DbOrTrx, scope: AccessScope, negotiationId: string, id?: string) {
  let q = db
    .selectFrom('proposals')
    .innerJoin('spec_revisions', 'spec_revisions.revision_id', 'proposals.revision_id')
    .select([
      'proposals.id',
      'proposals.negotiation_id',
      'proposals.title',
      'proposals.owner_party',
      'proposals.visibility',
      'proposals.revision_id',
      'proposals.revises',
      'proposals.tabled_at',
      'proposals.round_id',
      'proposals.etag',
      'proposals.created_at',
      'spec_revisions.spec_json',
    ])
    .where('proposals.negotiation_id', '=', negotiationId)
    .where(visibleTo(scope, 'proposals'))
  if (id !== undefined) q = q.where('proposals.id', '=', id)
  return q.orderBy('proposals.created_at').orderBy('proposals.id').execute()
}

async function toViews(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  rows: Awaited<ReturnType<typeof proposalRows>>,
): Promise<ProposalView[]> {
  if (rows.length === 0) return []
  const [indices, agreements] = await Promise.all([
    cachedIndexSet(db, cache),
    listAgreements(db, scope, cache),
  ])
  const publishedOf = publishedLookup(agreements.map((a) => a.spec))
  return rows.map((r) => {
    const spec = cache.parse(r.revision_id, r.spec_json)
    let schedule: Schedule | null = null
    let scheduleError: string | null = null
    try {
      schedule = evaluateSchedule(spec, { indices, overrides: [], publishedOf })
    } catch (err) {
      // A stored proposal must stay readable even if its spec cannot be evaluated.
      scheduleError =
        err instanceof EvaluationError ? err.message : 'The schedule could not be computed.'
    }
    return {
      id: r.id,
      negotiationId: r.negotiation_id,
      title: r.title,
      ownerParty: r.owner_party,
      visibility: r.visibility,
      revisionId: r.revision_id,
      revises: r.revises,
      tabledAt: r.tabled_at,
      roundId: r.round_id,
      etag: r.etag,
      spec,
      schedule,
      scheduleError,
    }
  })
}

export async function listProposals(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  negotiationId: string,
): Promise<ProposalView[]> {
  await visibleNegotiation(db, scope, negotiationId)
  return toViews(db, scope, cache, await proposalRows(db, scope, negotiationId))
}

export async function getProposal(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  negotiationId: string,
  id: string,
): Promise<ProposalView> {
  await visibleNegotiation(db, scope, negotiationId)
  const rows = await proposalRows(db, scope, negotiationId, id)
  const [view] = await toViews(db, scope, cache, rows)
  if (!view) throw notFound()
  return view
}

export interface NewProposal {
  readonly title: string
  readonly visibility: 'private' | 'shared'
  readonly spec: AgreementSpec
  readonly roundId: string | null
  /** A proposal this one revises (its own party's, or a tabled one). */
  readonly revises: string | null
}

/**
 * Stores a proposal: the spec becomes a content-addressed revision. A private proposal is a
 * draft; a shared one is tabled at once (and so immutable).
 */
export async function createProposal(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: NewProposal,
  now: () => Date,
): Promise<{ id: string; revisionId: string; etag: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      for (const [ref, table] of [
        [input.roundId, 'negotiation_rounds'],
        [input.revises, 'proposals'],
      ] as const) {
        if (ref === null) continue
        const hit = await trx
          .selectFrom(table)
          .select('id')
          .where('id', '=', ref)
          .where('negotiation_id', '=', negotiationId)
          .where(visibleTo(scope, table))
          .executeTakeFirst()
        if (!hit)
          throw new ServiceError(
            'invalid',
            `Unknown ${table === 'proposals' ? 'revises' : 'roundId'}.`,
          )
      }
      const at = now().toISOString()
      const rid = await putRevision(trx, input.spec, at)
      const id = randomUUID()
      const etag = randomUUID()
      const visibility: Visibility = n.visibility === 'private' ? 'private' : input.visibility
      await trx
        .insertInto('proposals')
        .values({
          id,
          negotiation_id: negotiationId,
          title: input.title,
          owner_party: party,
          visibility,
          revision_id: rid,
          revises: input.revises,
          round_id: input.roundId,
          tabled_at: input.visibility === 'shared' ? at : null,
          etag,
          created_at: at,
          created_by: actor.id,
        })
        .execute()
      audit({
        action: input.visibility === 'shared' ? 'proposal.table' : 'proposal.draft',
        object: `proposal:${id}`,
        visibility,
        payload: { title: input.title, revisionId: rid },
      })
      return { id, revisionId: rid, etag }
    },
    now,
  )
}

/** Replaces a private draft's spec/title; needs the current ETag (no lost updates). */
export async function updateDraft(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  id: string,
  ifMatch: string,
  input: { title: string; spec: AgreementSpec },
  now: () => Date,
): Promise<{ etag: string; revisionId: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      await visibleNegotiation(trx, scope, negotiationId)
      const cur = await trx
        .selectFrom('proposals')
        .select(['id', 'owner_party', 'visibility', 'tabled_at', 'etag'])
        .where('id', '=', id)
        .where('negotiation_id', '=', negotiationId)
        .where(visibleTo(scope, 'proposals'))
        .executeTakeFirst()
      if (!cur) throw notFound()
      if (cur.owner_party !== party)
        throw new ServiceError('forbidden', 'Only the owning party may edit this proposal.')
      const refusal = editRefusal({
        ownerParty: party,
        visibility: cur.visibility,
        tabledAt: cur.tabled_at,
      })
      if (refusal !== null) throw new ServiceError('conflict', refusal)
      const at = now().toISOString()
      const rid = await putRevision(trx, input.spec, at)
      const etag = randomUUID()
      const res = await trx
        .updateTable('proposals')
        .set({ title: input.title, revision_id: rid, etag })
        .where('id', '=', id)
        .where('etag', '=', ifMatch)
        .where('tabled_at', 'is', null)
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) {
        throw new ServiceError('precondition-failed', 'The proposal changed since you read it.', {
          currentETag: cur.etag,
        })
      }
      audit({
        action: 'proposal.update',
        object: `proposal:${id}`,
        visibility: cur.visibility,
        payload: { revisionId: rid },
      })
      return { etag, revisionId: rid }
    },
    now,
  )
}

export async function tableProposal(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  id: string,
  now: () => Date,
): Promise<{ tabledAt: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      const p = await trx
        .selectFrom('proposals')
        .select(['owner_party', 'visibility', 'tabled_at'])
        .where('id', '=', id)
        .where('negotiation_id', '=', negotiationId)
        .where(visibleTo(scope, 'proposals'))
        .executeTakeFirst()
      if (!p) throw notFound()
      const refusal =
        p.owner_party === 'PUBLIC'
          ? 'the proposal is already tabled'
          : tableRefusal(
              { ownerParty: p.owner_party, visibility: p.visibility, tabledAt: p.tabled_at },
              party,
            )
      if (refusal !== null) throw new ServiceError('conflict', refusal)
      const at = now().toISOString()
      const visibility: Visibility = n.visibility === 'private' ? 'private' : 'shared'
      await trx
        .updateTable('proposals')
        .set({ visibility, tabled_at: at, etag: randomUUID() })
        .where('id', '=', id)
        .where('tabled_at', 'is', null)
        .execute()
      audit({ action: 'proposal.table', object: `proposal:${id}`, visibility, payload: { id } })
      return { tabledAt: at }
    },
    now,
  )
}

export async function acceptProposal(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  id: string,
  today: () => Date,
): Promise<{ concluded: boolean; revisionId: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      const p = await trx
        .selectFrom('proposals')
        .select(['owner_party', 'visibility', 'tabled_at', 'revision_id'])
        .where('id', '=', id)
        .where('negotiation_id', '=', negotiationId)
        .where(visibleTo(scope, 'proposals'))
        .executeTakeFirst()
      if (!p) throw notFound()
      const { facts } = await factsFor(trx, scope, n)
      const refusal = acceptRefusal(
        {
          ownerParty: p.owner_party === 'PUBLIC' ? party : p.owner_party,
          visibility: p.visibility,
          tabledAt: p.tabled_at,
        },
        facts,
      )
      if (refusal !== null) throw new ServiceError('conflict', refusal)
      const at = today().toISOString()
      const last = await trx
        .selectFrom('acceptances')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirst()
      await trx
        .insertInto('acceptances')
        .values({
          seq: (last?.m ?? 0) + 1,
          id: randomUUID(),
          negotiation_id: negotiationId,
          party,
          proposal_id: id,
          revision_id: p.revision_id,
          at,
          created_by: actor.id,
        })
        .execute()
      const after = negotiationState(
        {
          ...facts,
          acceptances: [
            ...facts.acceptances,
            { party, proposalId: id, revisionId: p.revision_id, at },
          ],
        },
        at,
      )
      audit({
        action: after.concluded ? 'proposal.accept+conclude' : 'proposal.accept',
        object: `proposal:${id}`,
        visibility: p.visibility,
        payload: { revisionId: p.revision_id },
      })
      return { concluded: after.concluded !== null, revisionId: p.revision_id }
    },
    today,
  )
}

// ---------------------------------------------------------------- positions

export const moneyText = z.string().regex(/^(0|[1-9]\d{0,20})$/, 'integer won as a decimal string')

export interface PositionInput {
  readonly title: string
  readonly reservationValue: string | null
  readonly target: string | null
  readonly priorities: readonly string[]
  readonly estimateOfOther: {
    reservationValue: string | null
    target: string | null
    notes: string
  }
  readonly notes: string
}

export interface PositionView extends PositionInput {
  readonly id: string
  readonly negotiationId: string
  readonly ownerParty: 'KR' | 'US'
  readonly createdAt: string
  readonly updatedAt: string
  readonly etag: string
}

const estimateSchema = z.object({
  reservationValue: moneyText.nullable(),
  target: moneyText.nullable(),
  notes: z.string(),
})

type PositionRow = {
  id: string
  negotiation_id: string
  owner_party: 'KR' | 'US'
  title: string
  reservation_value: string | null
  target: string | null
  priorities_json: string
  estimate_of_other_json: string
  notes: string
  etag: string
  created_at: string
  updated_at: string
}

const toPosition = (r: PositionRow): PositionView => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  ownerParty: r.owner_party,
  title: r.title,
  reservationValue: r.reservation_value,
  target: r.target,
  priorities: json(strings, r.priorities_json),
  estimateOfOther: json(estimateSchema, r.estimate_of_other_json),
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  etag: r.etag,
})

/** Positions are always private to the author's party: the filter is ownership, not visibility. */
export async function listPositions(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
): Promise<PositionView[]> {
  await visibleNegotiation(db, scope, negotiationId)
  const rows = await db
    .selectFrom('positions')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where(ownedBy(scope, 'positions'))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toPosition)
}

export async function getPosition(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
  id: string,
): Promise<PositionView> {
  await visibleNegotiation(db, scope, negotiationId)
  const r = await db
    .selectFrom('positions')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where('id', '=', id)
    .where(ownedBy(scope, 'positions'))
    .executeTakeFirst()
  if (!r) throw notFound()
  return toPosition(r)
}

export async function createPosition(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: PositionInput,
  now: () => Date,
): Promise<PositionView> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      await visibleNegotiation(trx, scope, negotiationId)
      const at = now().toISOString()
      const row: PositionRow = {
        id: randomUUID(),
        negotiation_id: negotiationId,
        owner_party: party,
        title: input.title,
        reservation_value: input.reservationValue,
        target: input.target,
        priorities_json: JSON.stringify(input.priorities),
        estimate_of_other_json: JSON.stringify(input.estimateOfOther),
        notes: input.notes,
        etag: randomUUID(),
        created_at: at,
        updated_at: at,
      }
      await trx
        .insertInto('positions')
        .values({ ...row, created_by: actor.id })
        .execute()
      audit({
        action: 'position.create',
        object: `position:${row.id}`,
        visibility: 'private',
        payload: input,
      })
      return toPosition(row)
    },
    now,
  )
}

/**
 * Replaces a position if and only if its ETag still matches: a conditional UPDATE, so of N
 * concurrent writers holding the same ETag exactly one wins and the rest get 412.
 */
export async function updatePosition(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  id: string,
  ifMatch: string,
  input: PositionInput,
  now: () => Date,
): Promise<PositionView> {
  delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const cur = await getPosition(trx, scope, negotiationId, id)
      const etag = randomUUID()
      const at = now().toISOString()
      const res = await trx
        .updateTable('positions')
        .set({
          title: input.title,
          reservation_value: input.reservationValue,
          target: input.target,
          priorities_json: JSON.stringify(input.priorities),
          estimate_of_other_json: JSON.stringify(input.estimateOfOther),
          notes: input.notes,
          etag,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('etag', '=', ifMatch)
        .where(ownedBy(scope, 'positions'))
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) {
        throw new ServiceError('precondition-failed', 'The position changed since you read it.', {
          currentETag: cur.etag,
        })
      }
      audit({
        action: 'position.update',
        object: `position:${id}`,
        visibility: 'private',
        payload: input,
      })
      return { ...cur, ...input, etag, updatedAt: at }
    },
    now,
  )
}
