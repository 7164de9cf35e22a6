import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open.js'
import { verifyAuditChain } from '../services/audit.js'
import { seedIfEmpty } from '../services/seed.js'
import { createApiToken, createUser } from '../services/users.js'
import { OPEN_NEGOTIATION, positionBody } from './test-support.js'

/**
 * kill -9 crash test (security-and-reliability.md §B.3, suite 8) against the real server on a
 * SQLite file (WAL, synchronous=FULL): clients write positions over HTTP and remember every id
 * they got a 201 for; the server is SIGKILLed at a random moment, restarted, and the database
 * must pass integrity_check, hold every acknowledged write and keep a valid audit chain.
 * SMA_CRASH_KILLS sets the number of kills (default 10; 100+ in a full run).
 */
const KILLS = Number(process.env.SMA_CRASH_KILLS ?? '10')
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function startServer(
  db: string,
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SMA_DB: db,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SMA_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
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

describe('kill -9 crash safety (SQLite, real server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sma-crash-'))
  const db = join(dir, 'crash.db')
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    `loses no acknowledged write over ${KILLS} kills`,
    async () => {
      const h = openDatabase(db)
      await migrateToLatest(h.db, 'sqlite')
      await seedIfEmpty(h)
      const u = await createUser(h, {
        email: 'crash@test.sma',
        name: 'crash',
        party: 'KR',
        role: 'analyst',
        password: 'crash-test-password',
      })
      const { token } = await createApiToken(h, u.id, 'crash')
      await h.close()

      const acked: string[] = []
      let attempted = 0
      for (let kill = 0; kill < KILLS; kill++) {
        const { child, url } = await startServer(db)
        const exited = new Promise<void>((resolve) =>
          child.once('exit', () => {
            resolve()
          }),
        )
        let stop = false
        const writer = async (w: number): Promise<void> => {
          for (let i = 0; !stop; i++) {
            attempted++
            try {
              const res = await fetch(`${url}/api/negotiations/${OPEN_NEGOTIATION}/positions`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify(positionBody(`k${kill}-w${w}-${i}`)),
              })
              if (res.status === 201)
                acked.push(((await res.json()) as { position: { id: string } }).position.id)
              else await res.body?.cancel()
            } catch {
              return // the server died mid-request: not acknowledged
            }
          }
        }
        const writers = [0, 1, 2, 3].map((w) => writer(w))
        await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 350)))
        child.kill('SIGKILL')
        stop = true
        await exited
        await Promise.all(writers)

        const check = openDatabase(db)
        try {
          const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
            check.db,
          )
          expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok'])
          const present = new Set(
            (await check.db.selectFrom('positions').select('id').execute()).map((r) => r.id),
          )
          const lost = acked.filter((id) => !present.has(id))
          expect(lost).toEqual([])
          expect(await verifyAuditChain(check.db)).toMatchObject({ ok: true })
        } finally {
          await check.close()
        }
      }
      expect(acked.length).toBeGreaterThan(KILLS)
      console.info(
        `crash test: ${KILLS} kill -9, ${attempted} writes attempted, ${acked.length} acknowledged, 0 lost, integrity ok`,
      )
    },
    60_000 + KILLS * 30_000,
  )
})
