import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { migrateToLatest } from '../src/db/migrate.js'
import { openDatabase } from '../src/db/open.js'
import { buildApp } from '../src/server/app.js'
import { seedIfEmpty } from '../src/services/seed.js'
import type { BenchResult } from './bench-result.js'

/**
 * API under a fixed load: GET /api/agreements/rok-us-sma-12/schedule at 500 requests/s for
 * 10 s on loopback (a seeded SQLite file, synchronous=FULL, the global rate limit off). Reports
 * p50/p99 latency and the error count. Loopback only; never point this at another host.
 */
export async function runApiBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sma-bench-'))
  const store = openDatabase(join(dir, 'bench.db'))
  await migrateToLatest(store.db, 'sqlite')
  await seedIfEmpty(store)
  const app = await buildApp({ store, logger: false, rateLimitPerMinute: 0, webDist: null })
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const url = `http://127.0.0.1:${address.port}/api/agreements/rok-us-sma-12/schedule`
    // Warm-up (JIT, spec cache).
    await autocannon({ url, connections: 4, amount: 500 })
    const r = await autocannon({ url, connections: 20, overallRate: 500, duration: 10 })
    const errors = r.errors + r.timeouts + r.non2xx
    return [
      {
        name: 'GET schedule at 500 req/s: p50 latency',
        value: r.latency.p50,
        unit: 'ms',
        target: 20,
      },
      {
        name: 'GET schedule at 500 req/s: p99 latency',
        value: r.latency.p99,
        unit: 'ms',
        target: 100,
      },
      {
        name: 'GET schedule at 500 req/s: errors + non-2xx',
        value: errors,
        unit: 'count',
        target: 0,
      },
      {
        name: 'GET schedule at 500 req/s: achieved throughput',
        value: r.requests.average,
        unit: 'req/s',
        note: `${r.requests.total} requests in ${r.duration} s`,
      },
    ]
  } finally {
    await app.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
