import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { sql } from 'kysely'
import { loadConfig, type Config } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, isPostgresUrl, type DatabaseHandle } from '../db/open.js'
import { whilePreparing } from '../db/startup-lock.js'
import { seedIfEmpty } from '../services/seed.js'
import { BILINGUAL_MIGRATION, translateSeededHistory } from '../services/seed-translations.js'
import { installKnownTotp, mfaRequired } from '../services/accounts/mfa.js'
import { createUser } from '../services/users.js'
import { scheduleCheckpoints } from '../services/audit-checkpoint.js'
import { loadInstanceKey } from '../services/signing/instance-key.js'
import { buildApp } from './app.js'
import type { AuditCheckpointSource } from './request-context.js'
import { secureCookiesFor } from './session-cookie.js'
import type { Delegation, Party, Role } from '../domain/access/permissions.js'

/** Demo accounts, created only with SMA_DEMO_USERS=1 on a database without users. */
export const DEMO_PASSWORD = 'demo-password-2026'
/**
 * The demo administrator's TOTP secret (administrators must log in with a code): add it to an
 * authenticator app, or compute codes with it in browser tests (e2e/pages/app.page.ts).
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
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
  // a member who may read the delegation's work but not change it: forms must not show
  demo('KR', 'viewer', 'kr.viewer@demo.sma', 'KR viewer (demo)'),
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
      else if (ran.includes(BILINGUAL_MIGRATION)) {
        const n = await translateSeededHistory(handle)
        log(`gave ${String(n)} texts of the negotiation history their Korean`)
      }
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
  for (const u of users) {
    const created = await createUser(handle, { ...u, password: DEMO_PASSWORD }, { parties })
    if (mfaRequired(u.role)) {
      await installKnownTotp(handle, created.id, DEMO_TOTP_SECRET, () => new Date())
    }
  }
  log(
    `created ${users.length} demo users (password "${DEMO_PASSWORD}"; the admin's TOTP secret ${DEMO_TOTP_SECRET}): ${users.map((u) => u.email).join(', ')}`,
  )
}

/**
 * Scheduled signed audit checkpoints (issue 14) when SMA_AUDIT_CHECKPOINT_DIR or _URL is set:
 * they need the instance key (created in SMA_INSTANCE_KEY_FILE on first start). The directory
 * is also where the API's chain verification finds the newest checkpoint.
 */
function startAuditCheckpoints(
  config: Config,
  handle: DatabaseHandle,
  log: (msg: string) => void,
): { stop: () => void; source: AuditCheckpointSource | undefined } {
  const { dir, url, minutes } = config.auditCheckpoints
  if (dir === undefined && url === undefined) return { stop: () => undefined, source: undefined }
  const key = loadInstanceKey(config.instanceKey, { create: true })
  if (key === undefined)
    throw new Error(
      'audit checkpoints need the instance key: set SMA_INSTANCE_KEY or SMA_INSTANCE_KEY_FILE',
    )
  log(`audit checkpoints every ${String(minutes)} min, signed by ${key.fingerprint}`)
  const stop = scheduleCheckpoints({
    db: handle.db,
    key,
    target: { dir, url },
    minutes,
    now: config.now,
    log,
  })
  return {
    stop,
    source: dir === undefined ? undefined : { dir, trusted: new Set([key.fingerprint]) },
  }
}

/** Starts the server; resolves once listening. Closes cleanly on SIGTERM/SIGINT. */
export async function startServer(
  config: Config,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const log = (msg: string): void => void process.stdout.write(`sma-desk: ${msg}\n`)
  const handle = await prepareDatabase(config, log)
  const checkpoints = startAuditCheckpoints(config, handle, log)
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
    secureCookies: secureCookiesFor(config.host, config.trustProxy),
    ...(config.workers === undefined ? {} : { projectionThreads: config.workers }),
    maxConcurrentRuns: config.maxConcurrentRuns,
    ...(checkpoints.source === undefined ? {} : { auditCheckpoints: checkpoints.source }),
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
      checkpoints.stop()
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
