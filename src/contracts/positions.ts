import { z } from 'zod'
import { delegation, list, money, text, versionedFields, wrap } from './common.js'

const estimate = z.strictObject({
  reservationValue: money.nullable(),
  target: money.nullable(),
  notes: text(20000),
})

/** A delegation's own position: always private to its party. Money is integer won as text. */
export const positionBody = z
  .strictObject({
    title: z.string().min(1).max(300),
    reservationValue: money.nullable(),
    target: money.nullable(),
    priorities: z.array(z.string().min(1).max(500)).max(50),
    estimateOfOther: estimate,
    notes: text(20000),
  })
  .meta({ id: 'PositionBody' })
export type PositionInput = z.infer<typeof positionBody>

export const positionView = z
  .object({ ...versionedFields, ownerParty: delegation, ...positionBody.shape })
  .meta({ id: 'Position' })
export type PositionView = z.infer<typeof positionView>
export const positionsResponse = list('positions', positionView, 'PositionList')
export const positionResponse = wrap('position', positionView, 'PositionResponse')
