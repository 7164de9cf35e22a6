import { afterAll, describe, expect, it } from 'vitest'
import { publishedLookup } from '../../domain/index.js'
import { loadRecord } from '../../record/shipped-record.js'
import {
  defenseBudgetVariant,
  findShippedScenario,
  type ProjectionRequest,
} from '../../domain/projection/index.js'
import { ProjectionPool } from './projection-pool.js'
import { runProjection } from './run-projection.js'

const record = loadRecord()
const inputs = { indices: record.indices, publishedOf: publishedLookup(record.agreements) }
const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
const ar1 = findShippedScenario('ar1')
if (!sma12 || !ar1) throw new Error('record incomplete')
// 70,000 paths = 5 chunks (4 full + 1 partial): enough to spread over 4 threads.
const req: ProjectionRequest = {
  specs: [sma12, defenseBudgetVariant(sma12, 2027)],
  scenario: ar1,
  paths: 70_000,
  seed: 2026,
}

describe('runProjection', () => {
  const pools: ProjectionPool[] = []
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.destroy()))
  })

  it('gives the same result with 0 (in-thread), 1, 2 or 4 worker threads', async () => {
    const inThread = await runProjection(req, inputs, { workers: 0 })
    for (const threads of [1, 2, 4]) {
      const pool = new ProjectionPool(threads)
      pools.push(pool)
      expect(await runProjection(req, inputs, { pool })).toEqual(inThread)
    }
    expect(inThread.paths).toBe(70_000)
    expect(inThread.projections[0]?.years[1]?.exact).toBe('1551100000000')
  })

  it('reports progress up to the number of paths', async () => {
    const seen: number[] = []
    await runProjection(req, inputs, { workers: 0, onProgress: (done) => seen.push(done) })
    expect(seen).toEqual([16384, 32768, 49152, 65536, 70000])
  })

  it('is cancellable through an AbortSignal, in-thread and on workers', async () => {
    const ac = new AbortController()
    const inThread = runProjection(req, inputs, {
      workers: 0,
      signal: ac.signal,
      onProgress: () => {
        ac.abort()
      },
    })
    await expect(inThread).rejects.toMatchObject({ name: 'AbortError' })

    const ac2 = new AbortController()
    const pool = new ProjectionPool(1)
    pools.push(pool)
    const onWorkers = runProjection({ ...req, paths: 1_000_000 }, inputs, {
      pool,
      signal: ac2.signal,
    })
    ac2.abort()
    await expect(onWorkers).rejects.toMatchObject({ name: 'AbortError' })
    // the pool still works after a cancelled run
    expect((await runProjection(req, inputs, { pool })).paths).toBe(70_000)
  })
})
