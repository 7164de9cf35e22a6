import { randomBytes } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import {
  chainOf,
  entryHashV1,
  entryHashV2,
  GENESIS,
  payloadDigest,
  verifyChains,
  type ChainAnchor,
  type ChainEntry,
  type ChainFault,
  type ChainResult,
} from '../domain/audit/chain.js'
import type { Visibility } from '../domain/access/scope.js'
import type { AuditLogTable, Db, DbOrTrx, Dialect } from '../db/database.js'

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
  /**
   * private: the entry goes to the acting party's own chain, seen only by that party; otherwise
   * to the shared chain. Every payload digest is a salted commitment (the salt is stored).
   */
  readonly visibility: Visibility
  readonly payload: unknown
}

export type Audit = (note: AuditNote) => void

/** A fresh payload salt: 16 random bytes as 32 hex digits. */
const randomSalt = (): string => randomBytes(16).toString('hex')

export type AuditRow = Selectable<AuditLogTable>

/** A stored row as the pure chain functions see it. */
export function chainEntryOf(r: AuditRow): ChainEntry {
  return {
    chain: r.chain,
    seq: r.chain_seq,
    at: r.at,
    actor: r.actor,
    party: r.party,
    action: r.action,
    object: r.object,
    visibility: r.visibility,
    payloadDigest: r.payload_digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/**
 * The one choke point for writes: runs `fn` in a transaction, lets it record audit notes, and
 * appends each to its chain (src/domain/audit/chain.ts) in the same transaction. Appends are
 * serialised (SQLite has a single connection; PostgreSQL takes a transaction-scoped advisory
 * lock), so no chain forks. A write that records no audit note is a bug and rolls back. `salt`
 * replaces the random payload salt in tests that compare two logs.
 */
export async function withTransaction<T>(
  by: {
    readonly store: Store
    readonly actor: Actor
    readonly now?: () => Date
    readonly salt?: (chain: string, seq: number) => string
  },
  fn: (trx: DbOrTrx, audit: Audit) => Promise<T>,
): Promise<T> {
  const { store, actor, now = () => new Date(), salt = randomSalt } = by
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx)
    const notes: AuditNote[] = []
    const result = await fn(trx, (n) => notes.push(n))
    if (notes.length === 0) throw new Error('withTransaction: a write recorded no audit entry')
    const last = await trx
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    let seq = last?.seq ?? 0
    const heads = new Map<string, { seq: number; hash: string }>()
    const headOf = async (chain: string): Promise<{ seq: number; hash: string }> => {
      const known = heads.get(chain)
      if (known) return known
      const h = await trx
        .selectFrom('audit_log')
        .select(['chain_seq', 'hash'])
        .where('chain', '=', chain)
        .orderBy('chain_seq', 'desc')
        .limit(1)
        .executeTakeFirst()
      return h ? { seq: h.chain_seq, hash: h.hash } : { seq: 0, hash: GENESIS }
    }
    const at = now().toISOString()
    for (const n of notes) {
      seq += 1
      const chain = chainOf(n.visibility, actor.party)
      const head = await headOf(chain)
      const entry = {
        chain,
        seq: head.seq + 1,
        at,
        actor: actor.label,
        party: actor.party,
        action: n.action,
        object: n.object,
        visibility: n.visibility,
        payloadDigest: '',
        prevHash: head.hash,
      }
      const s = salt(chain, entry.seq)
      entry.payloadDigest = payloadDigest(s, n.payload)
      const hash = entryHashV2(entry)
      await trx
        .insertInto('audit_log')
        .values({
          seq,
          at,
          actor: entry.actor,
          party: entry.party,
          action: entry.action,
          object: entry.object,
          visibility: n.visibility,
          payload_digest: entry.payloadDigest,
          prev_hash: entry.prevHash,
          hash,
          chain,
          chain_seq: entry.seq,
          salt: s,
          v1_hash: null,
        })
        .execute()
      heads.set(chain, { seq: entry.seq, hash })
    }
    return result
  })
}

/** Every chain's entries, each sorted by its number (for verification and checkpoints). */
export async function readChains(db: DbOrTrx): Promise<Map<string, ChainEntry[]>> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('chain')
    .orderBy('chain_seq')
    .orderBy('seq')
    .execute()
  const byChain = new Map<string, ChainEntry[]>()
  for (const r of rows) {
    const list = byChain.get(r.chain) ?? []
    list.push(chainEntryOf(r))
    byChain.set(r.chain, list)
  }
  return byChain
}

export type ChainVerdict =
  | {
      readonly ok: true
      /** Entries in all chains together. */
      readonly entries: number
      readonly chains: readonly ChainResult[]
      /** The chain of before migration 0008, re-walked by its old hashes. */
      readonly legacy: ChainResult
    }
  | {
      readonly ok: false
      readonly entries: number
      readonly chains: readonly ChainResult[]
      readonly legacy: ChainResult
      /** The first broken chain, its first missing or changed entry and why. */
      readonly chain: string
      readonly seq: number
      readonly reason: ChainFault
    }

/**
 * Re-walks every chain (and, given a signed checkpoint's anchors, compares each with what was
 * anchored) and names the first broken chain and entry. `sma audit verify` and the API's
 * verification call this one function.
 */
export async function verifyAuditChain(
  db: DbOrTrx,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainVerdict> {
  const chains = verifyChains(await readChains(db), anchors)
  const legacy = await verifyLegacy(db)
  const entries = chains.reduce((n, c) => n + c.entries, 0)
  const bad = [...chains, legacy].find((c): c is Extract<ChainResult, { ok: false }> => !c.ok)
  if (bad === undefined) return { ok: true, entries, chains, legacy }
  return { ok: false, entries, chains, legacy, chain: bad.chain, seq: bad.seq, reason: bad.reason }
}

/** The entries written before migration 0008, checked by their kept v1 hashes. */
async function verifyLegacy(db: DbOrTrx): Promise<ChainResult> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('v1_hash', 'is not', null)
    .orderBy('seq')
    .execute()
  const chain = 'v1'
  let prev = GENESIS
  for (const [i, r] of rows.entries()) {
    const fail = (reason: ChainFault): ChainResult => ({
      chain,
      ok: false,
      entries: rows.length,
      seq: i + 1,
      reason,
    })
    if (r.seq !== i + 1) return fail(r.seq > i + 1 ? 'missing' : 'inserted or reordered')
    const legacy = { ...r, payloadDigest: r.payload_digest, prevHash: prev }
    if (entryHashV1(legacy) !== r.v1_hash) return fail('modified')
    prev = r.v1_hash
  }
  return { chain, ok: true, entries: rows.length, head: prev }
}
