import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { call, OPEN_NEGOTIATION, proposalSpec, testApp } from './test-support.js'

const N = `/api/negotiations/${OPEN_NEGOTIATION}`

interface View {
  id: string
  state: string
  revises: string | null
  revisedBy: string[]
  withdrawnAt: string | null
  rejection: { reason: string; at: string; by: { party: string; role: string } | null } | null
  acceptedBy: string[]
}

describe.each(testDialects())('proposal states on $name (issue 11)', (dialect) => {
  const t = testApp(() => dialect.open())

  it('tables, rejects with a reason, revises, withdraws and accepts, as both parties see it', async () => {
    const kr = t.as('KR-negotiator')
    const us = t.as('US-negotiator')
    const list = async (who: typeof kr): Promise<Map<string, View>> =>
      new Map(
        (await call(t, who, 'GET', `${N}/proposals`))
          .json<{ proposals: View[] }>()
          .proposals.map((p) => [p.id, p]),
      )
    const create = async (body: Record<string, unknown>): Promise<string> => {
      const r = await call(t, kr, 'POST', `${N}/proposals`, {
        title: 'KR offer',
        spec: proposalSpec('states'),
        ...body,
      })
      expect(r.statusCode).toBe(201)
      return r.json<{ id: string }>().id
    }
    const first = await create({ visibility: 'private' })
    expect((await list(kr)).get(first)?.state).toBe('draft')
    expect((await list(us)).has(first)).toBe(false)
    // nothing but tabling applies to a draft
    expect((await call(t, kr, 'POST', `${N}/proposals/${first}/withdraw`)).statusCode).toBe(409)
    expect(
      (await call(t, us, 'POST', `${N}/proposals/${first}/reject`, { reason: 'x' })).statusCode,
    ).toBe(404)
    expect((await call(t, kr, 'POST', `${N}/proposals/${first}/table`)).statusCode).toBe(200)

    // KR may not reject its own text; the reason is bounded; the US rejects with a reason
    const own = await call(t, kr, 'POST', `${N}/proposals/${first}/reject`, { reason: 'no' })
    expect(own.statusCode).toBe(409)
    expect(own.json<{ detailKo?: string }>().detailKo).toMatch(/상대 측/)
    for (const reason of ['', ' ', 'x'.repeat(2001)])
      expect(
        (await call(t, us, 'POST', `${N}/proposals/${first}/reject`, { reason })).statusCode,
      ).toBe(400)
    const rej = await call(t, us, 'POST', `${N}/proposals/${first}/reject`, {
      reason: 'The first-year increase is too low.',
    })
    expect(rej.statusCode).toBe(200)
    expect((await call(t, us, 'POST', `${N}/proposals/${first}/accept`)).statusCode).toBe(409)
    expect((await call(t, kr, 'POST', `${N}/proposals/${first}/withdraw`)).statusCode).toBe(409)
    for (const who of [kr, us]) {
      expect((await list(who)).get(first)).toMatchObject({
        state: 'rejected',
        rejection: {
          reason: 'The first-year increase is too low.',
          by: { party: 'US', role: 'negotiator' },
        },
      })
    }

    // a revision of the rejected text; while it is a draft, nobody sees the first as revised
    const second = await create({ visibility: 'private', revises: first })
    expect((await list(kr)).get(first)?.revisedBy).toEqual([])
    expect((await call(t, kr, 'POST', `${N}/proposals/${second}/table`)).statusCode).toBe(200)
    for (const who of [kr, us]) expect((await list(who)).get(first)?.revisedBy).toEqual([second])

    // a third tabled and withdrawn by its owner (the US may not withdraw it)
    const third = await create({ visibility: 'shared', revises: second })
    expect((await call(t, us, 'POST', `${N}/proposals/${third}/withdraw`)).statusCode).toBe(409)
    const wd = await call(t, kr, 'POST', `${N}/proposals/${third}/withdraw`)
    expect(wd.json()).toMatchObject({ state: 'withdrawn' })
    expect((await list(us)).get(third)?.state).toBe('withdrawn')
    // a withdrawn or draft proposal cannot be revised
    expect(
      (
        await call(t, kr, 'POST', `${N}/proposals`, {
          title: 'x',
          visibility: 'private',
          spec: proposalSpec('x'),
          revises: third,
        })
      ).statusCode,
    ).toBe(409)

    // the US accepts the second; KR joins its own accepted text: concluded
    expect((await call(t, us, 'POST', `${N}/proposals/${second}/accept`)).json()).toMatchObject({
      concluded: false,
    })
    expect((await list(kr)).get(second)).toMatchObject({ state: 'accepted', acceptedBy: ['US'] })
    expect(
      (await call(t, us, 'POST', `${N}/proposals/${second}/reject`, { reason: 'late' })).statusCode,
    ).toBe(409)
    expect((await call(t, kr, 'POST', `${N}/proposals/${second}/accept`)).json()).toMatchObject({
      concluded: true,
    })
  })

  it('answers a template continuing the 12th SMA over 2031–2035, and refuses a bad term', async () => {
    const anon = t.as('anonymous')
    const r = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/template?firstYear=2031&lastYear=2035&increasePct=5',
    )
    expect(r.statusCode).toBe(200)
    const body = r.json<{
      spec: { term: { firstYear: number; lastYear: number }; rules: { kind: string }[] }
      basedOn: { agreement: string; year: number }
    }>()
    expect(body.spec.term).toMatchObject({ firstYear: 2031, lastYear: 2035 })
    expect(body.basedOn).toMatchObject({ agreement: 'rok-us-sma-12', year: 2030 })
    expect(body.spec.rules.map((x) => x.kind)).toEqual(['negotiated-increase', 'index-linked'])
    // the template is a valid proposal spec: a KR draft stores it as it is
    const draft = await call(t, t.as('KR-analyst'), 'POST', `${N}/proposals`, {
      title: '2031–2035',
      visibility: 'private',
      spec: body.spec,
    })
    expect(draft.statusCode).toBe(201)
    const bad = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/template?firstYear=2029&lastYear=2033',
    )
    expect(bad.statusCode).toBe(422)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(
      (await call(t, anon, 'GET', '/api/agreements/no-such/template?firstYear=2031&lastYear=2035'))
        .statusCode,
    ).toBe(404)
  })
})
