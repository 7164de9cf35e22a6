import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, sql, type Kysely, type Migration } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { entryHashV1, entryHashV2, GENESIS } from '../domain/audit/chain.js'
import { testDialects } from '../db/test-harness.js'
import { migrateToLatest } from '../db/migrate.js'
import { migrations } from '../db/migrations/index.js'
import type { DbOrTrx } from '../db/database.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { run } from '../cli/main.js'
import { chainEntryOf, verifyAuditChain, withTransaction, type Actor } from './audit.js'
import { createCheckpoint, openCheckpoint } from './audit-checkpoint.js'
import { generateInstanceKeyPem, instanceKeyFromPem } from './signing/instance-key.js'

const KR: Actor = { id: 'u1', label: 'kr@test', party: 'KR' }
const US: Actor = { id: 'u2', label: 'us@test', party: 'US' }
const NOW = new Date('2026-12-03T00:00:00Z')
const KEY_PEM = generateInstanceKeyPem()
const KEY = instanceKeyFromPem(KEY_PEM)
const TRUSTED = new Set([KEY.fingerprint])
const PRIVATE = 150
const SHARED = 30

class Rollback extends Error {}

async function write(h: DatabaseHandle, actor: Actor, i: number, visibility: 'private' | 'shared') {
  await withTransaction({ store: h, actor, now: () => NOW }, (_trx, audit) => {
    audit({ action: 'test.write', object: `thing:${String(i)}`, visibility, payload: { i } })
    return Promise.resolve()
  })
}

/** Kinds of tampering a database administrator could do, each on one chain from entry k. */
const tamper = {
  /** Deletes the last `n` entries. */
  truncate: async (db: DbOrTrx, chain: string, n: number) => {
    const len = await chainLength(db, chain)
    await db
      .deleteFrom('audit_log')
      .where('chain', '=', chain)
      .where('chain_seq', '>', len - n)
      .execute()
  },
  /** Deletes entry k and leaves the rest alone. */
  delete: async (db: DbOrTrx, chain: string, k: number) => {
    await db.deleteFrom('audit_log').where('chain', '=', chain).where('chain_seq', '=', k).execute()
  },
  /** Inserts a forged entry after k, linked to k and hashed by the app's own function. */
  insert: async (db: DbOrTrx, chain: string, k: number) => {
    await renumber(db, chain, k, 1)
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', chain)
      .where('chain_seq', '=', k)
      .executeTakeFirstOrThrow()
    const last = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirstOrThrow()
    const forged = { ...chainEntryOf(row), seq: k + 1, action: 'forged', prevHash: row.hash }
    await db
      .insertInto('audit_log')
      .values({
        ...row,
        seq: last.m + 1,
        chain_seq: k + 1,
        action: 'forged',
        prev_hash: row.hash,
        hash: entryHashV2(forged),
      })
      .execute()
  },
  /** Changes entry k and recomputes every later link and hash with the app's hash function. */
  recompute: async (db: DbOrTrx, chain: string, k: number) => {
    await db
      .updateTable('audit_log')
      .set({ action: 'rewritten' })
      .where('chain', '=', chain)
      .where('chain_seq', '=', k)
      .execute()
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', chain)
      .orderBy('chain_seq')
      .execute()
    let prev = GENESIS
    for (const r of rows) {
      if (r.chain_seq >= k) {
        const hash = entryHashV2({ ...chainEntryOf(r), prevHash: prev })
        await db
          .updateTable('audit_log')
          .set({ prev_hash: prev, hash })
          .where('seq', '=', r.seq)
          .execute()
        prev = hash
      } else prev = r.hash
    }
  },
}

async function chainLength(db: DbOrTrx, chain: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('chain_seq').as('m'))
    .where('chain', '=', chain)
    .executeTakeFirstOrThrow()
  return r.m
}

async function renumber(db: DbOrTrx, chain: string, after: number, by: number): Promise<void> {
  const later = (q: DbOrTrx) => q.updateTable('audit_log').where('chain', '=', chain)
  await later(db)
    .set({ chain_seq: sql`chain_seq + 100000` })
    .where('chain_seq', '>', after)
    .execute()
  await later(db)
    .set({ chain_seq: sql`chain_seq - ${100000 - by}` })
    .where('chain_seq', '>', 100000)
    .execute()
}

