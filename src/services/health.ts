import type { DbOrTrx } from '../db/database.js'

/** A cheap round trip to the database: throws when it cannot answer. */
export async function probeDatabase(db: DbOrTrx): Promise<void> {
  await db.selectFrom('agreements').select('id').limit(1).execute()
}
