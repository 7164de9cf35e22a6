import { describe, expect, it } from 'vitest'
import { testDialects } from '../../db/test-harness.js'
import { publishedLookup } from '../../domain/index.js'
import { loadRecord } from '../../record/shipped-record.js'
import {
  DEFAULT_SCENARIO,
  defenseBudgetVariant,
  projectionResultSchema,
  type ProjectionResult,
} from '../../domain/projection/index.js'
import { resolveScenario } from '../../services/projections/request.js'
import { runProjection } from '../../services/projections/run-projection.js'
import { call, testApp } from '../test-support.js'

const sqlite = testDialects()[0]
if (!sqlite) throw new Error('no SQLite test dialect')

describe('POST /api/projections', () => {
  const t = testApp(() => sqlite.open())

  it('projects the 12th SMA against the defense-budget variant for anyone (same JSON as the CLI)', async () => {
    const res = await call(t, t.as('anonymous'), 'POST', '/api/projections', {
      agreement: 'rok-us-sma-12',
      paths: 60_000, // ≥ IN_THREAD_BELOW: runs on the route's worker pool
      seed: 1,
      compare: [{ variant: 'defense-budget-rule' }],
    })
    expect(res.statusCode).toBe(200)
    const body = projectionResultSchema.parse(res.json()) as ProjectionResult
    const years = body.projections[0]?.years ?? []
    expect(years.slice(0, 2).map((y) => y.exact)).toEqual(['1519200000000', '1551100000000'])
    expect(years.slice(2).every((y) => y.status === 'simulated' && y.capBinds !== null)).toBe(true)
    expect(body.comparisons[0]?.b).toBe('rok-us-sma-12-defense-budget-rule')
    expect(body.comparisons[0]?.total?.histogram.counts.length).toBeGreaterThan(5)

    const again = await call(t, t.as('anonymous'), 'POST', '/api/projections', {
      agreement: 'rok-us-sma-12',
      paths: 60_000,
      seed: 1,
      compare: [{ variant: 'defense-budget-rule' }],
    })
    expect(again.json()).toEqual(res.json())

    // the CLI's --json is runProjection's result: identical for the same request
    const record = loadRecord()
    const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
    if (!sma12) throw new Error('no 12th SMA')
    const cli = await runProjection(
      {
        specs: [sma12, defenseBudgetVariant(sma12)],
        scenario: resolveScenario(DEFAULT_SCENARIO), // what the API uses when none is named
        paths: 60_000,
        seed: 1,
      },
      { indices: record.indices, publishedOf: publishedLookup(record.agreements) },
      { workers: 0 },
    )
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(cli)))
  })

  it('accepts a draft spec and a scenario object; small runs stay in-thread', async () => {
    const spec = (await call(t, t.as('anonymous'), 'GET', '/api/agreements/rok-us-sma-12')).json<{
      agreement: Record<string, unknown>
    }>().agreement
    const scenario = (
      await import('../../../data/scenarios/high-inflation.json', { with: { type: 'json' } })
    ).default
    const res = await call(t, t.as('anonymous'), 'POST', '/api/projections', {
      spec: { ...spec, id: 'my-draft' },
      scenario,
      paths: 10,
      seed: 0,
    })
    expect(res.statusCode).toBe(200)
    const body = res.json<ProjectionResult>()
    expect(body.mode).toBe('deterministic')
    expect(body.projections[0]?.years[2]?.exact).toBe('1628700000000') // 5.1 % capped at 5 %
  })

  it('keeps the event loop free: other requests are answered while a long run computes', async () => {
    const anon = t.as('anonymous')
    let projected = false
    const long = call(t, anon, 'POST', '/api/projections', {
      agreement: 'rok-us-sma-12',
      paths: 1_000_000,
      seed: 3,
    }).then((r) => {
      projected = true
      return r
    })
    const health = await call(t, anon, 'GET', '/api/health')
    expect(health.statusCode).toBe(200)
    expect(projected).toBe(false) // answered while the projection was still running
    expect((await long).statusCode).toBe(200)
  })

  it('lists the shipped scenarios with their assumptions', async () => {
    const res = await call(t, t.as('anonymous'), 'GET', '/api/projections/scenarios')
    expect(res.statusCode).toBe(200)
    const body = res.json<{
      defaultScenario: string
      scenarios: { id: string; stochastic: boolean; scenario: { indices: unknown } }[]
    }>()
    // Issue 16: the backtested random walk is the default; the institutions' forecasts follow.
    expect(body.defaultScenario).toBe('calibrated')
    expect(body.scenarios.map((s) => [s.id, s.stochastic])).toEqual([
      ['calibrated', true],
      ['ar1', true],
      ['bootstrap', true],
      ['baseline', false],
      ['high-inflation', false],
      ['low-inflation', false],
      ['bok-2026-05', false],
      ['imf-2025-article-iv', false],
      ['mnd-midterm-2025-2029', false],
    ])
  })

  it('appears in the OpenAPI document', async () => {
    const res = await call(t, t.as('anonymous'), 'GET', '/api/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/projections', '/api/projections/scenarios']),
    )
  })

  it('answers problem+json for bad input', async () => {
    const anon = t.as('anonymous')
    const cases: [unknown, number][] = [
      [{ agreement: 'rok-us-sma-99', paths: 10, seed: 1 }, 404],
      [{ paths: 10, seed: 1 }, 400],
      [{ agreement: 'rok-us-sma-12', paths: 2_000_000, seed: 1 }, 400],
      [{ agreement: 'rok-us-sma-12', scenario: 'nope', paths: 10, seed: 1 }, 400],
      [{ agreement: 'rok-us-sma-12', compare: [{ variant: 'other' }], paths: 10, seed: 1 }, 400],
      [{ agreement: 'jp-us-sma-2022', compare: ['rok-us-sma-12'], paths: 10, seed: 1 }, 422],
    ]
    for (const [body, status] of cases) {
      const res = await call(t, anon, 'POST', '/api/projections', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(status)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })
})
