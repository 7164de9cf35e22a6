import type { Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Acceptances get a dense order: two acceptances by one party can share a timestamp, and "the
 * party's latest acceptance" must not depend on the order a database happens to return rows in.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('acceptances')
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
