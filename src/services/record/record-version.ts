import type { Db } from '../../db/database.js'
import type { DatabaseHandle } from '../../db/open.js'
import { batchedPerTurn } from '../batched-query.js'

const readers = new WeakMap<Db, () => Promise<string>>()

/**
 * The record's version: a counter the database bumps on every change to the agreements' heads or
 * the index series and values (migration 0005, triggers), whichever process writes. Two reads
 * with the same version see the same record, so answers computed from it can be reused. One
 * small query, compiled once per database handle and shared by the requests of one turn of the
 * event loop (each still sees every change committed before it arrived); on a SQLite file it
 * runs on the handle's committed-read connection (src/db/open.ts), which is three times cheaper.
 */
export function recordVersion(
  store: Pick<DatabaseHandle, 'db' | 'readCommitted'>,
): Promise<string> {
  const { db, readCommitted } = store
  let read = readers.get(db)
  if (read === undefined) {
    const query = db.selectFrom('record_version').select('version').where('id', '=', 1).compile()
    read = batchedPerTurn(async () => {
      const rows = readCommitted ? readCommitted(query) : (await db.executeQuery(query)).rows
      const v = rows[0]?.version
      if (v === undefined) throw new Error('record_version has no row: run the migrations')
      return String(v)
    })
    readers.set(db, read)
  }
  return read()
}
