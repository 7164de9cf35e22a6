import type { IfMatch } from '../../contracts/common.js'
import { randomUUID } from 'node:crypto'
import {
  EvaluationError,
  evaluateSchedule,
  type Schedule,
} from '../../domain/agreement/evaluate.js'
import { childVisibility } from '../../domain/access/scope.js'
import { DomainError, notFound } from '../../domain/errors.js'
import {
  acceptRefusal,
  editRefusal,
  latestAcceptances,
  negotiationState,
} from '../../domain/negotiation/lifecycle.js'
import { negotiationRefusalKo } from '../../domain/negotiation/refusal-ko.js'
import {
  actRefusal,
  proposalState,
  revisionRefusal,
} from '../../domain/negotiation/proposal-state.js'
import { evaluationContext, type RecordSnapshot } from '../../domain/record/record.js'
import type {
  Accepted,
  DraftUpdated,
  ProposalBody,
  ProposalCreated,
  ProposalUpdateBody,
  ProposalView,
  Tabled,
} from '../../contracts/proposals.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import { authorsOf } from '../../db/repositories/authors.js'
import { receivedOf, reportedView } from '../../db/repositories/provenance.js'
import {
  insertAcceptance,
  insertProposal,
  rowText,
} from '../../db/repositories/negotiation-rows.js'
import type { Reader, Sight, Writer } from '../context.js'
import { replaceIfMatch } from '../private-documents.js'
import { putRevision } from '../record/agreements.js'
import { factsFor, visibleNegotiation, writeInNegotiation } from './negotiation.js'
import { lifeOf, proposalLife, proposalMarks, REFUSAL_KO } from './proposal-life.js'

/** A stored proposal with its parsed spec (no schedule: computing one needs the record). */
export interface ProposalRecord extends Omit<ProposalView, 'schedule' | 'scheduleError'> {
  readonly createdAt: string
}

/**
 * The proposals of a negotiation the scope may see (shared and tabled ones, the own party's
 * drafts; never the other party's drafts), oldest first; `id` narrows to one.
 */
export async function proposalRecords(
  { db, scope, cache }: Reader,
  negotiationId: string,
  id?: string,
): Promise<ProposalRecord[]> {
  let q = db
    .selectFrom('proposals')
    .innerJoin('spec_revisions', 'spec_revisions.revision_id', 'proposals.revision_id')
    .select([
      'proposals.id',
      'proposals.negotiation_id',
      'proposals.title',
      'proposals.title_ko',
      'proposals.owner_party',
      'proposals.visibility',
      'proposals.revision_id',
      'proposals.revises',
      'proposals.tabled_at',
      'proposals.round_id',
      'proposals.etag',
      'proposals.created_at',
      'proposals.created_by',
      'proposals.tabled_by',
      'proposals.actor_party',
      'proposals.reported_json',
      'proposals.received_id',
      'proposals.withdrawn_at',
      'proposals.rejected_at',
      'proposals.rejected_by',
      'proposals.rejection_reason',
      'proposals.rejection_reported_json',
      'spec_revisions.spec_json',
    ])
    .where('proposals.negotiation_id', '=', negotiationId)
    .where(visibleTo(scope, 'proposals'))
  if (id !== undefined) q = q.where('proposals.id', '=', id)
  const [rows, marks] = await Promise.all([
    q.orderBy('proposals.created_at').orderBy('proposals.id').execute(),
    proposalMarks(db, scope, negotiationId),
  ])
  const authorOf = await authorsOf(
    db,
    rows.flatMap((r) => [r.created_by, r.tabled_by, r.rejected_by]),
  )
  const receivedFor = await receivedOf(
    db,
    rows.map((r) => r.received_id),
  )
  return rows.map((r) => {
    const acceptedBy = marks.acceptedBy(r.id)
    const life = lifeOf(r, acceptedBy)
    return {
      id: r.id,
      negotiationId: r.negotiation_id,
      title: rowText(r.title, r.title_ko),
      // whose proposal it is: the other party's when reported or received (the row stays ours)
      ownerParty: r.actor_party ?? r.owner_party,
      visibility: r.visibility,
      revisionId: r.revision_id,
      revises: r.revises,
      revisedBy: marks.revisedBy(r.id),
      state: proposalState(life),
      tabledAt: r.tabled_at,
      withdrawnAt: r.withdrawn_at,
      rejection:
        r.rejected_at === null
          ? null
          : {
              reason: r.rejection_reason ?? '',
              at: r.rejected_at,
              by: authorOf(r.rejected_by),
              reported: reportedView(
                r.rejection_reported_json,
                authorOf(r.rejected_by)?.party ?? '',
                authorOf(r.rejected_by),
              ),
            },
      acceptedBy,
      roundId: r.round_id,
      createdBy: authorOf(r.created_by),
      // the other party tabled it: nobody of ours did (the recorder is in `reported`)
      tabledBy: r.actor_party == null ? authorOf(r.tabled_by) : null,
      etag: r.etag,
      reported: reportedView(r.reported_json, r.owner_party, authorOf(r.created_by)),
      received: receivedFor(r.received_id),
      spec: cache.parse(r.revision_id, r.spec_json),
      createdAt: r.created_at,
    }
  })
}

