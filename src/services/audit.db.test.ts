import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { run } from '../cli/main.js'
import { entryHash, verifyAuditChain, withTransaction, type Actor } from './audit.js'

const ACTOR: Actor = { id: 'u1', label: 'kr@test', party: 'KR' }
const ENTRIES = 40
const TRIALS = 60

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rollback extends Error {}

describe.each(testDialects())('audit hash chain on $name', (dialect) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await dialect.open()
    // Concurrent audited writes must not fork the chain.
    await Promise.all(
      Array.from({ length: ENTRIES }, (_, i) =>
        withTransaction({ store: h, actor: ACTOR }, (_trx, audit) => {
          audit({
            action: 'test.write',
            object: `thing:${i}`,
            visibility: i % 3 === 0 ? 'private' : 'shared',
            payload: { i },
          })
          return Promise.resolve()
        }),
      ),
    )
  })
  afterAll(async () => {
    await h.close()
  })

  it('verifies an untouched chain with dense seqs and no forks', async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, entries: ENTRIES })
    const rows = await h.db.selectFrom('audit_log').select(['prev_hash']).execute()
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(ENTRIES)
  })

  it('rolls back a write that records no audit entry', async () => {
    await expect(
      withTransaction({ store: h, actor: ACTOR }, () => Promise.resolve(1)),
    ).rejects.toThrow(/no audit entry/)
  })

  it(`detects ${TRIALS} random tamperings at the exact first broken entry`, async () => {
    const r = mulberry32(4242)
    const kinds = ['modify', 'delete', 'insert', 'swap', 'rehash'] as const
    let detected = 0
    for (let trial = 0; trial < TRIALS; trial++) {
      const kind = kinds[trial % kinds.length]!
      const k = 1 + Math.floor(r() * (ENTRIES - 2))
      let expectedSeq = k
      try {
        await h.db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('audit_log')
            .selectAll()
            .where('seq', '=', k)
            .executeTakeFirstOrThrow()
          switch (kind) {
            case 'modify': {
              const field = (['action', 'object', 'actor', 'at', 'payload_digest'] as const)[
                trial % 5
              ]!
              await trx
                .updateTable('audit_log')
                .set({ [field]: `${row[field]}x` })
                .where('seq', '=', k)
                .execute()
              break
            }
            case 'delete':
              await trx.deleteFrom('audit_log').where('seq', '=', k).execute()
              break
            case 'insert': {
              await trx
                .updateTable('audit_log')
                .set({ seq: sql`seq + 100000` })
                .where('seq', '>', k)
                .execute()
              await trx
                .updateTable('audit_log')
                .set({ seq: sql`seq - 99999` })
                .where('seq', '>', 100000)
                .execute()
              const forged = { ...row, seq: k + 1, action: 'forged', prev_hash: row.hash }
              await trx
                .insertInto('audit_log')
                .values({ ...forged, hash: entryHash(forged) })
                .execute()
              expectedSeq = k + 2 // the forged entry links correctly; its successor no longer does
              break
            }
            case 'swap': {
              const other = await trx
                .selectFrom('audit_log')
                .selectAll()
                .where('seq', '=', k + 1)
                .executeTakeFirstOrThrow()
              const { seq: _a, ...a } = row
              const { seq: _b, ...b } = other
              await trx
                .updateTable('audit_log')
                .set({ hash: 'tmp' })
                .where('seq', '=', k + 1)
                .execute()
              await trx.updateTable('audit_log').set(b).where('seq', '=', k).execute()
              await trx
                .updateTable('audit_log')
                .set(a)
                .where('seq', '=', k + 1)
                .execute()
              break
            }
            case 'rehash': {
              const changed = { ...row, action: 'rewritten' }
              await trx
                .updateTable('audit_log')
                .set({ action: 'rewritten', hash: entryHash(changed) })
                .where('seq', '=', k)
                .execute()
              expectedSeq = k + 1
              break
            }
          }
          const v = await verifyAuditChain(trx)
          expect(v.ok).toBe(false)
          if (!v.ok) expect(v.seq).toBe(expectedSeq)
          detected++
          throw new Rollback()
        })
      } catch (err) {
        if (!(err instanceof Rollback)) throw err
      }
    }
    expect(detected).toBe(TRIALS)
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true })
  })
})

describe('sma audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sma-audit-'))
  const file = join(dir, 'audit.db')
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('exits 0 on a sound chain and 3 naming the entry on a tampered one', async () => {
    const h = openDatabase(file)
    await migrateToLatest(h.db, 'sqlite')
    for (let i = 0; i < 5; i++) {
      await withTransaction({ store: h, actor: ACTOR }, (_t, audit) => {
        audit({ action: 'x', object: `o:${i}`, visibility: 'public', payload: i })
        return Promise.resolve()
      })
    }
    await h.close()
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await run(['audit', 'verify', '--db', file])).toBe(0)
      const h2 = openDatabase(file)
      await h2.db
        .updateTable('audit_log')
        .set({ object: 'o:tampered' })
        .where('seq', '=', 3)
        .execute()
      await h2.close()
      expect(await run(['audit', 'verify', '--db', file])).toBe(3)
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /broken at entry 3 \(modified\)/,
      )
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
  })
})