/** Each tampering, the chain it hits, and the first missing or changed entry it must be named by. */
const CASES = [
  {
    name: 'truncation of the last entry',
    chain: 'KR',
    run: (db: DbOrTrx) => tamper.truncate(db, 'KR', 1),
    seq: PRIVATE,
  },
  {
    name: 'truncation of the last 100',
    chain: 'KR',
    run: (db: DbOrTrx) => tamper.truncate(db, 'KR', 100),
    seq: PRIVATE - 99,
  },
  {
    name: 'deletion',
    chain: 'shared',
    run: (db: DbOrTrx) => tamper.delete(db, 'shared', 12),
    seq: 12,
  },
  { name: 'insertion', chain: 'KR', run: (db: DbOrTrx) => tamper.insert(db, 'KR', 40), seq: 41 },
  {
    name: 'recomputation',
    chain: 'shared',
    run: (db: DbOrTrx) => tamper.recompute(db, 'shared', 7),
    seq: 7,
  },
] as const

describe.each(testDialects())('audit chains on $name', (dialect) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await dialect.open()
    // Concurrent audited writes of both parties must fork no chain.
    await Promise.all([
      ...Array.from({ length: PRIVATE }, (_, i) => write(h, KR, i, 'private')),
      ...Array.from({ length: SHARED }, (_, i) => write(h, i % 2 ? KR : US, i, 'shared')),
      ...Array.from({ length: 5 }, (_, i) => write(h, US, i, 'private')),
    ])
  })
  afterAll(async () => {
    await h.close()
  })

  it('keeps one dense chain per scope, no forks, all verifiable', async () => {
    const v = await verifyAuditChain(h.db)
    expect(v).toMatchObject({ ok: true, entries: PRIVATE + SHARED + 5 })
    expect(v.chains.map((c) => [c.chain, c.entries])).toEqual([
      ['KR', PRIVATE],
      ['US', 5],
      ['shared', SHARED],
    ])
    for (const chain of ['KR', 'US', 'shared']) {
      const rows = await h.db
        .selectFrom('audit_log')
        .select(['prev_hash', 'salt'])
        .where('chain', '=', chain)
        .execute()
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length)
      // every payload digest has its salt stored (finding 2: never a salt that is thrown away)
      for (const r of rows) expect(r.salt).toMatch(/^[0-9a-f]{32}$/)
    }
  })

  it('rolls back a write that records no audit entry', async () => {
    await expect(
      withTransaction({ store: h, actor: KR }, () => Promise.resolve(1)),
    ).rejects.toThrow(/no audit entry/)
  })

  it.each(CASES)('detects $name against a signed checkpoint, naming chain and entry', async (c) => {
    const cp = openCheckpoint(JSON.stringify(await createCheckpoint(h.db, KEY, NOW)), TRUSTED)
    try {
      await h.db.transaction().execute(async (trx) => {
        await c.run(trx)
        const v = await verifyAuditChain(trx, cp.anchors)
        expect(v).toMatchObject({ ok: false, chain: c.chain, seq: c.seq })
        throw new Rollback()
      })
    } catch (err) {
      if (!(err instanceof Rollback)) throw err
    }
    expect(await verifyAuditChain(h.db, cp.anchors)).toMatchObject({ ok: true })
  })

  it('without a checkpoint a truncated or recomputed chain looks sound (why checkpoints exist)', async () => {
    for (const c of [CASES[1], CASES[4]]) {
      try {
        await h.db.transaction().execute(async (trx) => {
          await c.run(trx)
          expect(await verifyAuditChain(trx)).toMatchObject({ ok: true })
          throw new Rollback()
        })
      } catch (err) {
        if (!(err instanceof Rollback)) throw err
      }
    }
  })

  it('detects changes and gaps without a checkpoint at the exact entry', async () => {
    const cases = [
      {
        run: (db: DbOrTrx) =>
          db
            .updateTable('audit_log')
            .set({ object: 'x' })
            .where('chain', '=', 'US')
            .where('chain_seq', '=', 3)
            .execute(),
        chain: 'US',
        seq: 3,
        reason: 'modified',
      },
      {
        run: (db: DbOrTrx) => tamper.delete(db, 'KR', 20),
        chain: 'KR',
        seq: 20,
        reason: 'missing',
      },
      {
        run: (db: DbOrTrx) => tamper.insert(db, 'shared', 5),
        chain: 'shared',
        seq: 7,
        reason: 'broken link',
      },
      {
        run: (db: DbOrTrx) =>
          db
            .updateTable('audit_log')
            .set({ chain: 'shared', chain_seq: 999 })
            .where('chain', '=', 'US')
            .where('chain_seq', '=', 5)
            .execute(),
        chain: 'shared',
        seq: SHARED + 1,
        reason: 'missing',
      },
    ]
    for (const c of cases) {
      try {
        await h.db.transaction().execute(async (trx) => {
          await c.run(trx)
          expect(await verifyAuditChain(trx)).toMatchObject({
            ok: false,
            chain: c.chain,
            seq: c.seq,
            reason: c.reason,
          })
          throw new Rollback()
        })
      } catch (err) {
        if (!(err instanceof Rollback)) throw err
      }
    }
  })
})

