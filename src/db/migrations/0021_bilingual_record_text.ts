import type { Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * The Korean beside the free text of the negotiation record (issue 10, decision 0019). The
 * existing column keeps the English of the shipped history, or the text as a user typed it; the
 * new `*_ko` column holds the Korean where the record has it (the shipped history) and is null
 * otherwise — so every row written before this migration reads as it did: one text, shown as is.
 */
const COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['negotiation_deadlines', 'label_ko'],
  ['negotiation_rounds', 'venue_ko'],
  ['negotiation_rounds', 'summary_ko'],
  ['negotiation_events', 'note_ko'],
  ['delegation_members', 'name_ko'],
  ['delegation_members', 'title_ko'],
  ['proposals', 'title_ko'],
]

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await db.schema.alterTable(table).addColumn(column, 'text').execute()
  }
}
