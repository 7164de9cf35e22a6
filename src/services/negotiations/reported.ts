import type { Delegation } from '../../domain/access/permissions.js'
import { childVisibility } from '../../domain/access/scope.js'
import { DomainError, notFound } from '../../domain/errors.js'
import {
  acceptRefusal,
  eventRefusal,
  isMutual,
  reportRefusal,
} from '../../domain/negotiation/lifecycle.js'
import { negotiationRefusalKo } from '../../domain/negotiation/refusal-ko.js'
import type {
  ReportedCreated,
  ReportedEventBody,
  ReportedProposalBody,
  ReportedReplyBody,
  ReportedRoundBody,
  ReportedSource,
} from '../../contracts/exchange.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import {
  insertAcceptance,
  insertConfirmation,
  insertEvent,
  insertProposal,
  insertRound,
} from '../../db/repositories/negotiation-rows.js'
import type { Writer } from '../context.js'
import { recordRejection } from './proposal-acts.js'
import { proposalLife, REFUSAL_KO } from './proposal-life.js'
import { actRefusal } from '../../domain/negotiation/proposal-state.js'
import { putRevision } from '../record/agreements.js'
import { factsFor, writeInNegotiation, type NegotiationWrite } from './negotiation.js'

/**
 * Acts of the other party recorded as reported by us (issue 17): in a delegation's own
 * instance, where the other party has no accounts, our negotiators record what it tabled,
 * replied, accepted or signed. The rows belong to our delegation (the isolation filter is
 * unchanged), name the other party as the actor and our user as the recorder, and keep the
 * source. In a shared instance every one of these is refused (403): the other party asserts its
 * own acts there.
 */

/** The refusal of `reportRefusal` as a 403 with its Korean wording. */
export function refuseUnlessReportable(
  acting: Delegation,
  actor: Delegation,
  parties: readonly Delegation[],
): void {
  const refusal = reportRefusal(acting, actor, parties)
  if (refusal === null) return
  throw new DomainError('forbidden', refusal, {
    ko:
      actor === acting
        ? '우리 측 행위는 직접 기록합니다. 우리 측 기록(상대측 행위)은 상대측 행위에만 씁니다.'
        : `이 인스턴스에는 ${actor} 측 계정이 있어 ${actor} 측이 자기 행위를 직접 기록합니다. 우리 측 기록(상대측 행위)은 상대측 계정이 없는 인스턴스에서만 가능합니다.`,
  })
}

/** A write of the other party's act: the instance rule first (before any lookup), then the write. */
function reportIn<T>(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  actor: Delegation | null,
  fn: (n: NegotiationWrite) => Promise<T>,
): Promise<T> {
  return writeInNegotiation(w, negotiationId, (n) => {
    refuseUnlessReportable(n.party, actor ?? otherThan(n.party), parties)
    return fn(n)
  })
}

const otherThan = (p: Delegation): Delegation => (p === 'KR' ? 'US' : 'KR')
/** A day as the date-time the lifecycle compares (one format per negotiation). */
const dayStart = (date: string): string => `${date}T00:00:00.000Z`
const sourceJson = (s: ReportedSource): string =>
  JSON.stringify({ kind: s.kind, ref: s.ref, date: s.date })

