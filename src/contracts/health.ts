import { z } from 'zod'
import { DELEGATIONS } from '../domain/access/permissions.js'

export const healthResponse = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
    /** The delegations with accounts on this instance (SMA_PARTIES). */
    parties: z.array(z.enum(DELEGATIONS)).readonly(),
    /** shared: both delegations (or a training exercise); single: one delegation's own instance. */
    mode: z.enum(['shared', 'single']),
  })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof healthResponse>
