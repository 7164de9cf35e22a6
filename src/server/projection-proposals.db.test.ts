import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import type { ProjectionRunCreated, ProjectionRunView } from '../contracts/projections.js'
import type { ProjectionResult } from '../domain/projection/index.js'
import {
  call,
  OPEN_NEGOTIATION,
  proposalSpec,
  testApp,
  type TestApp,
  type TestPrincipal,
} from './test-support.js'

const N = `/api/negotiations/${OPEN_NEGOTIATION}`

async function finished(t: TestApp, who: TestPrincipal, id: string): Promise<ProjectionRunView> {
  for (let i = 0; i < 2000; i++) {
    const run = (await call(t, who, 'GET', `/api/projection-runs/${id}`)).json<{
      run: ProjectionRunView
    }>().run
    if (run.status !== 'running') return run
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the run did not finish')
}

describe.each(testDialects())('projections of proposals on $name (issue 11)', (dialect) => {
  const t = testApp(() => dialect.open())

  it('projects a proposal by reference against the 12th SMA; a run over a draft is private', async () => {
    const kr = t.as('KR-negotiator')
    const us = t.as('US-negotiator')
    const created = await call(t, kr, 'POST', `${N}/proposals`, {
      title: 'KR private draft',
      visibility: 'private',
      spec: proposalSpec('projected'),
    })
    expect(created.statusCode, created.body).toBe(201)
    const draft = created.json<{ id: string }>().id
    const ref = { negotiation: OPEN_NEGOTIATION, proposal: draft }
    const body = { proposal: ref, compare: ['rok-us-sma-12'], paths: 2000, seed: 3 }

    // the same figures as projecting the spec itself: the reference only says where it comes from
    const direct = await call(t, kr, 'POST', '/api/projections', body)
    expect(direct.statusCode, direct.body).toBe(200)
    const bySpec = await call(t, kr, 'POST', '/api/projections', {
      spec: proposalSpec('projected'),
      compare: ['rok-us-sma-12'],
      paths: 2000,
      seed: 3,
    })
    const r = direct.json<ProjectionResult>()
    expect(r).toEqual(bySpec.json<ProjectionResult>())
    expect(r.projections).toHaveLength(2)
    expect(r.comparisons).toHaveLength(1)

    const start = await call(t, kr, 'POST', '/api/projection-runs', body)
    expect(start.statusCode, start.body).toBe(201)
    const { run } = start.json<ProjectionRunCreated>()
    expect(run).toMatchObject({ visibility: 'private', ownerParty: 'KR' })
    expect(run.request.proposal).toEqual(ref)
    const done = await finished(t, kr, run.id)
    expect(done.status).toBe('done')
    expect(done.result).toEqual(r)
    // the other delegation and the public see neither the run nor the draft through it
    for (const who of [us, t.as('anonymous'), t.as('PUBLIC-viewer')]) {
      expect((await call(t, who, 'GET', `/api/projection-runs/${run.id}`)).statusCode).toBe(404)
      for (const path of ['/api/projections', '/api/projection-runs']) {
        const res = await call(t, who, 'POST', path, body)
        expect(res.statusCode).toBe(404)
        expect(res.body).not.toContain('projected')
      }
    }
    // as a comparison target too, and against an agreement as the primary
    const asCompare = await call(t, us, 'POST', '/api/projections', {
      agreement: 'rok-us-sma-12',
      compare: [ref],
      paths: 100,
    })
    expect(asCompare.statusCode).toBe(404)
  })

  it('refuses a request naming two primaries', async () => {
    const res = await call(t, t.as('KR-negotiator'), 'POST', '/api/projections', {
      agreement: 'rok-us-sma-12',
      proposal: { negotiation: OPEN_NEGOTIATION, proposal: 'p-x' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json<{ detailKo?: string }>().detailKo).toMatch(/하나만/)
  })

  it('makes a run over a tabled proposal private to the delegation that started it', async () => {
    const kr = t.as('KR-negotiator')
    const us = t.as('US-negotiator')
    const created = await call(t, kr, 'POST', `${N}/proposals`, {
      title: 'KR tabled',
      visibility: 'shared',
      spec: proposalSpec('tabled'),
    })
    expect(created.statusCode, created.body).toBe(201)
    const ref = { negotiation: OPEN_NEGOTIATION, proposal: created.json<{ id: string }>().id }
    const start = await call(t, us, 'POST', '/api/projection-runs', {
      agreement: 'rok-us-sma-12',
      compare: [ref],
      paths: 500,
    })
    expect(start.statusCode, start.body).toBe(201)
    const { run } = start.json<ProjectionRunCreated>()
    expect(run).toMatchObject({ visibility: 'private', ownerParty: 'US' })
    await finished(t, us, run.id)
    expect((await call(t, kr, 'GET', `/api/projection-runs/${run.id}`)).statusCode).toBe(404)
  })
})
