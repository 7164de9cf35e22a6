import { sql } from 'kysely'
import type { DatabaseHandle } from './open.js'

/** Key of PostgreSQL's session-level advisory lock held while a process migrates and seeds. */
export const PREPARE_LOCK_KEY = 7302

/**
 * Runs `prepare` (migrations, seeding, demo users) while this process holds PostgreSQL's advisory
 * lock PREPARE_LOCK_KEY: servers started together on one database take turns, so the first
 * migrates and seeds and the others find the work done (instead of racing to insert the same
 * rows and dying on a duplicate key). The lock lives on one pinned connection and is released
 * when `prepare` ends, or by PostgreSQL if the process dies. SQLite runs `prepare` as it is: one
 * server per database file.
 */
export async function whilePreparing<T>(
  handle: DatabaseHandle,
  prepare: () => Promise<T>,
): Promise<T> {
  if (handle.dialect !== 'postgres') return prepare()
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${PREPARE_LOCK_KEY})`.execute(conn)
    try {
      return await prepare()
    } finally {
      await sql`select pg_advisory_unlock(${PREPARE_LOCK_KEY})`.execute(conn)
    }
  })
}
