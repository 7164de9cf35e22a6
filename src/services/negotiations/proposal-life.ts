import type { Delegation, Party } from '../../domain/access/permissions.js'
import type { AccessScope } from '../../domain/access/scope.js'
import { notFound } from '../../domain/errors.js'
import { latestAcceptances } from '../../domain/negotiation/lifecycle.js'
import type { ProposalAct, ProposalLife } from '../../domain/negotiation/proposal-state.js'
import type { DbOrTrx } from '../../db/database.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import type { Sight } from '../context.js'

/**
 * What the proposal state machine (src/domain/negotiation/proposal-state.ts) reads of stored
 * proposals: their dated acts and the acceptances that name them. Every read goes through the
 * asker's scope, so a marker never comes from a row the asker may not see (a private draft that
 * revises a tabled text does not mark it as revised for anyone).
 */

/** The Korean text of a refused act (the English one names the precise rule). */
export const REFUSAL_KO: Readonly<Record<ProposalAct, string>> = {
  table: '소유 측의 초안만 제시할 수 있으며, 이미 제시된 제안은 다시 제시할 수 없습니다.',
  withdraw: '제시된 상태의 자기 측 제안만 철회할 수 있습니다.',
  reject: '상대 측이 제시한 제안만, 제시된 상태에서 거부할 수 있습니다.',
  accept: '제시된 제안만 수락할 수 있으며, 철회·거부된 제안이나 타결 후에는 수락할 수 없습니다.',
}

/** The state-machine facts of a stored row, given which delegations' latest acceptance names it. */
export function lifeOf(
  row: {
    readonly owner_party: Party
    /** The other party, for a proposal reported or received from it (issue 17). */
    readonly actor_party?: Delegation | null | undefined
    readonly tabled_at: string | null
    readonly withdrawn_at: string | null
    readonly rejected_at: string | null
  },
  acceptedBy: readonly Delegation[],
): ProposalLife {
  // a reported or received proposal is the other party's, though our delegation keeps the row
  const owner = row.actor_party ?? row.owner_party
  return {
    ownerParty: owner,
    tabledAt: row.tabled_at,
    withdrawnAt: row.withdrawn_at,
    rejectedAt: row.rejected_at,
    acceptedByOther:
      owner === 'PUBLIC' ? acceptedBy.length > 0 : acceptedBy.some((p) => p !== owner),
  }
}

/** Per proposal of a negotiation: who accepted it last, and which non-draft proposals revise it. */
export async function proposalMarks(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
): Promise<{
  acceptedBy: (id: string) => Delegation[]
  revisedBy: (id: string) => string[]
}> {
  const [acc, revisions] = await Promise.all([
    db
      .selectFrom('acceptances')
      .innerJoin('proposals', 'proposals.id', 'acceptances.proposal_id')
      .select([
        'acceptances.party',
        'acceptances.proposal_id',
        'acceptances.revision_id',
        'acceptances.at',
      ])
      .where('acceptances.negotiation_id', '=', negotiationId)
      .where(visibleTo(scope, 'proposals'))
      .orderBy('acceptances.seq')
      .execute(),
    db
      .selectFrom('proposals')
      .select(['id', 'revises'])
      .where('negotiation_id', '=', negotiationId)
      .where('revises', 'is not', null)
      .where('tabled_at', 'is not', null)
      .where(visibleTo(scope, 'proposals'))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ])
  const latest = latestAcceptances(
    acc.map((a) => ({
      party: a.party,
      proposalId: a.proposal_id,
      revisionId: a.revision_id,
      at: a.at,
    })),
  )
  return {
    acceptedBy: (id) => [...latest.values()].filter((a) => a.proposalId === id).map((a) => a.party),
    revisedBy: (id) => revisions.filter((r) => r.revises === id).map((r) => r.id),
  }
}

/** The state-machine facts of one proposal the scope may see; otherwise `not-found`. */
export async function proposalLife(
  { db, scope }: Sight,
  negotiationId: string,
  id: string,
): Promise<ProposalLife> {
  const row = await db
    .selectFrom('proposals')
    .select(['owner_party', 'actor_party', 'tabled_at', 'withdrawn_at', 'rejected_at'])
    .where('id', '=', id)
    .where('negotiation_id', '=', negotiationId)
    .where(visibleTo(scope, 'proposals'))
    .executeTakeFirst()
  if (!row) throw notFound()
  const marks = await proposalMarks(db, scope, negotiationId)
  return lifeOf(row, marks.acceptedBy(id))
}
