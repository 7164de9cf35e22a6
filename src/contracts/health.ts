import { z } from 'zod'

export const healthResponse = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof healthResponse>
