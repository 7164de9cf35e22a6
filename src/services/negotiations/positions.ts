import { z } from 'zod'
import type { PositionInput, PositionView } from '../../contracts/positions.js'
import { money } from '../../contracts/common.js'
import type { Reader, Writer } from '../context.js'
import {
  createOwnDocument,
  ownDocument,
  ownDocuments,
  replaceOwnDocument,
} from '../private-documents.js'
import { parseJson, stringList } from './negotiation.js'

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

export async function listPositions(r: Reader, negotiationId: string): Promise<PositionView[]> {
  return (await ownDocuments(r, 'positions', negotiationId)).map((row) =>
    toView(row as PositionRow),
  )
}

export async function getPosition(r: Reader, negotiationId: string, id: string) {
  return toView(await ownDocument(r, 'positions', negotiationId, id))
}

export async function createPosition(
  w: Writer,
  negotiationId: string,
  input: PositionInput,
): Promise<PositionView> {
  const row = await createOwnDocument(w, 'positions', negotiationId, columns(input), {
    kind: 'position',
    payload: input,
  })
  return toView(row)
}

/** Replaces a position if and only if its ETag still matches (one of N concurrent writers wins). */
export async function updatePosition(
  w: Writer,
  negotiationId: string,
  id: string,
  ifMatch: string,
  input: PositionInput,
): Promise<PositionView> {
  const { current, etag, at } = await replaceOwnDocument(
    w,
    'positions',
    negotiationId,
    id,
    ifMatch,
    {
      kind: 'position',
      current: (r) => getPosition(r, negotiationId, id),
      columns: columns(input),
      payload: input,
    },
  )
  return { ...current, ...input, etag, updatedAt: at }
}
