import type { Command } from '@commander-js/extra-typings'
import { migrateToLatest } from '../../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../../db/open.js'
import { whilePreparing } from '../../db/startup-lock.js'
import { seedIfEmpty } from '../../services/seed.js'
import { BILINGUAL_MIGRATION, translateSeededHistory } from '../../services/seed-translations.js'
import { cliConfig } from '../cli-error.js'

/** The delegations with accounts on this instance (SMA_PARTIES), or one CliError line. */
export function instanceParties(): readonly ('KR' | 'US')[] {
  return cliConfig().parties
}

/** Opens the configured database (SMA_DB, or --db) for a CLI command, migrating SQLite. */
export async function openCliDatabase(db: string | undefined): Promise<DatabaseHandle> {
  const config = cliConfig()
  const location = db ?? config.database
  const handle = openDatabase(location, { sqliteSynchronous: config.sqliteSynchronous })
  if (handle.dialect === 'sqlite') await migrateToLatest(handle.db, 'sqlite')
  return handle
}

/**
 * `sma db migrate [--seed]`: brings the schema up to date (a server also does it when it starts;
 * this migrates ahead of a deploy).
 */
export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance')
  db.command('migrate')
    .description('run pending migrations on SMA_DB (a SQLite path or a postgres:// URL)')
    .option('--db <location>', 'database instead of SMA_DB')
    .option('--seed', 'also seed the record and negotiation history if the database is empty')
    .action(async (opts) => {
      const handle = await openCliDatabase(opts.db)
      try {
        // the same lock as a starting server's: a deploy may migrate while servers start
        await whilePreparing(handle, async () => {
          const ran = await migrateToLatest(handle.db, handle.dialect)
          process.stdout.write(
            ran.length === 0
              ? `${handle.label}: up to date\n`
              : `${handle.label}: ran ${ran.join(', ')}\n`,
          )
          if (opts.seed === true && (await seedIfEmpty(handle))) {
            process.stdout.write(`${handle.label}: seeded\n`)
          } else if (ran.includes(BILINGUAL_MIGRATION)) {
            const n = await translateSeededHistory(handle)
            if (n > 0)
              process.stdout.write(`${handle.label}: ${String(n)} history texts in Korean\n`)
          }
        })
      } finally {
        await handle.close()
      }
    })
}