/** Proposals with their schedules, computed against the asker's record snapshot. */
export function withSchedules(
  records: readonly ProposalRecord[],
  snapshot: RecordSnapshot,
): ProposalView[] {
  const ctx = evaluationContext(snapshot)
  return records.map(({ createdAt: _c, ...p }) => {
    let schedule: Schedule | null = null
    let scheduleError: string | null = null
    try {
      schedule = evaluateSchedule(p.spec, ctx)
    } catch (err) {
      // A stored proposal must stay readable even if its spec cannot be evaluated.
      scheduleError =
        err instanceof EvaluationError ? err.message : 'The schedule could not be computed.'
    }
    return { ...p, schedule, scheduleError }
  })
}

/** The proposals of a visible negotiation with schedules (`snapshot` is read only if there are any). */
export async function listProposals(
  r: Reader,
  negotiationId: string,
  snapshot: () => Promise<RecordSnapshot>,
): Promise<ProposalView[]> {
  await visibleNegotiation(r.db, r.scope, negotiationId)
  const records = await proposalRecords(r, negotiationId)
  return records.length === 0 ? [] : withSchedules(records, await snapshot())
}

export async function getProposal(
  r: Reader,
  negotiationId: string,
  id: string,
  snapshot: () => Promise<RecordSnapshot>,
): Promise<ProposalView> {
  await visibleNegotiation(r.db, r.scope, negotiationId)
  const [record] = await proposalRecords(r, negotiationId, id)
  if (!record) throw notFound()
  const [view] = withSchedules([record], await snapshot())
  if (!view) throw notFound()
  return view
}

/** A proposal row the scope may see, for an action on it; otherwise `not-found`. */
export async function visibleProposal({ db, scope }: Sight, negotiationId: string, id: string) {
  const p = await db
    .selectFrom('proposals')
    .select([
      'id',
      'owner_party',
      'actor_party',
      'visibility',
      'tabled_at',
      'withdrawn_at',
      'rejected_at',
      'revision_id',
      'etag',
    ])
    .where('id', '=', id)
    .where('negotiation_id', '=', negotiationId)
    .where(visibleTo(scope, 'proposals'))
    .executeTakeFirst()
  if (!p) throw notFound()
  return p
}

/**
 * Stores a proposal: the spec becomes a content-addressed revision. A private proposal is a
 * draft; a shared one is tabled at once (and so immutable).
 */
export function createProposal(
  w: Writer,
  negotiationId: string,
  input: ProposalBody,
): Promise<ProposalCreated> {
  const roundId = input.roundId ?? null
  const revises = input.revises ?? null
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    for (const [ref, table] of [
      [roundId, 'negotiation_rounds'],
      [revises, 'proposals'],
    ] as const) {
      if (ref === null) continue
      const hit = await trx
        .selectFrom(table)
        .select('id')
        .where('id', '=', ref)
        .where('negotiation_id', '=', negotiationId)
        .where(visibleTo(w.scope, table))
        .executeTakeFirst()
      if (!hit)
        throw new DomainError(
          'invalid',
          `Unknown ${table === 'proposals' ? 'revises' : 'roundId'}.`,
          {
            ko:
              table === 'proposals'
                ? '수정 대상 제안이 이 협상에 없거나 조회 권한이 없습니다.'
                : '지정한 협상 회차가 이 협상에 없거나 조회 권한이 없습니다.',
          },
        )
    }
    if (revises !== null) {
      const refusal = revisionRefusal(
        await proposalLife({ db: trx, scope: w.scope }, negotiationId, revises),
      )
      if (refusal !== null)
        throw new DomainError('conflict', refusal, {
          ko: '초안이거나 철회·수락된 제안은 수정안의 대상이 될 수 없습니다. 제시된 제안에서 시작하십시오.',
        })
    }
    const rid = await putRevision(trx, input.spec, at)
    const visibility = childVisibility(negotiation.visibility, input.visibility)
    const { id, etag } = await insertProposal(
      trx,
      { negotiationId, owner: party, visibility, at },
      {
        title: input.title,
        revisionId: rid,
        revises,
        roundId,
        tabledAt: input.visibility === 'shared' ? at : null,
        createdBy: w.actor.id,
      },
    )
    audit({
      action: input.visibility === 'shared' ? 'proposal.table' : 'proposal.draft',
      object: `proposal:${id}`,
      visibility,
      payload: { title: input.title, revisionId: rid },
    })
    return { id, revisionId: rid, etag }
  })
}

