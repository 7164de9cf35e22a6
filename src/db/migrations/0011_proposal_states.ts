import type { Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * The proposal state machine (issue 11): a tabled proposal may be withdrawn by its owner or
 * rejected, with a reason, by the other delegation. Each act names its author (decision 0008):
 * the user, and for a rejection the rejecting party. All columns are null for rows before this
 * migration, which reads as "not withdrawn, not rejected" — the state they had.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const column of [
    'withdrawn_at',
    'withdrawn_by',
    'rejected_at',
    'rejected_by',
    'rejected_party',
    'rejection_reason',
  ]) {
    await db.schema.alterTable('proposals').addColumn(column, 'text').execute()
  }
}
