import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/** The tables whose changes change the record (the agreements' heads and the index series). */
const RECORD_TABLES = ['agreements', 'index_series', 'index_values'] as const

/**
 * One counter, `record_version.version`, that the database itself bumps whenever a row of the
 * record changes (triggers on the agreements' heads and the index series and values), whoever
 * writes it: this process, another server on the same database, or a migration. Cached public
 * reads key on it, so one cheap query per request tells whether a cached answer is current.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('record_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .execute()
  await sql`insert into record_version (id, version) values (1, 0)`.execute(db)
  const bump = sql.raw('update record_version set version = version + 1 where id = 1')
  if (dialect === 'postgres') {
    await sql`create or replace function record_version_bump() returns trigger language plpgsql as $$
      begin ${bump}; return null; end $$`.execute(db)
    for (const table of RECORD_TABLES) {
      await sql`create trigger ${sql.raw(`${table}_record_version`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function record_version_bump()`.execute(db)
    }
    return
  }
  for (const table of RECORD_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_record_version_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin ${bump}; end`.execute(db)
    }
  }
}
