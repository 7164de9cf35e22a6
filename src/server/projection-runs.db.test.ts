import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import {
  backtest,
  findShippedScenario,
  type BacktestResult,
  type ProjectionResult,
} from '../domain/projection/index.js'
import type { ProjectionRunCreated, ProjectionRunView } from '../contracts/projections.js'
import { PUBLIC_SCOPE } from '../domain/access/scope.js'
import { loadRecord, shippedSnapshot } from '../record/shipped-record.js'
import { ProjectionRuns } from '../services/projections/runs.js'
import { ProjectionPool } from '../services/projections/projection-pool.js'
import { RunQueue } from '../services/heavy-work/run-queue.js'
import {
  call,
  proposalSpec,
  testApp,
  TEST_NOW,
  type TestApp,
  type TestPrincipal,
} from './test-support.js'

const BODY = {
  agreement: 'rok-us-sma-12',
  paths: 3000,
  seed: 7,
  compare: [{ variant: 'defense-budget-rule' }],
}

async function start(t: TestApp, who: TestPrincipal, body: unknown): Promise<ProjectionRunCreated> {
  const res = await call(t, who, 'POST', '/api/projection-runs', body)
  expect(res.statusCode, res.body).toBe(201)
  const created = res.json<ProjectionRunCreated>()
  expect(res.headers.location).toBe(`/api/projection-runs/${created.run.id}`)
  return created
}

