import { sql, type Kysely } from 'kysely'
import { chainOf, entryHashV1, entryHashV2, GENESIS } from '../../domain/audit/chain.js'
import type { Dialect } from '../database.js'

interface OldRow {
  seq: number
  at: string
  actor: string
  party: string
  action: string
  object: string
  visibility: string
  payload_digest: string
  prev_hash: string
  hash: string
}

/**
 * An audit log per scope (issue 14, decision 0010): each entry joins a chain (`shared`, or its
 * party's own) with its own dense number (`chain_seq`) and links; new entries keep the salt of
 * their payload digest. The existing single chain is first verified (a tampered log is refused,
 * not laundered into new hashes), then re-chained deterministically in `seq` order, keeping
 * each entry's old hash as `v1_hash` so a head anchored before this migration still checks.
 * `seq` stays the global insertion order (the primary key), never shown to a reader.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('chain', 'text', (c) => c.notNull().defaultTo('shared'))
    .execute()
  await db.schema
    .alterTable('audit_log')
    .addColumn('chain_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('audit_log').addColumn('salt', 'text').execute()
  await db.schema.alterTable('audit_log').addColumn('v1_hash', 'text').execute()

  const { rows } = await sql<OldRow>`select seq, at, actor, party, action, object, visibility,
    payload_digest, prev_hash, hash from audit_log order by seq`.execute(db)
  let prev = GENESIS
  for (const [i, r] of rows.entries()) {
    const seq = r.seq
    const legacy = { ...r, seq, payloadDigest: r.payload_digest, prevHash: r.prev_hash }
    const fault =
      seq !== i + 1
        ? 'missing or inserted'
        : r.prev_hash !== prev
          ? 'broken link'
          : entryHashV1(legacy) !== r.hash
            ? 'modified'
            : null
    if (fault !== null)
      throw new Error(
        `the audit log is broken at entry ${String(Math.min(seq, i + 1))} (${fault}); it is not re-chained`,
      )
    prev = r.hash
  }

  const heads = new Map<string, { seq: number; hash: string }>()
  for (const r of rows) {
    const chain = chainOf(r.visibility, r.party)
    const head = heads.get(chain) ?? { seq: 0, hash: GENESIS }
    const entry = {
      chain,
      seq: head.seq + 1,
      at: r.at,
      actor: r.actor,
      party: r.party,
      action: r.action,
      object: r.object,
      visibility: r.visibility,
      payloadDigest: r.payload_digest,
      prevHash: head.hash,
    }
    const hash = entryHashV2(entry)
    await sql`update audit_log set chain = ${chain}, chain_seq = ${entry.seq},
      prev_hash = ${entry.prevHash}, hash = ${hash}, v1_hash = ${r.hash}
      where seq = ${r.seq}`.execute(db)
    heads.set(chain, { seq: entry.seq, hash })
  }
  await db.schema
    .createIndex('audit_log_chain_chain_seq_idx')
    .ifNotExists()
    .unique()
    .on('audit_log')
    .columns(['chain', 'chain_seq'])
    .execute()
}
