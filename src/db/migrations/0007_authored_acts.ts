import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Authored, attributable acts (issue 14): rounds and events name the user who recorded them,
 * a tabled proposal names who tabled it, and a mutual act (text agreed, initialled, signed)
 * counts only once both delegations have confirmed it — one confirmation row per party, with
 * who and when. Rows written before this migration (the shipped history) keep no author and
 * count as confirmed as before.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('negotiation_rounds').addColumn('created_by', 'text').execute()
  await db.schema.alterTable('negotiation_events').addColumn('created_by', 'text').execute()
  await db.schema.alterTable('negotiation_events').addColumn('confirmed_at', 'text').execute()
  await sql`update negotiation_events set confirmed_at = created_at`.execute(db)
  await db.schema.alterTable('proposals').addColumn('tabled_by', 'text').execute()
  await sql`update proposals set tabled_by = created_by
    where tabled_at is not null and created_by <> 'system'`.execute(db)
  await db.schema
    .createTable('event_confirmations')
    .ifNotExists()
    .addColumn('event_id', 'text', (c) => c.notNull().references('negotiation_events.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql.raw(`party in ('KR', 'US')`)))
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_confirmations_pk', ['event_id', 'party'])
    .execute()
}
