import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { canonicalJson } from '../domain/audit/canonical-json.js'
import type { AccessScope, Visibility } from '../domain/access/scope.js'
import type { Db, DbOrTrx, Dialect } from '../db/database.js'

/** Who performs a write: a user, or the system (seeding, migrations). */
export interface Actor {
  readonly id: string
  /** For the audit log: the user's email, or `system`. */
  readonly label: string
  readonly party: 'KR' | 'US' | 'PUBLIC' | 'SYSTEM'
}

export const SYSTEM_ACTOR: Actor = { id: 'system', label: 'system', party: 'SYSTEM' }

export interface Store {
  readonly db: Db
  readonly dialect: Dialect
}

export interface AuditNote {
  /** e.g. `position.create`. */
  readonly action: string
  /** e.g. `position:3f…`. */
  readonly object: string
  /** private: only the acting party sees the entry; its payload digest is a salted commitment. */
  readonly visibility: Visibility
  readonly payload: unknown
}

export type Audit = (note: AuditNote) => void

const GENESIS = '0'.repeat(64)
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export interface AuditRow {
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly party: string
  readonly action: string
  readonly object: string
  readonly visibility: Visibility
  readonly payload_digest: string
  readonly prev_hash: string
  readonly hash: string
}

/** `hash = SHA-256("audit.v1" ‖ canonical JSON of the row without its hash)`. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256(
    'audit.v1' +
      canonicalJson({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        party: row.party,
        action: row.action,
        object: row.object,
        visibility: row.visibility,
        payloadDigest: row.payload_digest,
        prevHash: row.prev_hash,
      }),
  )
}

/**
 * The one choke point for writes: runs `fn` in a transaction, lets it record audit notes, and
 * appends them to the hash chain in the same transaction. Appends are serialised (SQLite has a
 * single connection; PostgreSQL takes a transaction-scoped advisory lock), so the chain never
 * forks. A write that records no audit note is a bug and rolls back.
 */
export async function withTransaction<T>(
  by: { readonly store: Store; readonly actor: Actor; readonly now?: () => Date },
  fn: (trx: DbOrTrx, audit: Audit) => Promise<T>,
): Promise<T> {
  const { store, actor, now = () => new Date() } = by
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx)
    const notes: AuditNote[] = []
    const result = await fn(trx, (n) => notes.push(n))
    if (notes.length === 0) throw new Error('withTransaction: a write recorded no audit entry')
    const head = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    let seq = head?.seq ?? 0
    let prev = head?.hash ?? GENESIS
    const at = now().toISOString()
    for (const n of notes) {
      seq += 1
      const body = canonicalJson(n.payload ?? null)
      const digest =
        n.visibility === 'private' ? sha256(randomBytes(16).toString('hex') + body) : sha256(body)
      const row = {
        seq,
        at,
        actor: actor.label,
        party: actor.party,
        action: n.action,
        object: n.object,
        visibility: n.visibility,
        payload_digest: digest,
        prev_hash: prev,
      }
      const hash = entryHash(row)
      await trx
        .insertInto('audit_log')
        .values({ ...row, hash })
        .execute()
      prev = hash
    }
    return result
  })
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false
      readonly entries: number
      readonly seq: number
      readonly reason: 'modified' | 'missing' | 'inserted or reordered' | 'broken link'
    }

/** Re-walks the whole chain and names the first broken entry. */
export async function verifyAuditChain(db: DbOrTrx): Promise<ChainVerdict> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute()
  let prev = GENESIS
  let expectedSeq = 1
  for (const r of rows) {
    const seq = r.seq
    if (seq !== expectedSeq) {
      return {
        ok: false,
        entries: rows.length,
        seq: Math.min(seq, expectedSeq),
        reason: seq > expectedSeq ? 'missing' : 'inserted or reordered',
      }
    }
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, seq, reason: 'broken link' }
    if (entryHash({ ...r, seq }) !== r.hash) {
      return { ok: false, entries: rows.length, seq, reason: 'modified' }
    }
    prev = r.hash
    expectedSeq += 1
  }
  return { ok: true, entries: rows.length, head: prev }
}

/**
 * Audit entries an admin of a party may see: everything public or shared, plus the private
 * entries of the admin's own party (the other party's private activity stays invisible).
 */
export async function listAudit(
  db: DbOrTrx,
  scope: AccessScope,
  opts: { readonly limit: number; readonly before?: number },
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll()
  if (scope.kind === 'public') q = q.where('visibility', '=', 'public')
  else {
    const party = scope.party
    q = q.where((eb) => eb.or([eb('visibility', '!=', 'private'), eb('party', '=', party)]))
  }
  if (opts.before !== undefined) q = q.where('seq', '<', opts.before)
  const rows = await q.orderBy('seq', 'desc').limit(opts.limit).execute()
  return rows
}

/** The hash of the newest audit entry (the head of the chain), or null for an empty log. */
export async function auditHead(db: DbOrTrx): Promise<string | null> {
  const head = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return head?.hash ?? null
}
