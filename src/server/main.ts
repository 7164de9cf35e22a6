import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { sql } from 'kysely'
import { loadConfig, type Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, isPostgresUrl, type DatabaseHandle } from '../db/open.js'
import { whilePreparing } from '../db/startup-lock.js'
import { seedIfEmpty } from '../services/seed.js'
import { loadInstanceKey } from '../services/signing/instance-key.js'
import { createUser } from '../services/users.js'
import { buildApp } from './app.js'
import type { Delegation, Party, Role } from '../domain/access/permissions.js'

/** Demo accounts, created only with SMA_DEMO_USERS=1 on a database without users. */
export const DEMO_PASSWORD = 'demo-password-2026'
const demo = (party: Party, role: Role, email: string, name: string) => ({
  email,
  name,
  party,
  role,
})
const DEMO_USERS = [
  demo('KR', 'negotiator', 'kr.negotiator@demo.sma', 'KR negotiator (demo)'),
  demo('KR', 'analyst', 'kr.analyst@demo.sma', 'KR analyst (demo)'),
  demo('KR', 'admin', 'kr.admin@demo.sma', 'KR admin (demo)'),
  demo('US', 'negotiator', 'us.negotiator@demo.sma', 'US negotiator (demo)'),
  demo('US', 'analyst', 'us.analyst@demo.sma', 'US analyst (demo)'),
  demo('PUBLIC', 'viewer', 'public@demo.sma', 'Public reader (demo)'),
]

/**
 * Opens the database and brings it up to date: migrations, the shipped record and negotiation
 * history on an empty database, demo users when asked. SQLite is integrity-checked first. On
 * PostgreSQL this runs under an advisory lock (src/db/startup-lock.ts), so several servers
 * started together on one empty database all come up, one of them having seeded it.
 */
export async function prepareDatabase(
  config: Config,
  log: (msg: string) => void,
): Promise<DatabaseHandle> {
  if (!isPostgresUrl(config.database) && config.database !== ':memory:') {
    mkdirSync(dirname(config.database), { recursive: true })
  }
  const handle = openDatabase(config.database, { sqliteSynchronous: config.sqliteSynchronous })
  try {
    if (handle.dialect === 'sqlite') {
      const check = await sql<{ quick_check: string }>`pragma quick_check`.execute(handle.db)
      const verdict = check.rows.map((r) => r.quick_check).join('; ')
      if (verdict !== 'ok') {
        throw new Error(`SQLite integrity check failed for ${handle.label}: ${verdict}`)
      }
    }
    await whilePreparing(handle, async () => {
      const ran = await migrateToLatest(handle.db, handle.dialect)
      if (ran.length > 0) log(`migrated ${handle.label}: ${ran.join(', ')}`)
      if (await seedIfEmpty(handle)) log('seeded the record and the negotiation history')
      if (config.demoUsers) await createDemoUsers(handle, config.parties, log)
    })
  } catch (err) {
    await handle.close()
    throw err
  }
  return handle
}

async function createDemoUsers(
  handle: DatabaseHandle,
  parties: readonly Delegation[],
  log: (msg: string) => void,
): Promise<void> {
  const any = await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (any) return
  // only the delegations present on this instance get demo accounts (and the public reader)
  const users = DEMO_USERS.filter((u) => u.party === 'PUBLIC' || parties.includes(u.party))
  for (const u of users) await createUser(handle, { ...u, password: DEMO_PASSWORD }, { parties })
  log(
    `created ${users.length} demo users (password "${DEMO_PASSWORD}"): ${users.map((u) => u.email).join(', ')}`,
  )
}

/** Starts the server; resolves once listening. Closes cleanly on SIGTERM/SIGINT. */
export async function startServer(
  config: Config,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const log = (msg: string): void => void process.stdout.write(`sma-desk: ${msg}\n`)
  const handle = await prepareDatabase(config, log)
  const app = await buildApp({
    store: handle,
    now: config.now,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // every request at debug and trace; at info and above only failed and slow ones
    requestLog:
      config.logLevel === 'debug' || config.logLevel === 'trace' ? 'all' : 'errors-and-slow',
    slowRequestMs: config.slowRequestMs,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    secureCookies: config.env === 'production',
    parties: config.parties,
    instanceKey: loadInstanceKey(config.instanceKey),
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  log(`listening on ${url} (database: ${handle.dialect} ${handle.label})`)
  let stopping: Promise<void> | null = null
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await app.close()
      await handle.close()
      log('stopped (server and database closed)')
    })()
    return stopping
  }
  return { url, stop }
}

/**
 * Runs the server as configured by the environment until SIGTERM or SIGINT; a start-up failure is
 * one line on stderr and exit code 1. `npm start` calls it; so does running this file directly.
 */
export async function runFromEnvironment(): Promise<void> {
  try {
    const { stop } = await startServer(loadConfig())
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void stop().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      })
    }
  } catch (err) {
    process.stderr.write(`sma-desk: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
}

const isEntry = process.argv[1] !== undefined && /server[\\/]main\.[jt]s$/.test(process.argv[1])
if (isEntry) await runFromEnvironment()