/** Replaces a private draft's spec/title; needs the current ETag (no lost updates). */
export function updateDraft(
  w: Writer,
  negotiationId: string,
  id: string,
  ifMatch: IfMatch,
  input: ProposalUpdateBody,
): Promise<DraftUpdated> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, at }) => {
    const cur = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
    if (cur.owner_party !== party)
      throw new DomainError('forbidden', 'Only the owning party may edit this proposal.', {
        ko: '제안은 작성한 측만 수정할 수 있습니다.',
      })
    const refusal = editRefusal({
      ownerParty: party,
      visibility: cur.visibility,
      tabledAt: cur.tabled_at,
    })
    if (refusal !== null)
      throw new DomainError('conflict', refusal, { ko: negotiationRefusalKo(refusal) })
    const rid = await putRevision(trx, input.spec, at)
    const etag = await replaceIfMatch(
      trx,
      'proposals',
      w.scope,
      { id, ifMatch, currentETag: cur.etag, what: 'proposal' },
      { title: input.title, revision_id: rid },
    )
    audit({
      action: 'proposal.update',
      object: `proposal:${id}`,
      visibility: cur.visibility,
      payload: { revisionId: rid },
    })
    return { etag, revisionId: rid }
  })
}

/** Tables the own party's draft: it becomes visible to the other delegation and immutable. */
export function tableProposal(w: Writer, negotiationId: string, id: string): Promise<Tabled> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    const p = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
    const refusal = actRefusal(lifeOf(p, []), 'table', party)
    if (refusal !== null) throw new DomainError('conflict', refusal, { ko: REFUSAL_KO.table })
    const visibility = childVisibility(negotiation.visibility, 'shared')
    await trx
      .updateTable('proposals')
      .set({ visibility, tabled_at: at, tabled_by: w.actor.id, etag: randomUUID() })
      .where('id', '=', id)
      .where('tabled_at', 'is', null)
      .execute()
    audit({ action: 'proposal.table', object: `proposal:${id}`, visibility, payload: { id } })
    return { tabledAt: at }
  })
}

/** Accepts a tabled proposal of the other party; both parties' acceptance of one revision concludes. */
export function acceptProposal(w: Writer, negotiationId: string, id: string): Promise<Accepted> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    const p = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
    const { facts } = await factsFor(trx, w.scope, negotiation)
    const refusal =
      acceptRefusal(
        {
          ownerParty: p.owner_party === 'PUBLIC' ? party : p.owner_party,
          visibility: p.visibility,
          tabledAt: p.tabled_at,
        },
        facts,
      ) ??
      actRefusal(
        lifeOf(
          p,
          [...latestAcceptances(facts.acceptances).values()]
            .filter((a) => a.proposalId === id)
            .map((a) => a.party),
        ),
        'accept',
        party,
      )
    if (refusal !== null) throw new DomainError('conflict', refusal, { ko: REFUSAL_KO.accept })
    await insertAcceptance(trx, negotiationId, {
      party,
      proposalId: id,
      revisionId: p.revision_id,
      at,
      createdBy: w.actor.id,
    })
    const accepted = { party, proposalId: id, revisionId: p.revision_id, at }
    const after = negotiationState({ ...facts, acceptances: [...facts.acceptances, accepted] }, at)
    audit({
      action: after.concluded ? 'proposal.accept+conclude' : 'proposal.accept',
      object: `proposal:${id}`,
      visibility: p.visibility,
      payload: { revisionId: p.revision_id },
    })
    return { concluded: after.concluded !== null, revisionId: p.revision_id }
  })
}
