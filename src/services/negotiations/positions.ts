import { z } from 'zod'
import type { PositionInput, PositionView } from '../../contracts/positions.js'
import { money } from '../../contracts/common.js'
import type { Selectable } from 'kysely'
import type { PositionsTable } from '../../db/database.js'
import { privateDocuments, versionOf } from '../private-documents.js'
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

type PositionRow = Selectable<PositionsTable>

const toView = (r: PositionRow): PositionView => ({
  ...versionOf(r),
  title: r.title,
  reservationValue: r.reservation_value,
  target: r.target,
  priorities: parseJson(stringList, r.priorities_json),
  estimateOfOther: parseJson(estimateSchema, r.estimate_of_other_json),
  notes: r.notes,
})

const columns = (input: PositionInput) => ({
  title: input.title,
  reservation_value: input.reservationValue,
  target: input.target,
  priorities_json: JSON.stringify(input.priorities),
  estimate_of_other_json: JSON.stringify(input.estimateOfOther),
  notes: input.notes,
})

const positions = privateDocuments({ table: 'positions', name: 'position', toView, columns })

export const listPositions = positions.list
export const getPosition = positions.get
export const createPosition = positions.create
/** Replaces a position if and only if its ETag still matches (one of N concurrent writers wins). */
export const updatePosition = positions.update
