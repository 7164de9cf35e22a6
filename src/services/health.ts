import type { Db } from '../db/database.js'
import type { DatabaseHandle } from '../db/open.js'
import { batchedPerTurn } from './batched-query.js'

const probes = new WeakMap<Db, () => Promise<void>>()

/**
 * A cheap round trip to the database (compiled once per handle, shared by the health checks of
 * one turn of the event loop, each issued after its callers asked): throws when it cannot answer.
 * On a SQLite file it reads through the committed-read connection, as the public reads do.
 */
export function probeDatabase(store: Pick<DatabaseHandle, 'db' | 'readCommitted'>): Promise<void> {
  const { db, readCommitted } = store
  let probe = probes.get(db)
  if (probe === undefined) {
    const query = db.selectFrom('agreements').select('id').limit(1).compile()
    probe = batchedPerTurn(async () => {
      if (readCommitted) readCommitted(query)
      else await db.executeQuery(query)
    })
    probes.set(db, probe)
  }
  return probe()
}
