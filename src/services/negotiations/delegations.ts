import { childVisibility } from '../../domain/access/scope.js'
import { DomainError } from '../../domain/errors.js'
import { assertionRefusal } from '../../domain/negotiation/lifecycle.js'
import type { DelegationBody } from '../../contracts/negotiation-workflow-operations.js'
import type { Created } from '../../contracts/common.js'
import { insertDelegation } from '../../db/repositories/negotiation-rows.js'
import type { Writer } from '../context.js'
import { writeInNegotiation } from './negotiation.js'

/**
 * Records (or replaces) the acting delegation's own composition: chief and members by agency.
 * A delegation states only its own (decision 0008: the same rule as its own acts), so the US
 * cannot name the Korean team. Replacing keeps one row per party, as the page shows it.
 */
export function putDelegation(
  w: Writer,
  negotiationId: string,
  input: DelegationBody,
): Promise<Created> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    const forged = assertionRefusal(party, { kind: 'note', party: input.party })
    if (forged !== null)
      throw new DomainError('forbidden', forged, {
        ko: '대표단은 자기 측 구성만 기록할 수 있습니다.',
      })
    if (input.members.filter((m) => m.role === 'chief').length !== 1)
      throw new DomainError('invalid', 'A delegation has exactly one chief (role "chief").', {
        ko: '대표단에는 수석대표(chief)가 한 명 있어야 합니다.',
        errors: [{ pointer: '/members', detail: 'exactly one chief' }],
      })
    const old = await trx
      .selectFrom('delegations')
      .select('id')
      .where('negotiation_id', '=', negotiationId)
      .where('party', '=', party)
      .execute()
    for (const o of old) {
      await trx.deleteFrom('delegation_members').where('delegation_id', '=', o.id).execute()
      await trx.deleteFrom('delegations').where('id', '=', o.id).execute()
    }
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const agencies = [...new Set(input.members.map((m) => m.agency))]
    await insertDelegation(
      trx,
      { negotiationId, owner: party, visibility, at },
      { party, agencies, sources: input.sources, members: input.members },
    )
    audit({
      action: 'delegation.put',
      object: `negotiation:${negotiationId}`,
      visibility,
      payload: input,
    })
    return { id: `${negotiationId}:${party}` }
  })
}
