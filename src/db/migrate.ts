import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import type { Db, Dialect } from './database.js'
import { migrations } from './migrations/index.js'

/** Runs every pending migration; throws with the failing migration's name. Returns the names run. */
export async function migrateToLatest(db: Db, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          migrations.map((m): [string, Migration] => [
            m.name,
            { up: (d: Kysely<unknown>) => m.up(d, dialect) },
          ]),
        ),
      ),
  }
  // Migrations are written against Kysely<unknown>: they must not depend on today's table types.
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error !== undefined || failed) {
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${why}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
