import { z } from 'zod'
import { ro, visibility } from './common.js'

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().min(1).optional(),
})

export const auditEntry = z
  .object({
    seq: z.int(),
    at: z.string(),
    actor: z.string(),
    party: z.string(),
    action: z.string(),
    object: z.string(),
    visibility,
    payloadDigest: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntry>

export const auditResponse = z
  .object({ entries: ro(auditEntry), head: z.string().nullable() })
  .meta({ id: 'AuditLog' })
export type AuditResponse = z.infer<typeof auditResponse>
