import { z } from 'zod'
import { delegation, money, ro, text } from './common.js'

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
  .object({
    id: z.string(),
    negotiationId: z.string(),
    title: z.string(),
    ownerParty: delegation,
    reservationValue: z.string().nullable(),
    target: z.string().nullable(),
    priorities: ro(z.string()),
    estimateOfOther: z.object({
      reservationValue: z.string().nullable(),
      target: z.string().nullable(),
      notes: z.string(),
    }),
    notes: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    etag: z.string(),
  })
  .meta({ id: 'Position' })
export type PositionView = z.infer<typeof positionView>
export const positionsResponse = z
  .object({ positions: ro(positionView) })
  .meta({ id: 'PositionList' })
export const positionResponse = z
  .object({ position: positionView })
  .meta({ id: 'PositionResponse' })
