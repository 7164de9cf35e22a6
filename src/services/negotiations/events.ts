import { childVisibility } from '../../domain/access/scope.js'
import { DomainError, notFound } from '../../domain/errors.js'
import {
  assertionRefusal,
  confirmationRefusal,
  eventRefusal,
  isMutual,
  type EventKind,
} from '../../domain/negotiation/lifecycle.js'
import { EVENT_KIND_KO, negotiationRefusalKo } from '../../domain/negotiation/refusal-ko.js'
import { withParticle } from '../../domain/text/korean-particles.js'
import type { Created } from '../../contracts/common.js'
import type { EventBody, EventConfirmed, RoundBody } from '../../contracts/negotiations.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import {
  insertConfirmation,
  insertEvent,
  insertRound,
} from '../../db/repositories/negotiation-rows.js'
import type { Writer } from '../context.js'
import { factsFor, writeInNegotiation } from './negotiation.js'

/** Rounds are joint meetings: shared between both delegations (private in a private negotiation). */
export function addRound(w: Writer, negotiationId: string, input: RoundBody): Promise<Created> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
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
    if (input.to !== null && input.to < input.from) {
      throw new DomainError('invalid', 'The round ends before it starts.', {
        ko: '협상 회의의 종료일이 시작일보다 앞설 수 없습니다.',
        errors: [{ pointer: '/to', detail: 'before from' }],
      })
    }
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const p = { negotiationId, owner: party, visibility, at, by: w.actor.id }
    const id = await insertRound(trx, p, input)
    audit({ action: 'round.add', object: `round:${id}`, visibility, payload: input })
    return { id }
  })
}

/**
 * Records a lifecycle event in the acting delegation's name. A delegation asserts only its own
 * acts (403 otherwise); a mutual act (text agreed, initialled, signed) is recorded with the
 * recording delegation's confirmation and counts once the other confirms it; signing and later
 * steps are checked against the mutual-consent rules; only notes and external events may be
 * private.
 */
export function addEvent(w: Writer, negotiationId: string, input: EventBody): Promise<Created> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    const forged = assertionRefusal(party, input)
    if (forged !== null)
      throw new DomainError('forbidden', forged, { ko: negotiationRefusalKo(forged) })
    if (input.visibility === 'private' && !['note', 'external'].includes(input.kind)) {
      throw new DomainError('invalid', 'Lifecycle events are shared; only notes may be private.', {
        ko: '협상 진행 사건은 양측에 공유됩니다. 비공개로 기록할 수 있는 것은 메모와 협상 외부 사건뿐입니다.',
        errors: [{ pointer: '/visibility', detail: 'must be shared for this kind' }],
      })
    }
    const mutual = isMutual(input.kind)
    if (mutual && negotiation.visibility === 'private') {
      throw new DomainError(
        'conflict',
        `${input.kind} needs both delegations' confirmation; this negotiation is private to yours`,
        {
          ko: `${withParticle(EVENT_KIND_KO[input.kind], '은')} 양측 대표단의 확인이 필요하나, 이 협상은 우리 측 비공개 협상이므로 기록할 수 없습니다.`,
        },
      )
    }
    const { facts } = await factsFor(trx, w.scope, negotiation)
    const refusal = eventRefusal(facts, { kind: input.kind, date: input.date, party: input.party })
    if (refusal !== null)
      throw new DomainError('conflict', refusal, { ko: negotiationRefusalKo(refusal) })
    const visibility = childVisibility(negotiation.visibility, input.visibility)
    const p = { negotiationId, owner: party, visibility, at, by: w.actor.id }
    const id = await insertEvent(trx, p, { ...input, confirmedAt: mutual ? null : at })
    if (mutual) await insertConfirmation(trx, { eventId: id, party, by: w.actor.id, at })
    audit({ action: `event.${input.kind}`, object: `event:${id}`, visibility, payload: input })
    return { id }
  })
}

/**
 * The other delegation confirms a mutual act: from now on it counts (and the lifecycle moves).
 * The confirming delegation must not be the one that recorded it; a second confirmation, or
 * one of a one-party event, is a conflict.
 */
export function confirmEvent(
  w: Writer,
  negotiationId: string,
  eventId: string,
): Promise<EventConfirmed> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, at }) => {
    const ev = await trx
      .selectFrom('negotiation_events')
      .select(['id', 'kind', 'visibility', 'confirmed_at'])
      .where('id', '=', eventId)
      .where('negotiation_id', '=', negotiationId)
      .where(visibleTo(w.scope, 'negotiation_events'))
      .executeTakeFirst()
    if (!ev) throw notFound()
    const confirmedBy = await trx
      .selectFrom('event_confirmations')
      .select('party')
      .where('event_id', '=', eventId)
      .execute()
    const refusal = confirmationRefusal(
      { kind: ev.kind as EventKind, confirmedBy: confirmedBy.map((c) => c.party) },
      party,
    )
    if (refusal !== null)
      throw new DomainError('conflict', refusal, { ko: negotiationRefusalKo(refusal) })
    await insertConfirmation(trx, { eventId, party, by: w.actor.id, at })
    await trx
      .updateTable('negotiation_events')
      .set({ confirmed_at: at })
      .where('id', '=', eventId)
      .where('confirmed_at', 'is', null)
      .execute()
    audit({
      action: 'event.confirm',
      object: `event:${eventId}`,
      visibility: ev.visibility,
      payload: { kind: ev.kind },
    })
    return { id: eventId, confirmedAt: at }
  })
}