/** Records a proposal the other delegation tabled: tabled at once, in its name, immutable. */
export function reportProposal(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  input: ReportedProposalBody,
): Promise<ReportedCreated> {
  return reportIn(w, parties, negotiationId, input.party, async (n) => {
    const { trx, audit, party, negotiation, at } = n
    for (const [ref, table] of [
      [input.roundId ?? null, 'negotiation_rounds'],
      [input.revises ?? null, 'proposals'],
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
    const rid = await putRevision(trx, input.spec, at)
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const { id } = await insertProposal(
      trx,
      { negotiationId, owner: party, visibility, at },
      {
        title: input.title,
        revisionId: rid,
        revises: input.revises ?? null,
        roundId: input.roundId ?? null,
        tabledAt: dayStart(input.tabledOn ?? input.source.date),
        createdBy: w.actor.id,
        actorParty: input.party,
      },
      { reportedJson: sourceJson(input.source) },
    )
    audit({
      action: 'proposal.report',
      object: `proposal:${id}`,
      visibility,
      payload: { party: input.party, title: input.title, revisionId: rid, source: input.source },
    })
    return { id, reported: true as const }
  })
}

/**
 * Records the other delegation's reply to a tabled proposal of ours: an acceptance (which counts
 * toward mutual consent like an asserted one) or a rejection with the reason it gave.
 */
export function reportReply(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  proposalId: string,
  input: ReportedReplyBody,
): Promise<ReportedCreated> {
  return reportIn(w, parties, negotiationId, input.party, async (n) => {
    const { trx, audit, negotiation, at } = n
    const p = await trx
      .selectFrom('proposals')
      .select(['id', 'owner_party', 'actor_party', 'visibility', 'tabled_at', 'revision_id'])
      .where('id', '=', proposalId)
      .where('negotiation_id', '=', negotiationId)
      .where(visibleTo(w.scope, 'proposals'))
      .executeTakeFirst()
    if (!p) throw notFound()
    const proposer = p.actor_party ?? p.owner_party
    if (proposer === input.party)
      throw new DomainError('conflict', `a delegation replies to the other party's proposals`, {
        ko: '상대측 제안에 대해서만 회신을 기록할 수 있습니다.',
      })
    const on = dayStart(input.on ?? input.source.date)
    if (input.reply === 'reject') {
      if (input.reason === undefined)
        throw new DomainError('invalid', 'A rejection needs the reason the other party gave.', {
          errors: [{ pointer: '/reason', detail: 'required for a rejection' }],
          ko: '거부 사유를 입력하십시오.',
        })
      return rejectAsReported(
        n,
        w,
        { id: p.id, negotiationId },
        { ...input, reason: input.reason },
        on,
      )
    }
    const { facts } = await factsFor(trx, w.scope, negotiation)
    const refusal = acceptRefusal(
      { ownerParty: proposer === 'PUBLIC' ? input.party : proposer, ...p, tabledAt: p.tabled_at },
      facts,
    )
    const stateRefusal = actRefusal(
      await proposalLife({ db: trx, scope: w.scope }, negotiationId, proposalId),
      'accept',
      input.party,
    )
    if (refusal !== null || stateRefusal !== null)
      throw new DomainError('conflict', refusal ?? stateRefusal ?? '', { ko: REFUSAL_KO.accept })
    const id = await insertAcceptance(
      trx,
      negotiationId,
      { party: input.party, proposalId, revisionId: p.revision_id, at: on, createdBy: w.actor.id },
      { reportedJson: sourceJson(input.source) },
    )
    audit({
      action: 'proposal.accept.report',
      object: `proposal:${proposalId}`,
      visibility: p.visibility,
      payload: { party: input.party, revisionId: p.revision_id, source: input.source, at },
    })
    return { id, reported: true as const }
  })
}

/** The other party's rejection of our tabled proposal, with its reason, as reported by us. */
async function rejectAsReported(
  { trx, audit }: NegotiationWrite,
  w: Writer,
  p: { id: string; negotiationId: string },
  input: ReportedReplyBody & { reason: string },
  on: string,
): Promise<ReportedCreated> {
  const { visibility } = await recordRejection(w, trx, p.negotiationId, p.id, {
    party: input.party,
    at: on,
    reason: input.reason,
    reportedJson: sourceJson(input.source),
  })
  audit({
    action: 'proposal.reject.report',
    object: `proposal:${p.id}`,
    visibility,
    payload: { party: input.party, reason: input.reason, source: input.source },
  })
  return { id: p.id, reported: true as const }
}

/**
 * Records a lifecycle act of the other delegation. A one-party act names it as the party; a
 * mutual act (party null) is recorded with our confirmation and the other's as reported, so it
 * counts at once. The mutual-consent rules apply as to an asserted act.
 */
export function reportEvent(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  input: ReportedEventBody,
): Promise<ReportedCreated> {
  return reportIn(w, parties, negotiationId, input.party, async (n) => {
    const { trx, audit, party, negotiation, at } = n
    const mutual = isMutual(input.kind)
    if (mutual !== (input.party === null)) {
      const en = mutual
        ? `${input.kind} is an act of both delegations: send party null`
        : `${input.kind} is one party's act: name the other party`
      throw new DomainError('invalid', en, {
        ko: negotiationRefusalKo(en),
        errors: [{ pointer: '/party', detail: mutual ? 'must be null' : 'required' }],
      })
    }
    const { facts } = await factsFor(trx, w.scope, negotiation)
    const refusal = eventRefusal(facts, { kind: input.kind, date: input.date, party: input.party })
    if (refusal !== null)
      throw new DomainError('conflict', refusal, { ko: negotiationRefusalKo(refusal) })
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const reportedJson = sourceJson(input.source)
    const p = { negotiationId, owner: party, visibility, at, by: w.actor.id }
    const id = await insertEvent(
      trx,
      p,
      { ...input, confirmedAt: at },
      { reportedJson: mutual ? null : reportedJson },
    )
    if (mutual) {
      await insertConfirmation(trx, { eventId: id, party, by: w.actor.id, at })
      await insertConfirmation(trx, {
        eventId: id,
        party: otherThan(party),
        by: w.actor.id,
        at,
        reportedJson,
      })
    }
    audit({
      action: `event.${input.kind}.report`,
      object: `event:${id}`,
      visibility,
      payload: input,
    })
    return { id, reported: true as const }
  })
}

/** Records a round from the other delegation's account of it (its minutes, a press release). */
export function reportRound(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  input: ReportedRoundBody,
): Promise<ReportedCreated> {
  return reportIn(w, parties, negotiationId, input.party, async (n) => {
    const { trx, audit, party, negotiation, at } = n
    const clash = await trx
      .selectFrom('negotiation_rounds')
      .select('id')
      .where('negotiation_id', '=', negotiationId)
      .where('number', '=', input.number)
      .executeTakeFirst()
    if (clash)
      throw new DomainError('conflict', `Round ${input.number} is already recorded.`, {
        ko: `제${input.number}차 협상 회의는 이미 기록되어 있습니다.`,
      })
    if (input.to !== null && input.to < input.from)
      throw new DomainError('invalid', 'The round ends before it starts.', {
        ko: '협상 회의의 종료일이 시작일보다 앞설 수 없습니다.',
        errors: [{ pointer: '/to', detail: 'before from' }],
      })
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const p = { negotiationId, owner: party, visibility, at, by: w.actor.id }
    const id = await insertRound(trx, p, input, { reportedJson: sourceJson(input.source) })
    audit({ action: 'round.report', object: `round:${id}`, visibility, payload: input })
    return { id, reported: true as const }
  })
}
