import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Ledger notes (issue 13): a delegation's private notes on the years of an agreement's execution
 * ledger, always private to the author's party like positions (no visibility column: the filter
 * is ownership). Year is an integer column so notes sort and filter by year on both dialects.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('ledger_notes')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(sql.raw(`owner_party in ('KR', 'US')`)),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ledger_notes_agreement_id_owner_party_idx')
    .ifNotExists()
    .on('ledger_notes')
    .columns(['agreement_id', 'owner_party', 'year'])
    .execute()
}
