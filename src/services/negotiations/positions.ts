import { z } from 'zod'
import type { AccessScope } from '../../domain/access/scope.js'
import type { PositionInput, PositionView } from '../../contracts/positions.js'
import { money } from '../../contracts/common.js'
import type { DbOrTrx } from '../../db/database.js'
import { withTransaction, type Actor, type Store } from '../audit.js'
import { newVersion, ownDocument, ownDocuments, replaceIfMatch } from '../private-documents.js'
import { delegationOf, parseJson, stringList, visibleNegotiation } from './negotiation.js'

/**
 * A delegation's positions in a negotiation: reservation value, target, priorities and its
 * estimate of the other side. Always private to the author's party (the filter is ownership,
 * there is no visibility column); versioned by ETag.
 */
const estimateSchema = z.object({
  reservationValue: money.nullable(),
  target: money.nullable(),
  notes: z.string(),
})

interface PositionRow {
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

const toView = (r: PositionRow): PositionView => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  ownerParty: r.owner_party,
  title: r.title,
  reservationValue: r.reservation_value,
  target: r.target,
  priorities: parseJson(stringList, r.priorities_json),
  estimateOfOther: parseJson(estimateSchema, r.estimate_of_other_json),
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  etag: r.etag,
})

const columns = (input: PositionInput) => ({
  title: input.title,
  reservation_value: input.reservationValue,
  target: input.target,
  priorities_json: JSON.stringify(input.priorities),
  estimate_of_other_json: JSON.stringify(input.estimateOfOther),
  notes: input.notes,
})

export async function listPositions(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
): Promise<PositionView[]> {
  await visibleNegotiation(db, scope, negotiationId)
  const rows = await ownDocuments(db, 'positions', scope, negotiationId)
  return rows.map((r) => toView(r as PositionRow))
}

export async function getPosition(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
  id: string,
): Promise<PositionView> {
  await visibleNegotiation(db, scope, negotiationId)
  return toView(await ownDocument(db, 'positions', scope, negotiationId, id))
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
      const row: PositionRow = {
        ...newVersion(now().toISOString()),
        negotiation_id: negotiationId,
        owner_party: party,
        ...columns(input),
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
      return toView(row)
    },
    now,
  )
}

/** Replaces a position if and only if its ETag still matches (one of N concurrent writers wins). */
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
      const at = now().toISOString()
      const etag = await replaceIfMatch(
        trx,
        'positions',
        scope,
        { id, ifMatch, currentETag: cur.etag, what: 'position' },
        { ...columns(input), updated_at: at },
      )
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