describe.each(testDialects())('migration 0008 on $name', (dialect) => {
  it('re-chains a v1 log deterministically and keeps its old hashes checkable', async () => {
    const h = await dialect.open()
    try {
      // Build a log as the single v1 chain wrote it, on a schema without 0008's columns.
      await sql`delete from audit_log`.execute(h.db)
      await sql`drop index audit_log_chain_chain_seq_idx`.execute(h.db)
      for (const c of ['chain', 'chain_seq', 'salt', 'v1_hash'])
        await sql`alter table audit_log drop column ${sql.ref(c)}`.execute(h.db)
      const v1 = [
        ['KR', 'private'],
        ['US', 'shared'],
        ['KR', 'shared'],
        ['KR', 'private'],
        ['US', 'private'],
        ['US', 'public'],
      ] as const
      let prev = GENESIS
      for (const [i, [party, visibility]] of v1.entries()) {
        const row = {
          seq: i + 1,
          at: NOW.toISOString(),
          actor: `${party}@t`,
          party,
          action: 'a',
          object: `o:${String(i)}`,
          visibility,
          payloadDigest: 'd'.repeat(64),
          prevHash: prev,
        }
        const hash = entryHashV1(row)
        await sql`insert into audit_log (seq, at, actor, party, action, object, visibility, payload_digest, prev_hash, hash)
          values (${row.seq}, ${row.at}, ${row.actor}, ${party}, 'a', ${row.object}, ${visibility}, ${row.payloadDigest}, ${prev}, ${hash})`.execute(
          h.db,
        )
        prev = hash
      }
      const v1Head = prev
      // 0008's own step, run again on the v1 schema: the later migrations are already applied,
      // so the migrator would refuse to go back to it.
      const m0008 = migrations.find((m) => m.name === '0008_audit_chains')
      if (!m0008) throw new Error('migration 0008 missing')
      await m0008.up(h.db as unknown as Kysely<unknown>, dialect.name)
      const v = await verifyAuditChain(h.db)
      expect(v).toMatchObject({
        ok: true,
        entries: 6,
        legacy: { ok: true, entries: 6, head: v1Head },
      })
      expect(v.chains.map((c) => [c.chain, c.entries])).toEqual([
        ['KR', 2],
        ['US', 1],
        ['shared', 3],
      ])
      const rows = await h.db
        .selectFrom('audit_log')
        .select(['seq', 'chain', 'chain_seq'])
        .orderBy('seq')
        .execute()
      expect(rows.map((r) => `${r.chain}${String(r.chain_seq)}`)).toEqual([
        'KR1',
        'shared1',
        'shared2',
        'KR2',
        'US1',
        'shared3',
      ])
      // a changed legacy entry still shows, in its chain and in the v1 chain
      await h.db
        .updateTable('audit_log')
        .set({ at: '2020-01-01T00:00:00.000Z' })
        .where('seq', '=', 4)
        .execute()
      expect(await verifyAuditChain(h.db)).toMatchObject({
        ok: false,
        chain: 'KR',
        seq: 2,
        reason: 'modified',
        legacy: { ok: false, seq: 4 },
      })
    } finally {
      await h.close()
    }
  })

  it('refuses to re-chain a tampered v1 log, naming the entry', async () => {
    const h = openDatabase(':memory:')
    try {
      const upTo7: Record<string, Migration> = Object.fromEntries(
        migrations
          .slice(0, 7)
          .map((m) => [m.name, { up: (d: Kysely<unknown>) => m.up(d, 'sqlite') }]),
      )
      await new Migrator({
        db: h.db,
        provider: { getMigrations: () => Promise.resolve(upTo7) },
      }).migrateToLatest()
      await sql`insert into audit_log (seq, at, actor, party, action, object, visibility, payload_digest, prev_hash, hash)
        values (1, 't', 'a', 'KR', 'a', 'o', 'public', 'd', ${GENESIS}, 'not-the-hash')`.execute(
        h.db,
      )
      await expect(migrateToLatest(h.db, 'sqlite')).rejects.toThrow(
        /broken at entry 1 \(modified\)/,
      )
    } finally {
      await h.close()
    }
  })
})

