import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Bargaining analyses (issue 5): SMA analysis setups stored per negotiation, always private to
 * the author's party like positions (no visibility column: the filter is ownership).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('analyses')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(sql.raw(`owner_party in ('KR', 'US')`)),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('setup_json', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('analyses_negotiation_id_owner_party_idx')
    .ifNotExists()
    .on('analyses')
    .columns(['negotiation_id', 'owner_party'])
    .execute()
}
