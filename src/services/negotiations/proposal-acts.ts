import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/errors.js'
import { actRefusal, type ProposalAct } from '../../domain/negotiation/proposal-state.js'
import type { RejectBody, Rejected, Withdrawn } from '../../contracts/proposals.js'
import type { DbOrTrx } from '../../db/database.js'
import type { Writer } from '../context.js'
import { writeInNegotiation } from './negotiation.js'
import { proposalLife, REFUSAL_KO } from './proposal-life.js'
import { visibleProposal } from './proposals.js'

/**
 * The closing acts on a tabled proposal besides acceptance: the owner withdraws it, the other
 * delegation rejects it with a reason. Each names its author (user; for a rejection also the
 * party) and is refused by the one rule of the state machine (`actRefusal`), so the CLI, the
 * server and the web agree on who may do what when.
 */
async function refuseUnless(
  w: Writer,
  trx: DbOrTrx,
  negotiationId: string,
  id: string,
  act: ProposalAct,
  party: 'KR' | 'US',
): Promise<void> {
  const life = await proposalLife({ db: trx, scope: w.scope }, negotiationId, id)
  const refusal = actRefusal(life, act, party)
  if (refusal !== null) throw new DomainError('conflict', refusal, { ko: REFUSAL_KO[act] })
}

/** The owner withdraws its tabled proposal; it stays visible to both, marked withdrawn. */
export function withdrawProposal(w: Writer, negotiationId: string, id: string): Promise<Withdrawn> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, at }) => {
    await refuseUnless(w, trx, negotiationId, id, 'withdraw', party)
    const p = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
    await trx
      .updateTable('proposals')
      .set({ withdrawn_at: at, withdrawn_by: w.actor.id, etag: randomUUID() })
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null)
      .execute()
    audit({
      action: 'proposal.withdraw',
      object: `proposal:${id}`,
      visibility: p.visibility,
      payload: { id },
    })
    return { withdrawnAt: at, state: 'withdrawn' as const }
  })
}

/** The other delegation rejects a tabled proposal, saying why; both see the reason. */
export function rejectProposal(
  w: Writer,
  negotiationId: string,
  id: string,
  input: RejectBody,
): Promise<Rejected> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, at }) => {
    await refuseUnless(w, trx, negotiationId, id, 'reject', party)
    const p = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
    await trx
      .updateTable('proposals')
      .set({
        rejected_at: at,
        rejected_by: w.actor.id,
        rejected_party: party,
        rejection_reason: input.reason,
        etag: randomUUID(),
      })
      .where('id', '=', id)
      .where('rejected_at', 'is', null)
      .execute()
    audit({
      action: 'proposal.reject',
      object: `proposal:${id}`,
      visibility: p.visibility,
      payload: { id, reason: input.reason },
    })
    return { rejectedAt: at, state: 'rejected' as const }
  })
}
