import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordVersion } from '../services/record/record-version.js'
import { migrateToLatest } from './migrate.js'
import { openDatabase, type DatabaseHandle } from './open.js'

describe('the committed-read connection of a SQLite file', () => {
  let dir: string
  let h: DatabaseHandle

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sma-open-'))
    h = openDatabase(join(dir, 'x.db'))
    await migrateToLatest(h.db, 'sqlite')
  })

  afterEach(async () => {
    await h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const bump = (db: DatabaseHandle['db']) =>
    db
      .updateTable('record_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .execute()

  it('sees a commit at once, and never a transaction still open on the main connection', async () => {
    const read = h.readCommitted
    expect(read).toBeDefined()
    const v0 = Number(await recordVersion(h))
    await bump(h.db)
    expect(Number(await recordVersion(h))).toBe(v0 + 1)
    await h.db.transaction().execute(async (trx) => {
      await bump(trx)
      // Uncommitted: the main connection sees it, the committed reader does not.
      const query = h.db.selectFrom('record_version').select('version').where('id', '=', 1)
      expect(
        Number(
          (await trx.selectFrom('record_version').select('version').executeTakeFirst())?.version,
        ),
      ).toBe(v0 + 2)
      expect(Number(read?.(query.compile())[0]?.version)).toBe(v0 + 1)
    })
    expect(Number(await recordVersion(h))).toBe(v0 + 2)
  })

  it('is absent for an in-memory database, whose second connection would be another database', async () => {
    const mem = openDatabase(':memory:')
    expect(mem.readCommitted).toBeUndefined()
    await mem.close()
  })
})
