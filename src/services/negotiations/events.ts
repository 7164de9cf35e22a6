import { randomUUID } from 'node:crypto'
import { childVisibility, type AccessScope } from '../../domain/access/scope.js'
import { DomainError } from '../../domain/errors.js'
import { eventRefusal } from '../../domain/negotiation/lifecycle.js'
import type { EventBody, RoundBody } from '../../contracts/negotiations.js'
import { withTransaction, type Actor, type Store } from '../audit.js'
import { delegationOf, factsFor, visibleNegotiation } from './negotiation.js'

/** Rounds are joint meetings: recorded as shared between both delegations (private inside a private negotiation). */
export async function addRound(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: RoundBody,
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
      if (clash) throw new DomainError('conflict', `Round ${input.number} is already recorded.`)
      if (input.to !== null && input.to < input.from) {
        throw new DomainError('invalid', 'The round ends before it starts.', {
          errors: [{ pointer: '/to', detail: 'before from' }],
        })
      }
      const id = randomUUID()
      const visibility = childVisibility(n.visibility, 'shared')
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

/**
 * Records a lifecycle event. Signing, domestic procedures and entry into force are checked
 * against the mutual-consent rules (a party records only its own domestic procedure); only notes
 * and external events may be private.
 */
export async function addEvent(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: EventBody,
  now: () => Date,
): Promise<{ id: string }> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const n = await visibleNegotiation(trx, scope, negotiationId)
      if (input.kind === 'domestic-procedure' && input.party !== party) {
        throw new DomainError('forbidden', 'A party records only its own domestic procedure.')
      }
      if (input.visibility === 'private' && !['note', 'external'].includes(input.kind)) {
        throw new DomainError(
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
      if (refusal !== null) throw new DomainError('conflict', refusal)
      const id = randomUUID()
      const visibility = childVisibility(n.visibility, input.visibility)
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