/** Polls a run until it is no longer running; returns every view seen. */
async function poll(t: TestApp, who: TestPrincipal, id: string): Promise<ProjectionRunView[]> {
  const seen: ProjectionRunView[] = []
  for (let i = 0; i < 2000; i++) {
    const res = await call(t, who, 'GET', `/api/projection-runs/${id}`)
    expect(res.statusCode, res.body).toBe(200)
    const run = res.json<{ run: ProjectionRunView }>().run
    seen.push(run)
    if (run.status !== 'running') return seen
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the run did not finish')
}

describe.each(testDialects())('stored projection runs on $name (issue 16)', (dialect) => {
  const t = testApp(() => dialect.open())

  it('stores a public run; opened by link it shows the figures of POST /api/projections', async () => {
    const anon = t.as('anonymous')
    const { run, cancelToken } = await start(t, anon, BODY)
    expect(run).toMatchObject({
      status: 'running',
      visibility: 'public',
      ownerParty: 'PUBLIC',
      engine: 'projection@3',
      pathsTotal: 3000,
      result: null,
    })
    expect(run.request.scenario).toBe('calibrated') // the default, named so a re-run is the same
    expect(cancelToken.length).toBeGreaterThanOrEqual(32)
    const done = (await poll(t, anon, run.id)).at(-1)
    expect(done).toMatchObject({ status: 'done', pathsDone: 3000, error: null })
    const direct = await call(t, anon, 'POST', '/api/projections', BODY)
    expect(done?.result).toEqual(direct.json<ProjectionResult>())
    // anyone opening the link sees the same run
    for (const who of ['US-viewer', 'KR-admin', 'PUBLIC-viewer']) {
      const again = await call(t, t.as(who), 'GET', `/api/projection-runs/${run.id}`)
      expect(again.json<{ run: ProjectionRunView }>().run).toEqual(done)
    }
    // re-running the stored request with its seed gives the same figures and digest
    const rerun = await start(t, t.as('US-analyst'), done?.request)
    const second = (await poll(t, anon, rerun.run.id)).at(-1)
    expect(second?.result).toEqual(done?.result)
    expect(second?.inputsDigest).toBe(done?.inputsDigest)
    expect(second?.id).not.toBe(done?.id)
  })

  it("a delegation member's own spec makes a run private to that party: a 404 like a missing one for others", async () => {
    const kr = t.as('KR-negotiator')
    const spec = { ...proposalSpec('private-run'), id: 'kr-draft-for-projection' }
    const { run } = await start(t, kr, { spec, paths: 500, seed: 1 })
    expect(run).toMatchObject({ visibility: 'private', ownerParty: 'KR' })
    await poll(t, kr, run.id)
    expect(
      (await call(t, t.as('KR-viewer'), 'GET', `/api/projection-runs/${run.id}`)).statusCode,
    ).toBe(200)
    const missing = await call(
      t,
      t.as('US-negotiator'),
      'GET',
      `/api/projection-runs/${randomUUID()}`,
    )
    expect(missing.statusCode).toBe(404)
    for (const who of ['anonymous', 'US-negotiator', 'US-admin', 'PUBLIC-viewer']) {
      const hidden = await call(t, t.as(who), 'GET', `/api/projection-runs/${run.id}`)
      expect(hidden.statusCode).toBe(404)
      expect(hidden.body).toBe(missing.body)
    }
    // a shipped scenario on a public agreement stays public, even for a delegation member
    const pub = await start(t, kr, {
      agreement: 'rok-us-sma-12',
      scenario: 'ar1',
      paths: 200,
      seed: 1,
    })
    expect(pub.run).toMatchObject({ visibility: 'public', ownerParty: 'PUBLIC' })
    // a scenario object is a private input too
    const ar1 = findShippedScenario('ar1')
    const own = await start(t, t.as('US-analyst'), {
      agreement: 'rok-us-sma-12',
      scenario: { ...ar1, id: 'us-view' },
      paths: 200,
      seed: 1,
    })
    expect(own.run).toMatchObject({ visibility: 'private', ownerParty: 'US' })
    expect((await call(t, kr, 'GET', `/api/projection-runs/${own.run.id}`)).statusCode).toBe(404)
    await Promise.all([poll(t, kr, pub.run.id), poll(t, t.as('US-analyst'), own.run.id)])
  })

  it('reports paths done of total while running, and its starter can cancel it', async () => {
    const anon = t.as('US-viewer') // a delegation account: anonymous users run ≤ 100,000 paths
    const { run, cancelToken } = await start(t, anon, {
      agreement: 'rok-us-sma-12',
      paths: 1_000_000,
      seed: 2,
    })
    let midway: ProjectionRunView | undefined
    for (let i = 0; i < 1500 && midway === undefined; i++) {
      const r = (await call(t, anon, 'GET', `/api/projection-runs/${run.id}`)).json<{
        run: ProjectionRunView
      }>().run
      if (r.pathsDone > 0 && r.pathsDone < r.pathsTotal) midway = r
      if (r.status !== 'running') break
      await new Promise((res) => setTimeout(res, 10))
    }
    expect(midway?.status).toBe('running')
    expect(midway?.pathsTotal).toBe(1_000_000)
    const url = `/api/projection-runs/${run.id}/cancel`
    const wrong = await call(t, anon, 'POST', url, { cancelToken: 'x'.repeat(32) })
    expect(wrong.statusCode).toBe(403)
    const cancelled = await call(t, anon, 'POST', url, { cancelToken })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json<{ run: ProjectionRunView }>().run).toMatchObject({
      status: 'cancelled',
      result: null,
    })
    expect((await call(t, anon, 'POST', url, { cancelToken })).statusCode).toBe(409)
  })

  it('answers problem+json for bad input, before storing anything', async () => {
    const anon = t.as('anonymous')
    const before = await t.store.db.selectFrom('projection_runs').select('id').execute()
    const cases: [unknown, number][] = [
      [{ agreement: 'rok-us-sma-99', paths: 10, seed: 1 }, 404],
      [{ paths: 10, seed: 1 }, 400],
      [{ agreement: 'rok-us-sma-12', scenario: 'nope', paths: 10, seed: 1 }, 400],
      [{ agreement: 'jp-us-sma-2022', compare: ['rok-us-sma-12'], paths: 10, seed: 1 }, 422],
    ]
    for (const [body, status] of cases) {
      const res = await call(t, anon, 'POST', '/api/projection-runs', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    // a ProjectionError answers Korean readers in Korean (detailKo), not with the web's fallback
    const mixed = await call(t, anon, 'POST', '/api/projection-runs', {
      agreement: 'jp-us-sma-2022',
      compare: ['rok-us-sma-12'],
      paths: 10,
      seed: 1,
    })
    const problem = mixed.json<{ detail: string; detailKo?: string }>()
    expect(problem.detail).toBe('cannot compare agreements in different currencies (JPY, KRW)')
    expect(problem.detailKo).toMatch(/[가-힣]/)
    expect(problem.detailKo).toBe('통화가 서로 다른 협정은 비교할 수 없습니다(JPY, KRW).')
    const after = await t.store.db.selectFrom('projection_runs').select('id').execute()
    expect(after).toHaveLength(before.length)
    expect((await call(t, anon, 'GET', '/api/projection-runs/not-a-uuid')).statusCode).toBe(400)
  })

  it('marks runs a stopped server left running as interrupted', async () => {
    const id = randomUUID()
    const at = TEST_NOW.toISOString()
    await t.store.db
      .insertInto('projection_runs')
      .values({
        id,
        owner_party: 'PUBLIC',
        visibility: 'public',
        status: 'running',
        request_json: JSON.stringify({
          agreement: 'rok-us-sma-12',
          paths: 10,
          seed: 1,
          compare: [],
        }),
        engine: 'projection@3',
        inputs_digest: 'x',
        paths_total: 10,
        paths_done: 0,
        cancel_token_hash: 'x',
        result_json: null,
        error: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        finished_at: null,
      })
      .execute()
    const pool = new ProjectionPool(1)
    const runs = new ProjectionRuns({
      db: t.store.db,
      now: () => TEST_NOW,
      pool: () => pool,
      queue: new RunQueue(2),
    })
    expect(await runs.recoverInterrupted()).toBeGreaterThanOrEqual(1)
    await pool.destroy()
    const r = await call(t, t.as('anonymous'), 'GET', `/api/projection-runs/${id}`)
    expect(r.json<{ run: ProjectionRunView }>().run.status).toBe('interrupted')
  })

  it('big runs wait in the server queue: position shown, cancelled while queued, then in order', async () => {
    // the server's only slot is held until the test lets it go: nothing depends on timing
    const queue = new RunQueue(1)
    let release!: () => void
    const blocker = queue.run('blocker', () => new Promise<void>((r) => (release = r)))
    const pool = new ProjectionPool(1)
    const runs = new ProjectionRuns({
      db: t.store.db,
      now: () => TEST_NOW,
      pool: () => pool,
      queue,
    })
    const who = { scope: PUBLIC_SCOPE, userId: null }
    const big = { agreement: 'rok-us-sma-12', paths: 60_000, seed: 7, compare: [] }
    try {
      const a = await runs.start(who, shippedSnapshot(), big)
      const b = await runs.start(who, shippedSnapshot(), { ...big, seed: 8 })
      const small = await runs.start(who, shippedSnapshot(), { ...big, paths: 1000 })
      expect([a.run.queuePosition, b.run.queuePosition]).toEqual([0, 1])
      // a small run computes on the calling thread at once, never queued
      expect(small.run.queuePosition).toBeNull()
      await runs.settled(small.run.id)
      expect((await runs.get(PUBLIC_SCOPE, small.run.id)).status).toBe('done')

      const cancelled = await runs.cancel(PUBLIC_SCOPE, a.run.id, a.cancelToken)
      expect(cancelled).toMatchObject({ status: 'cancelled', queuePosition: null, pathsDone: 0 })
      expect((await runs.get(PUBLIC_SCOPE, b.run.id)).queuePosition).toBe(0)
      expect(queue.running).toBe(1)

      release()
      await blocker
      await runs.settled(b.run.id)
      const done = await runs.get(PUBLIC_SCOPE, b.run.id)
      expect(done).toMatchObject({ status: 'done', queuePosition: null, pathsDone: 60_000 })
      // the cancelled run never computed
      expect((await runs.get(PUBLIC_SCOPE, a.run.id)).result).toBeNull()
    } finally {
      release()
      await runs.close()
      await pool.destroy()
    }
  })

  it('a run cancelled through another server on the same database stays cancelled', async () => {
    // two servers' stores of runs on one database; the run computes on `here` only
    const pool = new ProjectionPool(1)
    const here = new ProjectionRuns({
      db: t.store.db,
      now: () => TEST_NOW,
      pool: () => pool,
      queue: new RunQueue(2),
    })
    const there = new ProjectionRuns({
      db: t.store.db,
      now: () => TEST_NOW,
      pool: () => pool,
      queue: new RunQueue(2),
    })
    try {
      const who = { scope: PUBLIC_SCOPE, userId: null }
      const { run, cancelToken } = await here.start(who, shippedSnapshot(), {
        agreement: 'rok-us-sma-12',
        paths: 200_000,
        seed: 7,
        compare: [],
      })
      const cancelled = await there.cancel(PUBLIC_SCOPE, run.id, cancelToken)
      expect(cancelled.status).toBe('cancelled')
      // `here` stops (or finishes) its computation and leaves the mark alone: no result over it
      await here.settled(run.id)
      const row = await t.store.db
        .selectFrom('projection_runs')
        .select(['status', 'result_json'])
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ status: 'cancelled', result_json: null })
    } finally {
      await here.close()
      await pool.destroy()
    }
  })
})

