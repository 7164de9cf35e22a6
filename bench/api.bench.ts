import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { migrateToLatest } from '../src/db/migrate.js'
import { openDatabase } from '../src/db/open.js'
import { seedIfEmpty } from '../src/services/seed.js'
import type { BenchResult } from './bench-result.js'
import { BARE_FASTIFY, median, ROOT, startProcess, type ServerProcess } from './processes.js'

/**
 * Seconds per throughput measurement (SMA_BENCH_API_SECONDS) and rounds of each, interleaved
 * (SMA_BENCH_API_ROUNDS): on a shared 2-core machine one 5 s window in three was often taken by
 * another process, so the median is of five.
 */
const SECONDS = Number(process.env.SMA_BENCH_API_SECONDS ?? 5)
const ROUNDS = Number(process.env.SMA_BENCH_API_ROUNDS ?? 5)
const CONNECTIONS = 20
const SCHEDULE = '/api/agreements/rok-us-sma-12/schedule'

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`

async function throughput(url: string, headers: Record<string, string> = {}): Promise<number> {
  await autocannon({ url, connections: 4, amount: 2000, headers }) // JIT, caches
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers })
  if (r.errors + r.timeouts + r.non2xx > 0 && headers['if-none-match'] === undefined) {
    throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`)
  }
  return r.requests.average
}

/**
 * The API against a bare Fastify route, same run, same machine, both as separate processes on
 * 127.0.0.1 with autocannon in this one (20 connections, SECONDS each, ROUNDS interleaved
 * rounds, medians): the compiled server as `npm start` runs it (SQLite file seeded beforehand,
 * logging at its default `info`, the global rate limit on but set far above the load), and a
 * Fastify app with one JSON route from the project's own node_modules. Then the schedule at a
 * fixed 500 requests/s for 10 s for latency. Loopback only; never point this at another host.
 */
export async function runApiBench(): Promise<BenchResult[]> {
  const { ensureBuilt } = (await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href)) as {
    ensureBuilt: () => Promise<void>
  }
  await ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'sma-bench-'))
  const file = join(dir, 'bench.db')
  const store = openDatabase(file)
  await migrateToLatest(store.db, 'sqlite')
  await seedIfEmpty(store)
  await store.close()
  const servers: ServerProcess[] = []
  try {
    const ours = await startProcess([join(ROOT, 'dist/server/main.js')], {
      SMA_DB: file,
      PORT: '0',
      HOST: '127.0.0.1',
      SMA_RATE_LIMIT: '1000000000',
      SMA_LOG_LEVEL: 'info',
      SMA_NOW: undefined,
      LOG_LEVEL: undefined,
    })
    servers.push(ours)
    const first = await fetch(ours.url + SCHEDULE)
    const etag = first.headers.get('etag') ?? ''
    // The bare server also sends the schedule's exact bytes, to show what sending them costs.
    const bodyFile = join(dir, 'schedule.json')
    const body = Buffer.from(await first.arrayBuffer())
    writeFileSync(bodyFile, body)
    // The record's sizes as sent (they grow with the record), for the line's name.
    const recordBr = (
      await fetch(`${ours.url}/api/record`, { headers: { 'accept-encoding': 'br' } })
    ).headers.get('content-length')
    const recordBytes = (await (await fetch(`${ours.url}/api/record`)).arrayBuffer()).byteLength
    const bare = await startProcess(BARE_FASTIFY, { SMA_BENCH_BODY: bodyFile })
    servers.push(bare)
    const runs: Record<
      'bare' | 'bareBody' | 'health' | 'schedule' | 'notModified' | 'recordBr',
      number[]
    > = {
      bare: [],
      bareBody: [],
      health: [],
      schedule: [],
      notModified: [],
      recordBr: [],
    }
    for (let round = 0; round < ROUNDS; round++) {
      runs.bare.push(await throughput(`${bare.url}/`))
      runs.bareBody.push(await throughput(`${bare.url}/body`))
      runs.health.push(await throughput(`${ours.url}/api/health`))
      runs.schedule.push(await throughput(ours.url + SCHEDULE))
      runs.notModified.push(await throughput(ours.url + SCHEDULE, { 'if-none-match': etag }))
      runs.recordBr.push(await throughput(`${ours.url}/api/record`, { 'accept-encoding': 'br' }))
    }
    const bareRps = median(runs.bare)
    const share = (xs: number[]) => (100 * median(xs)) / bareRps
    const baseline = { what: 'bare Fastify GET /', value: bareRps, unit: 'req/s' }
    const spread = (xs: number[]) =>
      `median of ${ROUNDS} × ${SECONDS} s: ${xs.map((x) => x.toFixed(0)).join(', ')} req/s`
    await autocannon({ url: ours.url + SCHEDULE, connections: 4, amount: 500 })
    const fixed = await autocannon({
      url: ours.url + SCHEDULE,
      connections: CONNECTIONS,
      overallRate: 500,
      duration: 10,
    })
    return [
      {
        name: `bare Fastify GET / (${CONNECTIONS} connections): throughput`,
        value: bareRps,
        unit: 'req/s',
        note: spread(runs.bare),
      },
      {
        name: 'GET /api/health: share of bare Fastify',
        value: share(runs.health),
        unit: '%',
        target: 70,
        atLeast: true,
        baseline,
        note: spread(runs.health),
      },
      {
        name: 'GET schedule (rok-us-sma-12): share of bare Fastify',
        value: share(runs.schedule),
        unit: '%',
        target: 50,
        atLeast: true,
        baseline,
        note: spread(runs.schedule),
      },
      {
        name: `GET schedule: share of bare Fastify sending the same ${(body.length / 1024).toFixed(1)} KB`,
        value: (100 * median(runs.schedule)) / median(runs.bareBody),
        unit: '%',
        baseline: { what: 'bare Fastify GET /body', value: median(runs.bareBody), unit: 'req/s' },
        note: `what the app costs beyond sending the body; bare /body ${spread(runs.bareBody)}`,
      },
      {
        name: 'GET schedule with If-None-Match (304): share of bare',
        value: share(runs.notModified),
        unit: '%',
        baseline,
        note: spread(runs.notModified),
      },
      {
        name: `GET /api/record, brotli (${kb(Number(recordBr))} of ${kb(recordBytes)}): share of bare`,
        value: share(runs.recordBr),
        unit: '%',
        baseline,
        note: spread(runs.recordBr),
      },
      {
        name: 'GET schedule at 500 req/s: p50 latency',
        value: fixed.latency.p50,
        unit: 'ms',
        target: 20,
      },
      {
        name: 'GET schedule at 500 req/s: p99 latency',
        value: fixed.latency.p99,
        unit: 'ms',
        target: 20,
      },
      {
        name: 'GET schedule at 500 req/s: errors + non-2xx',
        value: fixed.errors + fixed.timeouts + fixed.non2xx,
        unit: 'count',
        target: 0,
      },
      {
        name: 'GET schedule at 500 req/s: achieved throughput',
        value: fixed.requests.average,
        unit: 'req/s',
        note: `${fixed.requests.total} requests in ${fixed.duration} s`,
      },
    ]
  } finally {
    for (const s of servers) await s.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
