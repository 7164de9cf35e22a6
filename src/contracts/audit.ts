import { z } from 'zod'
import { isoDate, ro, text, visibility } from './common.js'

/**
 * The actions the services record (`<object kind>.<verb>`), in the order a reader filters them;
 * the web app names each in Korean and English (`audit.actions.*`, the dot as `_`).
 */
export const AUDIT_ACTIONS = [
  'record.seed',
  'index-value.add',
  'user.create',
  'session.login',
  'session.logout',
  'token.create',
  'token.revoke',
  'negotiation.create',
  'negotiation.brief',
  'round.add',
  'event.opened',
  'event.text-agreed',
  'event.initialled',
  'event.signed',
  'event.domestic-procedure',
  'event.entry-into-force',
  'event.external',
  'event.note',
  'event.confirm',
  'proposal.draft',
  'proposal.update',
  'proposal.table',
  'proposal.accept',
  'proposal.accept+conclude',
  'position.create',
  'position.update',
  'analysis.create',
  'analysis.update',
  'ledger-note.create',
  'ledger-note.update',
] as const

/**
 * Filters and paging of the audit log. `action` is exact, or a prefix when it ends with a dot
 * (`proposal.`); `object` is a prefix (`proposal:` or a whole `proposal:<id>`); `from`/`to` are
 * UTC days, both included; `actor` is an email and matches only the viewer's own party's staff
 * and the system.
 */
export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  chain: z.enum(['shared', 'own']).optional(),
  actor: text(320).min(1).optional(),
  action: text(100).min(1).optional(),
  object: text(200).min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type AuditQuery = z.infer<typeof auditQuery>

export const auditEntry = z
  .object({
    /** `shared`, or `own`: the viewer's party's own chain. */
    chain: z.enum(['shared', 'own']),
    /** The entry's number within its chain (dense from 1). */
    seq: z.int(),
    at: z.string(),
    /** The acting user's email for one's own party and the system; null for another party's staff. */
    actor: z.string().nullable(),
    party: z.string(),
    /** Another party's staff: their role instead of their email. */
    role: z.string().nullable(),
    action: z.string(),
    object: z.string(),
    visibility,
    /** Given only to the acting party's admins, with its salt, so they can check it. */
    payloadDigest: z.string().nullable(),
    /** `payloadDigest` = SHA-256(`audit.payload.v2` ‖ salt ‖ canonical JSON of the payload); '' = unsalted. */
    salt: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
    /** The web app's page of the object (its negotiation, its ledger), when it has one. */
    link: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntry>

export const auditResponse = z
  .object({
    entries: ro(auditEntry),
    /** Entries matching the filters (for paging). */
    total: z.int(),
    /** The length of each chain the viewer sees. */
    chains: ro(z.object({ chain: z.string(), entries: z.int() })),
  })
  .meta({ id: 'AuditLog' })
export type AuditResponse = z.infer<typeof auditResponse>

const chainCheck = z.object({
  chain: z.enum(['shared', 'own']),
  ok: z.boolean(),
  entries: z.int(),
  /** The head hash when sound; the first missing or changed entry and why when not. */
  head: z.string().nullable(),
  seq: z.int().nullable(),
  reason: z.string().nullable(),
})

export const auditVerification = z
  .object({
    ok: z.boolean(),
    checkedAt: z.string(),
    /** The newest signed checkpoint compared against, if the server keeps them. */
    checkpoint: z
      .object({ signedAt: z.string(), fingerprint: z.string(), file: z.string() })
      .nullable(),
    chains: ro(chainCheck),
  })
  .meta({ id: 'AuditVerification' })
export type AuditVerification = z.infer<typeof auditVerification>

/**
 * The payload of a signed audit checkpoint (`kind: audit-checkpoint` in a sma-desk-signed/1
 * document): every chain's length and head, and every entry's hash so a verifier can name the
 * first changed entry of a chain recomputed after the checkpoint.
 */
export const auditCheckpointPayload = z.object({
  chains: z.array(
    z.object({
      chain: z.string().min(1).max(40),
      entries: z.int().min(0),
      head: z.string().regex(/^[0-9a-f]{64}$/),
      hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
    }),
  ),
})
export type AuditCheckpointPayload = z.infer<typeof auditCheckpointPayload>