describe('GET /api/projections/backtest', () => {
  const sqlite = testDialects()[0]
  if (!sqlite) throw new Error('no SQLite test dialect')
  const t = testApp(() => sqlite.open())

  it('is the JSON of sma project backtest, on the record the server holds', async () => {
    const res = await call(
      t,
      t.as('anonymous'),
      'GET',
      '/api/projections/backtest?series=KR_CPI&paths=2000',
    )
    expect(res.statusCode).toBe(200)
    const body = res.json<BacktestResult>()
    const scenario = findShippedScenario('calibrated')
    if (!scenario) throw new Error('no calibrated scenario')
    const local = backtest(scenario, loadRecord().indices, {
      series: 'KR_CPI',
      origins: { from: 2010, to: 2024 },
      horizons: 3,
      paths: 2000,
      seed: 1,
    })
    expect(body).toEqual(JSON.parse(JSON.stringify(local)))
    expect(body.coverage.band90.cases).toBe(42)
  })

  it('refuses a deterministic scenario and an empty range with problem+json', async () => {
    for (const q of ['scenario=baseline', 'from=2024&to=2010', 'series=KR_GDP', 'paths=5']) {
      const res = await call(t, t.as('anonymous'), 'GET', `/api/projections/backtest?${q}`)
      expect(res.statusCode, q).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })
})
