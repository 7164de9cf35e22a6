import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { migrateToLatest } from '../src/db/migrate.js'
import { openDatabase } from '../src/db/open.js'
import { seedIfEmpty } from '../src/services/seed.js'
import { createApiToken, createUser } from '../src/services/users.js'
import type { BenchResult } from './bench-result.js'
import { ROOT, startProcess, type ServerProcess } from './processes.js'

/** Milliseconds between two health probes (one at a time, so a slow answer delays the next). */
const PROBE_EVERY_MS = 10
const RUNS = 4
const PATHS = 1_000_000

/** Latency of one GET on a keep-alive connection, in milliseconds (-1 on an error or non-200). */
function probe(url: string, agent: Agent): Promise<number> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const req = request(url, { agent }, (res) => {
      res.resume()
      res.on('end', () => {
        resolve(res.statusCode === 200 ? performance.now() - t0 : -1)
      })
    })
    req.on('error', () => {
      resolve(-1)
    })
    req.end()
  })
}

/** Probes `url` every PROBE_EVERY_MS until `until` says stop; returns the latencies. */
async function probeWhile(url: string, until: () => boolean): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const out: number[] = []
  try {
    while (!until()) {
      out.push(await probe(url, agent))
      await sleep(PROBE_EVERY_MS)
    }
  } finally {
    agent.destroy()
  }
  return out
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN
}

async function api<T>(url: string, token: string, init: RequestInit = {}): Promise<T> {
  const r = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  })
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`)
  return (await r.json()) as T
}

/**
 * Bounded heavy work (issue 14): `/api/health` latency while four 1,000,000-path stored
 * projections run on the compiled server (a KR analyst's API token; the server's default pool
 * and its default limit of concurrent runs, so two compute and two wait), against its baseline
 * from the same run: the same probes with nothing running, for as long. One probe at a time
 * every PROBE_EVERY_MS on a keep-alive connection from this process. Loopback only.
 */
export async function runHeavyWorkBench(): Promise<BenchResult[]> {
  const { ensureBuilt } = (await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href)) as {
    ensureBuilt: () => Promise<void>
  }
  await ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'sma-bench-heavy-'))
  const file = join(dir, 'bench.db')
  const store = openDatabase(file)
  await migrateToLatest(store.db, 'sqlite')
  await seedIfEmpty(store)
  const user = await createUser(store, {
    email: 'bench-analyst@example.org',
    name: 'Bench analyst',
    party: 'KR',
    role: 'analyst',
    password: 'a bench password that is long',
  })
  const { token } = await createApiToken(store, user.id, 'heavy-work bench')
  await store.close()
  let server: ServerProcess | undefined
  try {
    // SMA_BENCH_CPU_PROF=DIR: the server writes V8 CPU profiles of its threads there
    const prof = process.env.SMA_BENCH_CPU_PROF
    const profArgs = prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${prof}`]
    server = await startProcess([...profArgs, join(ROOT, 'dist/server/main.js')], {
      SMA_DB: file,
      PORT: '0',
      HOST: '127.0.0.1',
      SMA_RATE_LIMIT: '1000000000',
      SMA_LOG_LEVEL: 'info',
      SMA_NOW: undefined,
      LOG_LEVEL: undefined,
      SMA_MAX_CONCURRENT_RUNS: undefined,
      SMA_WORKERS: undefined,
    })
    const url = server.url
    const health = `${url}/api/health`
    // warm the pool and the JIT with one small pool run and some probes
    const warm = await api<{ run: { id: string } }>(`${url}/api/projection-runs`, token, {
      method: 'POST',
      body: JSON.stringify({ agreement: 'rok-us-sma-12', paths: 100_000, seed: 1, compare: [] }),
    })
    for (;;) {
      const r = await api<{ run: { status: string } }>(
        `${url}/api/projection-runs/${warm.run.id}`,
        token,
      )
      if (r.run.status !== 'running') break
      await sleep(100)
    }
    const warmEnd = performance.now() + 1000
    await probeWhile(health, () => performance.now() > warmEnd)

    // four heavy runs at once, probing health until every one has ended
    const t0 = performance.now()
    const ids = await Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        api<{ run: { id: string; queuePosition: number | null } }>(
          `${url}/api/projection-runs`,
          token,
          {
            method: 'POST',
            body: JSON.stringify({
              agreement: 'rok-us-sma-12',
              paths: PATHS,
              seed: 100 + i,
              compare: [],
            }),
          },
        ),
      ),
    )
    const queuedAtStart = ids.filter((c) => c.run.queuePosition !== null).length
    let open = RUNS
    const statuses: string[] = []
    const watcher = (async () => {
      const pending = new Set(ids.map((c) => c.run.id))
      while (pending.size > 0) {
        for (const id of [...pending]) {
          const r = await api<{ run: { status: string } }>(
            `${url}/api/projection-runs/${id}`,
            token,
          )
          if (r.run.status !== 'running') {
            pending.delete(id)
            statuses.push(r.run.status)
          }
        }
        open = pending.size
        await sleep(200)
      }
    })()
    const busy = await probeWhile(health, () => open === 0)
    await watcher
    const busySeconds = (performance.now() - t0) / 1000
    if (statuses.some((s) => s !== 'done')) throw new Error(`runs ended ${statuses.join(', ')}`)

    // the baseline: the same probes for as long with nothing running
    const quietEnd = performance.now() + busySeconds * 1000
    const quiet = await probeWhile(health, () => performance.now() > quietEnd)
    const failures = [...busy, ...quiet].filter((x) => x < 0).length
    const ok = (xs: number[]) => xs.filter((x) => x >= 0)
    const baseline = {
      what: 'p99 with nothing running',
      value: quantile(ok(quiet), 0.99),
      unit: 'ms',
    }
    return [
      {
        name: `GET /api/health while ${RUNS} × 1,000,000-path runs: p99`,
        value: quantile(ok(busy), 0.99),
        unit: 'ms',
        target: 100,
        baseline,
        note: `${busy.length} probes over ${busySeconds.toFixed(1)} s, p50 ${quantile(ok(busy), 0.5).toFixed(1)} ms, max ${Math.max(...ok(busy)).toFixed(0)} ms; ${queuedAtStart} of ${RUNS} queued at start`,
      },
      {
        name: 'GET /api/health with nothing running (baseline): p99',
        value: baseline.value,
        unit: 'ms',
        note: `${quiet.length} probes, p50 ${quantile(ok(quiet), 0.5).toFixed(1)} ms, max ${Math.max(...ok(quiet)).toFixed(0)} ms`,
      },
      {
        name: `${RUNS} × 1,000,000-path stored runs: wall time, all done`,
        value: busySeconds,
        unit: 's',
      },
      { name: 'health probes failed (errors or non-200)', value: failures, unit: '', target: 0 },
    ]
  } finally {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
