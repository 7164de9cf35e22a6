import { childVisibility } from '../../domain/access/scope.js'
import { DomainError } from '../../domain/errors.js'
import { eventRefusal } from '../../domain/negotiation/lifecycle.js'
import type { Created } from '../../contracts/common.js'
import type { EventBody, RoundBody } from '../../contracts/negotiations.js'
import { insertEvent, insertRound } from '../../db/repositories/negotiation-rows.js'
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
    if (clash) throw new DomainError('conflict', `Round ${input.number} is already recorded.`)
    if (input.to !== null && input.to < input.from) {
      throw new DomainError('invalid', 'The round ends before it starts.', {
        errors: [{ pointer: '/to', detail: 'before from' }],
      })
    }
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const id = await insertRound(trx, { negotiationId, owner: party, visibility, at }, input)
    audit({ action: 'round.add', object: `round:${id}`, visibility, payload: input })
    return { id }
  })
}

/**
 * Records a lifecycle event. Signing, domestic procedures and entry into force are checked
 * against the mutual-consent rules (a party records only its own domestic procedure); only notes
 * and external events may be private.
 */
export function addEvent(w: Writer, negotiationId: string, input: EventBody): Promise<Created> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    if (input.kind === 'domestic-procedure' && input.party !== party) {
      throw new DomainError('forbidden', 'A party records only its own domestic procedure.')
    }
    if (input.visibility === 'private' && !['note', 'external'].includes(input.kind)) {
      throw new DomainError('invalid', 'Lifecycle events are shared; only notes may be private.', {
        errors: [{ pointer: '/visibility', detail: 'must be shared for this kind' }],
      })
    }
    const { facts } = await factsFor(trx, w.scope, negotiation)
    const refusal = eventRefusal(facts, { kind: input.kind, date: input.date, party: input.party })
    if (refusal !== null) throw new DomainError('conflict', refusal)
    const visibility = childVisibility(negotiation.visibility, input.visibility)
    const id = await insertEvent(trx, { negotiationId, owner: party, visibility, at }, input)
    audit({ action: `event.${input.kind}`, object: `event:${id}`, visibility, payload: input })
    return { id }
  })
}