describe('sma audit checkpoint and verify --checkpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sma-audit-'))
  const pristine = join(dir, 'pristine.db')
  const checkpoint = join(dir, 'checkpoint.json')
  let out: MockInstance<typeof process.stdout.write>
  let err: MockInstance<typeof process.stderr.write>
  const stderr = (): string => err.mock.calls.map((c) => String(c[0])).join('')

  beforeAll(async () => {
    vi.stubEnv('SMA_INSTANCE_KEY', KEY_PEM)
    vi.stubEnv('SMA_NOW', NOW.toISOString())
    const h = openDatabase(pristine)
    await migrateToLatest(h.db, 'sqlite')
    for (let i = 0; i < PRIVATE; i++) await write(h, KR, i, 'private')
    for (let i = 0; i < SHARED; i++) await write(h, US, i, 'shared')
    await h.close()
    out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(await run(['audit', 'checkpoint', '--db', pristine, '--out', checkpoint])).toBe(0)
  })
  afterAll(() => {
    out.mockRestore()
    err.mockRestore()
    vi.unstubAllEnvs()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes a signed checkpoint that the untouched database passes', async () => {
    expect(String(out.mock.calls.at(-1)?.[0])).toMatch(/KR 150, shared 30; signer sha256:/)
    expect(await run(['audit', 'verify', '--db', pristine, '--checkpoint', checkpoint])).toBe(0)
    expect(
      await run([
        'audit',
        'verify',
        '--db',
        pristine,
        '--checkpoint',
        checkpoint,
        '--trust',
        KEY.fingerprint,
      ]),
    ).toBe(0)
  })

  it.each(CASES)('exits 3 on $name, naming the chain and entry', async (c) => {
    const file = join(dir, `${c.name.replace(/\W+/g, '-')}.db`)
    copyFileSync(pristine, file)
    const h = openDatabase(file)
    await c.run(h.db)
    await h.close()
    err.mockClear()
    expect(await run(['audit', 'verify', '--db', file, '--checkpoint', checkpoint])).toBe(3)
    expect(stderr()).toMatch(
      new RegExp(`audit chain ${c.chain} broken at entry ${String(c.seq)} \\(`),
    )
  })

  it('refuses a changed checkpoint and a checkpoint by an untrusted key (exit 2)', async () => {
    const changed = join(dir, 'changed.json')
    const text = (await import('node:fs')).readFileSync(checkpoint, 'utf8')
    writeFileSync(changed, text.replace('"entries": 150', '"entries": 149'))
    err.mockClear()
    expect(await run(['audit', 'verify', '--db', pristine, '--checkpoint', changed])).toBe(2)
    expect(stderr()).toMatch(/changed after signing/)
    const other = instanceKeyFromPem(generateInstanceKeyPem()).fingerprint
    expect(
      await run([
        'audit',
        'verify',
        '--db',
        pristine,
        '--checkpoint',
        checkpoint,
        '--trust',
        other,
      ]),
    ).toBe(2)
    expect(stderr()).toMatch(/not a registered key/)
  })

  it('refuses to sign a broken chain (exit 3)', async () => {
    const file = join(dir, 'broken.db')
    copyFileSync(pristine, file)
    const h = openDatabase(file)
    await tamper.delete(h.db, 'KR', 3)
    await h.close()
    err.mockClear()
    expect(await run(['audit', 'checkpoint', '--db', file, '--out', join(dir, 'no.json')])).toBe(3)
    expect(stderr()).toMatch(/audit chain KR broken at entry 3 \(missing\)/)
  })
})
