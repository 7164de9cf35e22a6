import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/errors.js'
import { actRefusal, type ProposalAct } from '../../domain/negotiation/proposal-state.js'
import type { RejectBody, Rejected, Withdrawn } from '../../contracts/proposals.js'
import type { Visibility } from '../../domain/access/scope.js'
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

/**
 * Stores a rejection of a tabled proposal by `party` (the other delegation), refused by the state
 * machine like any act. `reportedJson` is the source when our delegation records the other
 * party's rejection as reported (issue 17); the user is then our recorder.
 */
export async function recordRejection(
  w: Writer,
  trx: DbOrTrx,
  negotiationId: string,
  id: string,
  r: { party: 'KR' | 'US'; at: string; reason: string; reportedJson: string | null },
): Promise<{ visibility: Visibility }> {
  await refuseUnless(w, trx, negotiationId, id, 'reject', r.party)
  const p = await visibleProposal({ db: trx, scope: w.scope }, negotiationId, id)
  await trx
    .updateTable('proposals')
    .set({
      rejected_at: r.at,
      rejected_by: w.actor.id,
      rejected_party: r.party,
      rejection_reason: r.reason,
      rejection_reported_json: r.reportedJson,
      etag: randomUUID(),
    })
    .where('id', '=', id)
    .where('rejected_at', 'is', null)
    .execute()
  return { visibility: p.visibility }
}

/** The other delegation rejects a tabled proposal, saying why; both see the reason. */
export function rejectProposal(
  w: Writer,
  negotiationId: string,
  id: string,
  input: RejectBody,
): Promise<Rejected> {
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, at }) => {
    const { visibility } = await recordRejection(w, trx, negotiationId, id, {
      party,
      at,
      reason: input.reason,
      reportedJson: null,
    })
    audit({
      action: 'proposal.reject',
      object: `proposal:${id}`,
      visibility,
      payload: { id, reason: input.reason },
    })
    return { rejectedAt: at, state: 'rejected' as const }
  })
}
