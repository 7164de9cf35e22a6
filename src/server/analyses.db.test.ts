import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import {
  MIXED_DOMAIN_XML,
  MIXED_PROFILE_A_XML,
  MIXED_PROFILE_B_XML,
} from '../domain/bargaining/fixtures/genius-fixtures.js'
import { analysisSetup, call, OPEN_NEGOTIATION, packageSpec, testApp } from './test-support.js'

const krSetup = (): Record<string, unknown> => analysisSetup('KR')

interface Result {
  outcomes: number
  frontier: { utility: number[]; amount: string | null }[]
  nash: { utility: number[]; amount?: string | null } | null
  whose: string[]
  viewpoint: string
  measure: string
  cloud: number[][] | null
  proposals: {
    id: string
    title: string
    ownerParty: string
    visibility: string
    tabledAt: string | null
    amount: string
    utility: number[]
  }[]
}
interface Simulation {
  rounds: number
  roundsPlayed: number
  agreement: { bid: Record<string, string>; utility: number[]; amount: string | null } | null
  offerCounts: number[]
  offers: number[][][]
}

describe.each(testDialects())('bargaining analyses on $name', (dialect) => {
  const t = testApp(() => dialect.open())
  const N = `/api/negotiations/${OPEN_NEGOTIATION}`

  it('stores a party-private analysis, computes its result, hides it from the US', async () => {
    const kr = t.as('KR-analyst')
    const created = await call(t, kr, 'POST', `${N}/analyses`, {
      title: 'KR view of the 13th',
      setup: krSetup(),
    })
    expect(created.statusCode).toBe(201)
    const a = created.json<{ analysis: { id: string; etag: string; ownerParty: string } }>()
      .analysis
    expect(a.ownerParty).toBe('KR')
    expect(created.headers.etag).toBe(`"${a.etag}"`)

    const list = await call(t, t.as('KR-viewer'), 'GET', `${N}/analyses`)
    expect(list.json<{ analyses: { id: string }[] }>().analyses.map((x) => x.id)).toContain(a.id)

    const res = await call(t, t.as('KR-viewer'), 'GET', `${N}/analyses/${a.id}/result`)
    expect(res.statusCode).toBe(200)
    const r = res.json<Result>()
    expect(r.outcomes).toBe(48)
    expect(r.frontier).toHaveLength(11)
    expect(r.whose).toEqual(['own', 'estimate-of-other'])
    expect(r.viewpoint).toBe('KR')
    expect(r.measure).toBe('average-per-year')
    expect(r.cloud).toHaveLength(48)
    expect(r.nash?.utility[0]).toBeCloseTo(0.6094, 4)
    expect(r.nash?.amount).toMatch(/^\d+$/)
    for (const f of r.frontier) expect(f.amount).toMatch(/^\d+$/)

    // The US (any role) and the public: the same 404 as a missing id, absent from lists.
    const missing = await call(t, t.as('US-negotiator'), 'GET', `${N}/analyses/${randomUUID()}`)
    for (const key of ['US-viewer', 'US-negotiator', 'US-admin']) {
      const us = t.as(key)
      for (const suffix of ['', '/result']) {
        const hidden = await call(t, us, 'GET', `${N}/analyses/${a.id}${suffix}`)
        expect(hidden.statusCode).toBe(404)
        expect(hidden.body).toBe(missing.body)
      }
      const l = await call(t, us, 'GET', `${N}/analyses`)
      expect(l.json<{ analyses: unknown[] }>().analyses).toEqual([])
      const put = await call(
        t,
        us,
        'PUT',
        `${N}/analyses/${a.id}`,
        { title: 'x', setup: { ...krSetup(), viewpoint: 'US' } },
        { 'if-match': `"${a.etag}"` },
      )
      expect([403, 404]).toContain(put.statusCode)
    }
    expect((await call(t, t.as('PUBLIC-viewer'), 'GET', `${N}/analyses`)).statusCode).toBe(403)
    expect((await call(t, t.as('anonymous'), 'GET', `${N}/analyses`)).statusCode).toBe(401)
  })

  it('updates with If-Match (412 stale, 428 missing) and audits privately', async () => {
    const kr = t.as('KR-negotiator')
    const a = (await call(t, kr, 'POST', `${N}/analyses`, { title: 'v1', setup: krSetup() })).json<{
      analysis: { id: string; etag: string }
    }>().analysis
    const url = `${N}/analyses/${a.id}`
    const body = { title: 'v2', setup: { ...krSetup(), measure: 'total' } }
    expect((await call(t, kr, 'PUT', url, body)).statusCode).toBe(428)
    const ok = await call(t, kr, 'PUT', url, body, { 'if-match': `"${a.etag}"` })
    expect(ok.statusCode).toBe(200)
    expect(ok.json<{ analysis: { title: string } }>().analysis.title).toBe('v2')
    const stale = await call(t, kr, 'PUT', url, body, { 'if-match': `"${a.etag}"` })
    expect(stale.statusCode).toBe(412)
    expect(stale.json<{ currentETag: string }>().currentETag).toBe(
      ok.json<{ analysis: { etag: string } }>().analysis.etag,
    )
    const got = await call(t, kr, 'GET', url)
    expect(got.json<{ analysis: { setup: { measure: string } } }>().analysis.setup.measure).toBe(
      'total',
    )
    const audit = await call(t, t.as('KR-admin'), 'GET', '/api/audit?limit=1000')
    const entries = audit.json<{ entries: { action: string; visibility: string }[] }>().entries
    const mine = entries.filter((e) => e.action.startsWith('analysis.'))
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['analysis.update']))
    expect(mine.every((e) => e.visibility === 'private')).toBe(true)
    const usAudit = await call(t, t.as('US-admin'), 'GET', '/api/audit?limit=1000')
    expect(usAudit.body).not.toContain('analysis.')
  })

  it("rejects a viewpoint other than the author's party, oversized spaces and viewers' writes", async () => {
    const kr = t.as('KR-analyst')
    for (const viewpoint of ['US', 'neutral']) {
      const r = await call(t, kr, 'POST', `${N}/analyses`, {
        title: 'x',
        setup: { ...krSetup(), viewpoint },
      })
      expect(r.statusCode).toBe(400)
      expect(r.json<{ errors: { pointer: string }[] }>().errors[0]?.pointer).toBe(
        '/setup/viewpoint',
      )
    }
    const big = krSetup()
    big.issues = [
      { lever: 'firstYearIncreasePct', values: Array.from({ length: 100 }, (_, i) => `${i}`) },
      { lever: 'capPct', values: Array.from({ length: 100 }, (_, i) => `${i}`) },
    ]
    const r = await call(t, kr, 'POST', `${N}/analyses`, { title: 'x', setup: big })
    expect(r.statusCode).toBe(400)
    const viewer = await call(t, t.as('KR-viewer'), 'POST', `${N}/analyses`, {
      title: 'x',
      setup: krSetup(),
    })
    expect(viewer.statusCode).toBe(403)
  })

  it('answers 422 for a setup that cannot be priced', async () => {
    const kr = t.as('KR-analyst')
    const setup = { ...krSetup(), assumptions: [] }
    const a = (await call(t, kr, 'POST', `${N}/analyses`, { title: 'pending', setup })).json<{
      analysis: { id: string }
    }>().analysis
    const r = await call(t, kr, 'GET', `${N}/analyses/${a.id}/result`)
    expect(r.statusCode).toBe(422)
    expect(r.headers['content-type']).toContain('application/problem+json')
    expect(r.json<{ detail: string }>().detail).toContain('pending')
    // the Korean page shows detailKo: the package and the index value to assume, in Korean
    expect(r.json<{ detailKo: string }>().detailKo).toMatch(
      /^패키지 ".+"의 금액이 미확정입니다\. 지수 가정\(.+\)을 추가하십시오\.$/,
    )
    const unknown = await call(t, kr, 'POST', '/api/analysis/run', {
      ...krSetup(),
      baseAgreement: 'no-such-agreement',
    })
    expect(unknown.statusCode).toBe(422)
  })

  it('runs a setup without storing it (own viewpoint or neutral)', async () => {
    const us = t.as('US-analyst')
    const neutral = await call(t, us, 'POST', '/api/analysis/run', {
      ...krSetup(),
      viewpoint: 'neutral',
    })
    expect(neutral.statusCode).toBe(200)
    expect(neutral.json<Result>().whose).toEqual(['neutral', 'neutral'])
    const own = await call(t, us, 'POST', '/api/analysis/run', { ...krSetup(), viewpoint: 'US' })
    expect(own.json<Result>().whose).toEqual(['estimate-of-other', 'own'])
    const other = await call(t, us, 'POST', '/api/analysis/run', krSetup())
    expect(other.statusCode).toBe(400)
    expect(
      (await call(t, t.as('US-viewer'), 'POST', '/api/analysis/run', krSetup())).statusCode,
    ).toBe(403)
    expect(
      (await call(t, t.as('anonymous'), 'POST', '/api/analysis/run', krSetup())).statusCode,
    ).toBe(401)
  })

  it('analyses GENIUS texts for anyone, with clear 4xx on bad input', async () => {
    const body = {
      format: 'genius',
      domain: MIXED_DOMAIN_XML,
      profileA: MIXED_PROFILE_A_XML,
      profileB: MIXED_PROFILE_B_XML,
    }
    const r = await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', body)
    expect(r.statusCode).toBe(200)
    const j = r.json<Result & { profiles: string[] }>()
    expect(j.profiles).toEqual(['A', 'B'])
    expect(j.cloud).toHaveLength(j.outcomes)
    const bad = await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', {
      ...body,
      domain: '<negotiation_template><utility_space>',
    })
    expect(bad.statusCode).toBe(422)
    const badProblem = bad.json<{ detail: string; detailKo: string }>()
    expect(badProblem.detail).toMatch(/^GENIUS domain is not well-formed XML/)
    expect(badProblem.detailKo).toMatch(/^GENIUS 도메인: \d+행의 XML 형식이 올바르지 않습니다/)
    const web = await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', {
      ...body,
      format: 'geniusweb',
    })
    expect(web.statusCode).toBe(422)
    expect(web.json<{ detailKo: string }>().detailKo).toMatch(
      /^GeniusWeb 도메인: JSON 형식이 올바르지 않습니다/,
    )
  })

  it('analyses GENIUS texts under the GENIUS 10.4 convention on request', async () => {
    const body = {
      format: 'genius',
      domain: MIXED_DOMAIN_XML,
      profileA: MIXED_PROFILE_A_XML,
      profileB: MIXED_PROFILE_B_XML,
    }
    const plain = (await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', body)).json<
      Result & { convention: string; tolerance: number; outcomes: number }
    >()
    expect(plain.convention).toBe('sma-desk')
    const r = await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', {
      ...body,
      convention: 'genius',
    })
    expect(r.statusCode).toBe(200)
    const g = r.json<Result & { convention: string; tolerance: number; outcomes: number }>()
    expect(g.convention).toBe('genius')
    expect(g.tolerance).toBe(0)
    // a real issue has 21 values under GENIUS's convention (11 by default)
    expect(g.outcomes).toBe((plain.outcomes / 11) * 21)
    const bad = await call(t, t.as('anonymous'), 'POST', '/api/analysis/genius', {
      ...body,
      convention: 'negmas',
    })
    expect(bad.statusCode).toBe(400)
  })

  it("places visible proposals of the base agreement on the plane, never the other party's drafts", async () => {
    const kr = t.as('KR-negotiator')
    const a = (
      await call(t, kr, 'POST', `${N}/analyses`, { title: 'trajectory', setup: krSetup() })
    ).json<{ analysis: { id: string } }>().analysis
    const url = `${N}/analyses/${a.id}/result`
    const before = (await call(t, kr, 'GET', url)).json<Result>()
    const target = before.frontier[Math.floor(before.frontier.length / 2)]
    if (!target) throw new Error('no frontier')
    const bid = (target as unknown as { bid: Record<string, string> }).bid
    const values = {
      firstYearIncreasePct: String(bid.firstYearIncreasePct),
      capPct: String(bid.capPct),
      termYears: String(bid.termYears),
      series: String(bid.series),
    }
    const usSecret = `US-SECRET-${randomUUID()}`
    const usDraft = await call(t, t.as('US-negotiator'), 'POST', `${N}/proposals`, {
      title: usSecret,
      visibility: 'private',
      spec: packageSpec(values, usSecret),
    })
    expect(usDraft.statusCode).toBe(201)
    const tabled = await call(t, kr, 'POST', `${N}/proposals`, {
      title: 'KR tables the middle package',
      visibility: 'shared',
      spec: packageSpec(values),
    })
    expect(tabled.statusCode).toBe(201)
    const own = await call(t, t.as('KR-analyst'), 'POST', `${N}/proposals`, {
      title: 'KR draft',
      visibility: 'private',
      spec: packageSpec({ ...values, capPct: '4' }),
    })
    expect(own.statusCode).toBe(201)

    const res = await call(t, t.as('KR-viewer'), 'GET', url)
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain(usSecret)
    const r = res.json<Result>()
    const tabledId = tabled.json<{ id: string }>().id
    const ids = r.proposals.map((p) => p.id)
    expect(ids).toContain(tabledId)
    expect(ids).toContain(own.json<{ id: string }>().id)
    expect(ids).not.toContain(usDraft.json<{ id: string }>().id)
    // tabled ones first, in tabling order; drafts after
    const firstDraft = r.proposals.findIndex((p) => p.tabledAt === null)
    expect(r.proposals.slice(firstDraft).every((p) => p.tabledAt === null)).toBe(true)
    const placed = r.proposals.find((p) => p.id === tabledId)
    expect(placed?.visibility).toBe('shared')
    expect(placed?.ownerParty).toBe('KR')
    expect(placed?.amount).toBe(target.amount)
    expect(placed?.utility[0]).toBeCloseTo(target.utility[0] ?? NaN, 9)
    expect(placed?.utility[1]).toBeCloseTo(target.utility[1] ?? NaN, 9)
    // a cap between the setup's values is priced exactly and scored by the nearest value
    const draft = r.proposals.find((p) => p.title === 'KR draft')
    expect(draft?.amount).toMatch(/^\d+$/)

    // the US sees its own draft on its own analysis, never KR's drafts
    const us = t.as('US-analyst')
    const ua = (
      await call(t, us, 'POST', `${N}/analyses`, { title: 'US', setup: analysisSetup('US') })
    ).json<{ analysis: { id: string } }>().analysis
    const ur = await call(t, us, 'GET', `${N}/analyses/${ua.id}/result`)
    expect(ur.statusCode).toBe(200)
    expect(ur.body).toContain(usSecret)
    expect(ur.body).not.toContain('KR draft')
    expect(ur.json<Result>().proposals.map((p) => p.id)).toContain(tabledId)
  })

  it('simulates offers on the package space for the own party only', async () => {
    const kr = t.as('KR-viewer')
    const a = (
      await call(t, t.as('KR-analyst'), 'POST', `${N}/analyses`, { title: 'sim', setup: krSetup() })
    ).json<{ analysis: { id: string } }>().analysis
    const url = `${N}/analyses/${a.id}/simulate`
    const body = { strategyA: 'boulware', strategyB: 'conceder', rounds: 2000, seed: 7 }
    const res = await call(t, kr, 'POST', url, body)
    expect(res.statusCode).toBe(200)
    const s = res.json<Simulation>()
    expect(s.rounds).toBe(2000)
    expect(s.agreement).not.toBeNull()
    expect(s.agreement?.amount).toMatch(/^\d+$/)
    expect(s.offers).toHaveLength(2)
    for (const side of s.offers) {
      expect(side.length).toBeGreaterThan(0)
      expect(side.length).toBeLessThanOrEqual(500)
      for (const p of side) expect(p).toHaveLength(2)
    }
    expect(s.offerCounts[0]).toBeGreaterThanOrEqual(s.offers[0]?.length ?? 0)
    // deterministic for a seed
    expect((await call(t, kr, 'POST', url, body)).body).toBe(res.body)
    const hard = await call(t, kr, 'POST', url, {
      strategyA: 'hardliner',
      strategyB: 'hardliner',
      rounds: 30,
      seed: 1,
    })
    expect(hard.json<Simulation>().agreement).toBeNull()
    expect(hard.json<Simulation>().offerCounts).toEqual([30, 30])
    for (const bad of [
      { ...body, rounds: 2001 },
      { ...body, strategyA: 'time:0.5' },
      { ...body, seed: -1 },
      { ...body, extra: 1 },
    ]) {
      expect((await call(t, kr, 'POST', url, bad)).statusCode).toBe(400)
    }
    const dated = await call(t, kr, 'POST', url, { ...body, roundDays: 7 })
    expect([200, 422]).toContain(dated.statusCode)
    const missing = await call(
      t,
      t.as('US-negotiator'),
      'POST',
      `${N}/analyses/${randomUUID()}/simulate`,
      body,
    )
    const hidden = await call(t, t.as('US-negotiator'), 'POST', url, body)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.body).toBe(missing.body)
    expect((await call(t, t.as('PUBLIC-viewer'), 'POST', url, body)).statusCode).toBe(403)
  })
})
