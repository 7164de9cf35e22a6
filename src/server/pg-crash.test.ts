import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open.js'
import { verifyAuditChain } from '../services/audit.js'
import { seedIfEmpty } from '../services/seed.js'
import { createApiToken, createUser } from '../services/users.js'
import { OPEN_NEGOTIATION, positionBody } from './test-support.js'

/**
 * kill -9 of the DATABASE server (issue 14, finding 10; the SQLite twin is crash.test.ts): a
 * throw-away PostgreSQL cluster of its own (initdb + pg_ctl from Debian's `postgresql` package,
 * production durability settings: fsync and synchronous_commit on), the real app server on it,
 * four clients writing positions over HTTP and remembering every id they got a 201 for. At a
 * random moment the postmaster and all its backends are SIGKILLed (a crash, no shutdown
 * checkpoint); the cluster is restarted (WAL recovery) and must hold every acknowledged write
 * with a valid audit chain, and the app server, never restarted, must accept writes again.
 * SMA_PG_CRASH_KILLS sets the number of kills (default 5).
 */
const KILLS = Number(process.env.SMA_PG_CRASH_KILLS ?? '5')
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PGBIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .filter((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(a) - Number(b))
      .map((v) => join('/usr/lib/postgresql', v, 'bin'))
      .pop()
  : undefined
if (PGBIN === undefined)
  console.warn(
    'PostgreSQL binaries (/usr/lib/postgresql/*/bin) are absent: the PostgreSQL kill -9 test is SKIPPED (install with scripts/install-test-deps.sh)',
  )
const IS_ROOT = process.getuid?.() === 0

/** Runs a PostgreSQL program, as the `postgres` user when root (initdb refuses to run as root). */
function pg(program: string, args: string[]): string {
  const bin = join(PGBIN ?? '', program)
  return IS_ROOT
    ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : execFileSync(bin, args, { encoding: 'utf8' })
}

function startCluster(data: string, port: number, log: string): void {
  pg('pg_ctl', [
    '-D',
    data,
    '-w',
    '-t',
    '60',
    '-l',
    log,
    '-o',
    `-p ${port} -k ${data} -c listen_addresses=127.0.0.1`,
    'start',
  ])
}

/** SIGKILLs the postmaster and every process it started (backends, WAL writer, checkpointer). */
function killCluster(data: string): void {
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0)
  process.kill(pid, 'SIGKILL')
  for (const c of children) {
    try {
      process.kill(c, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  // Wait until none is left, so the restart does not find the old shared memory in use.
  for (let i = 0; i < 200; i++) {
    const alive = [pid, ...children].filter((p) => {
      try {
        process.kill(p, 0)
        return true
      } catch {
        return false
      }
    })
    if (alive.length === 0) return
    execFileSync('sleep', ['0.05'])
  }
  throw new Error('the PostgreSQL processes did not die')
}

function startServer(
  dbUrl: string,
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SMA_DB: dbUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SMA_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d))
    const timer = setTimeout(() => {
      reject(new Error(`server did not start: ${out}`))
    }, 30_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/[^\s]+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: m[1] })
      }
    })
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening: ${out}`))
    })
  })
}

describe.skipIf(PGBIN === undefined)('kill -9 of the PostgreSQL server (real cluster)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sma-pg-crash-'))
  const data = join(dir, 'data')
  // A port of its own, away from the suite's server (54329) and the developers' (544xx).
  const port = 55000 + (process.pid % 900)
  const dbUrl = `postgres://app@127.0.0.1:${port}/app`
  let server: ChildProcessByStdio<null, Readable, Readable> | undefined
  afterAll(() => {
    server?.kill('SIGKILL')
    try {
      pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    `loses no acknowledged write over ${KILLS} kills of the postmaster`,
    async () => {
      if (IS_ROOT)
        chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0)
      pg('initdb', ['-D', data, '-U', 'app', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
      const log = join(dir, 'server.log')
      startCluster(data, port, log)
      pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'app', 'app'])
      const setup = openDatabase(dbUrl)
      await migrateToLatest(setup.db, 'postgres')
      await seedIfEmpty(setup)
      const u = await createUser(setup, {
        email: 'pg-crash@test.sma',
        name: 'pg crash',
        party: 'KR',
        role: 'analyst',
        password: 'crash-test-password',
      })
      const { token } = await createApiToken(setup, u.id, 'crash')
      await setup.close()

      const started = await startServer(dbUrl)
      server = started.child
      const url = started.url
      const write = (marker: string): Promise<Response> =>
        fetch(`${url}/api/negotiations/${OPEN_NEGOTIATION}/positions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(positionBody(marker)),
        })

      const acked: string[] = []
      let attempted = 0
      let refused = 0
      for (let kill = 0; kill < KILLS; kill++) {
        let stop = false
        const writer = async (w: number): Promise<void> => {
          for (let i = 0; !stop; i++) {
            attempted++
            const res = await write(`k${kill}-w${w}-${i}`)
            if (res.status === 201)
              acked.push(((await res.json()) as { position: { id: string } }).position.id)
            else {
              // The database is gone: the app answers with an error (never a 201), so this
              // write is not acknowledged and the client may retry it.
              expect(res.status).toBeGreaterThanOrEqual(500)
              expect(res.headers.get('content-type')).toContain('application/problem+json')
              refused++
              await res.body?.cancel()
            }
          }
        }
        const before = acked.length
        const writers = [0, 1, 2, 3].map((w) => writer(w))
        await new Promise((r) => setTimeout(r, 800 + Math.floor(Math.random() * 1000)))
        killCluster(data)
        await new Promise((r) => setTimeout(r, 100))
        stop = true
        await Promise.all(writers)
        expect(acked.length).toBeGreaterThan(before)

        startCluster(data, port, log) // crash recovery from the WAL
        const check = openDatabase(dbUrl)
        try {
          const present = new Set(
            (await check.db.selectFrom('positions').select('id').execute()).map((r) => r.id),
          )
          const lost = acked.filter((id) => !present.has(id))
          expect(lost).toEqual([])
          expect(await verifyAuditChain(check.db)).toMatchObject({ ok: true })
        } finally {
          await check.close()
        }

        // The app server was never restarted: its pool drops the dead connections and the
        // next write succeeds.
        let recovered = false
        for (let i = 0; i < 50 && !recovered; i++) {
          const res = await write(`k${kill}-recovered`)
          if (res.status === 201) {
            acked.push(((await res.json()) as { position: { id: string } }).position.id)
            recovered = true
          } else {
            await res.body?.cancel()
            await new Promise((r) => setTimeout(r, 200))
          }
        }
        expect(recovered).toBe(true)
      }
      console.info(
        `PostgreSQL crash test: ${KILLS} kill -9 of the postmaster, ${attempted} writes attempted, ${acked.length} acknowledged, ${refused} refused, 0 lost`,
      )
    },
    120_000 + KILLS * 30_000,
  )
})
