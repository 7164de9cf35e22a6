import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { computeSchedule } from '../cli/commands/schedule.js'
import { verifyAuditChain } from '../services/audit.js'
import {
  buildTestApp,
  call,
  OPEN_NEGOTIATION,
  positionBody,
  proposalSpec,
  testApp,
} from './test-support.js'

const N = `/api/negotiations/${OPEN_NEGOTIATION}`

describe.each(testDialects())('negotiation workflow on $name', (dialect) => {
  const t = testApp(() => dialect.open())

  it('serves the record: agreements list and the 12th SMA schedule, identical to the CLI', async () => {
    const anon = t.as('anonymous')
    const list = (await call(t, anon, 'GET', '/api/agreements')).json<{
      agreements: { id: string }[]
    }>()
    const ids = list.agreements.map((a) => a.id)
    for (let i = 1; i <= 12; i++) expect(ids).toContain(`rok-us-sma-${String(i).padStart(2, '0')}`)
    expect(ids.some((id) => id.startsWith('jp-us-sma-'))).toBe(true)
    const res = await call(t, anon, 'GET', '/api/agreements/rok-us-sma-12/schedule')
    expect(res.statusCode).toBe(200)
    const body = res.json<{ years: { year: number; amount: string | null }[] }>()
    expect(body.years.find((y) => y.year === 2027)?.amount).toBe('1551100000000')
    const cli = await computeSchedule('rok-us-sma-12', [], {})
    expect(body).toEqual(
      JSON.parse(JSON.stringify({ ...cli.schedule, revisionId: cli.revisionId })),
    )
    const whatIf = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/schedule?index=KR_CPI:2025=7.3',
    )
    expect(whatIf.json<{ years: { year: number; amount: string }[] }>().years[1]?.amount).not.toBe(
      '1551100000000',
    )
    const bad = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/schedule?index=KR_CPI:20x5=1',
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
  })

  it('uses an index value added through the API at once', async () => {
    const analyst = t.as('KR-analyst')
    const before = (await call(t, analyst, 'GET', '/api/agreements/rok-us-sma-12/schedule')).json<{
      years: { year: number; status: string }[]
    }>()
    expect(before.years.find((y) => y.year === 2028)?.status).toBe('pending')
    const add = await call(t, analyst, 'POST', '/api/indices/KR_CPI/values', {
      period: 2026,
      value: '2.4',
      vintage: 'first release',
      releasedOn: '2026-12-31',
      sources: ['https://kostat.go.kr/cpi-2026'],
    })
    expect(add.statusCode).toBe(201)
    const after = (await call(t, analyst, 'GET', '/api/agreements/rok-us-sma-12/schedule')).json<{
      years: { year: number; status: string; amount: string }[]
    }>()
    expect(after.years.find((y) => y.year === 2028)).toMatchObject({
      status: 'computed',
      amount: '1588300000000',
    })
    expect(
      (await call(t, t.as('KR-viewer'), 'POST', '/api/indices/KR_CPI/values', {})).statusCode,
    ).toBe(403)
  })

  it('keeps positions and drafts private to the party, shares tabled proposals', async () => {
    const krA = t.as('KR-analyst')
    const krN = t.as('KR-negotiator')
    const usN = t.as('US-negotiator')
    const pos = await call(t, krA, 'POST', `${N}/positions`, positionBody('secret-pos'))
    expect(pos.statusCode).toBe(201)
    const posId = pos.json<{ position: { id: string } }>().position.id
    const draft = await call(t, krA, 'POST', `${N}/proposals`, {
      title: 'KR draft secret-draft',
      visibility: 'private',
      spec: proposalSpec('secret-draft'),
    })
    expect(draft.statusCode).toBe(201)
    const draftId = draft.json<{ id: string }>().id

    // The other party: the same 404 as for an id that does not exist, and absent from lists.
    const missingPos = await call(
      t,
      usN,
      'GET',
      `${N}/positions/00000000-0000-4000-8000-000000000000`,
    )
    const hiddenPos = await call(t, usN, 'GET', `${N}/positions/${posId}`)
    expect(hiddenPos.statusCode).toBe(404)
    expect(hiddenPos.body).toBe(missingPos.body)
    const missingProp = await call(
      t,
      usN,
      'GET',
      `${N}/proposals/00000000-0000-4000-8000-000000000000`,
    )
    const hiddenProp = await call(t, usN, 'GET', `${N}/proposals/${draftId}`)
    expect(hiddenProp.statusCode).toBe(404)
    expect(hiddenProp.body).toBe(missingProp.body)
    expect((await call(t, usN, 'GET', `${N}/positions`)).body).not.toContain(posId)
    expect((await call(t, usN, 'GET', `${N}/proposals`)).body).not.toContain(draftId)
    // A colleague sees both.
    expect((await call(t, krN, 'GET', `${N}/positions/${posId}`)).statusCode).toBe(200)
    expect((await call(t, krN, 'GET', `${N}/proposals`)).body).toContain(draftId)

    // Tabling shares it with both delegations (not with the public).
    expect((await call(t, krN, 'POST', `${N}/proposals/${draftId}/table`)).statusCode).toBe(200)
    expect((await call(t, usN, 'GET', `${N}/proposals/${draftId}`)).statusCode).toBe(200)
    expect((await call(t, t.as('anonymous'), 'GET', `${N}/proposals/${draftId}`)).statusCode).toBe(
      404,
    )
    // Tabled proposals are immutable.
    const edit = await call(
      t,
      krA,
      'PUT',
      `${N}/proposals/${draftId}`,
      { title: 'x', spec: proposalSpec('x') },
      { 'if-match': '"whatever"' },
    )
    expect(edit.statusCode).toBe(409)
  })

  it('concludes only on mutual acceptance of one revision, enters into force after both domestic procedures', async () => {
    const krN = t.as('KR-negotiator')
    const usN = t.as('US-negotiator')
    const krProp = await call(t, krN, 'POST', `${N}/proposals`, {
      title: 'KR offer',
      visibility: 'shared',
      spec: proposalSpec('kr-offer'),
    })
    const usProp = await call(t, usN, 'POST', `${N}/proposals`, {
      title: 'US offer',
      visibility: 'shared',
      spec: proposalSpec('us-offer'),
    })
    const krId = krProp.json<{ id: string }>().id
    const usId = usProp.json<{ id: string }>().id
    expect((await call(t, krN, 'POST', `${N}/proposals/${krId}/accept`)).json()).toMatchObject({
      concluded: false,
    })
    expect((await call(t, usN, 'POST', `${N}/proposals/${usId}/accept`)).json()).toMatchObject({
      concluded: false,
    })
    const early = await call(t, krN, 'POST', `${N}/events`, {
      kind: 'signed',
      date: '2026-11-28',
      party: null,
      note: 'sign',
      visibility: 'shared',
    })
    expect(early.statusCode).toBe(409)
    expect((await call(t, usN, 'POST', `${N}/proposals/${krId}/accept`)).json()).toMatchObject({
      concluded: true,
    })
    const neg = (await call(t, krN, 'GET', N)).json<{
      negotiation: { status: string; concludedRevisionId: string }
    }>()
    expect(neg.negotiation.status).toBe('concluded')
    const ev = (kind: string, party: string | null, date = '2026-11-28') =>
      call(t, party === 'US' ? usN : krN, 'POST', `${N}/events`, {
        kind,
        date,
        party,
        note: kind,
        visibility: 'shared',
      })
    const signed = await ev('signed', null)
    expect(signed.statusCode).toBe(201)
    // Signing is mutual: it counts once the US delegation confirms it.
    const pending = (await call(t, krN, 'GET', N)).json<{ negotiation: { status: string } }>()
    expect(pending.negotiation.status).toBe('concluded')
    const eid = signed.json<{ id: string }>().id
    expect((await call(t, usN, 'POST', `${N}/events/${eid}/confirm`)).statusCode).toBe(200)
    expect((await ev('domestic-procedure', 'KR')).statusCode).toBe(201)
    expect((await ev('entry-into-force', null)).statusCode).toBe(409)
    expect(
      (
        await call(t, krN, 'POST', `${N}/events`, {
          kind: 'domestic-procedure',
          date: '2026-11-28',
          party: 'US',
          note: 'x',
          visibility: 'shared',
        })
      ).statusCode,
    ).toBe(403)
    expect((await ev('domestic-procedure', 'US')).statusCode).toBe(201)
    expect((await ev('entry-into-force', null)).statusCode).toBe(201)
    const after = (await call(t, t.as('anonymous'), 'GET', '/api/negotiations')).json<{
      negotiations: { id: string; status: string; lapse: unknown }[]
    }>()
    // The public sees only the public record: shared acceptances and events stay between the delegations.
    expect(after.negotiations.find((n) => n.id === OPEN_NEGOTIATION)?.status).toBe('open')
    const forKr = (await call(t, krN, 'GET', N)).json<{
      negotiation: { status: string; inForceFrom: string }
    }>()
    expect(forKr.negotiation).toMatchObject({ status: 'in-force', inForceFrom: '2026-11-28' })
  })

  it('reports the 2020 lapse and the seeded 12th negotiation', async () => {
    const anon = t.as('anonymous')
    const list = (await call(t, anon, 'GET', '/api/negotiations')).json<{
      negotiations: { id: string; lapse: unknown; status: string }[]
    }>()
    expect(list.negotiations.find((n) => n.id === 'rok-us-sma-11-negotiation')?.lapse).toEqual({
      from: '2020-01-01',
      to: '2021-08-31',
      ongoing: false,
    })
    const d = (await call(t, anon, 'GET', '/api/negotiations/rok-us-sma-12-negotiation')).json<{
      negotiation: {
        rounds: { venue: string; from: string }[]
        status: string
        events: { kind: string; date: string }[]
      }
    }>()
    expect(d.negotiation.status).toBe('in-force')
    expect(d.negotiation.rounds).toHaveLength(8)
    expect(d.negotiation.events.find((e) => e.kind === 'initialled')?.date).toBe('2024-10-03')
    expect(d.negotiation.events.find((e) => e.kind === 'signed')?.date).toBe('2024-11-04')
  })

  it('lets exactly one of N concurrent writers with the same ETag win (no lost updates)', async () => {
    const krA = t.as('KR-analyst')
    for (const n of [2, 4, 8, 16]) {
      for (let round = 0; round < 4; round++) {
        const created = await call(
          t,
          krA,
          'POST',
          `${N}/positions`,
          positionBody(`occ-${n}-${round}`),
        )
        const { id, etag } = created.json<{ position: { id: string; etag: string } }>().position
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            call(t, krA, 'PUT', `${N}/positions/${id}`, positionBody(`writer-${i}`), {
              'if-match': `"${etag}"`,
            }),
          ),
        )
        const winners = results.filter((r) => r.statusCode === 200)
        expect(winners).toHaveLength(1)
        const losers = results.filter((r) => r.statusCode === 412)
        expect(losers).toHaveLength(n - 1)
        for (const l of losers) expect(l.json<{ currentETag?: string }>().currentETag).toBeDefined()
        const final = (await call(t, krA, 'GET', `${N}/positions/${id}`)).json<{
          position: { notes: string }
        }>()
        expect(final.position.notes).toBe(
          winners[0]!.json<{ position: { notes: string } }>().position.notes,
        )
      }
    }
    const created = await call(t, krA, 'POST', `${N}/positions`, positionBody('occ-missing'))
    const id = created.json<{ position: { id: string } }>().position.id
    expect((await call(t, krA, 'PUT', `${N}/positions/${id}`, positionBody('x'))).statusCode).toBe(
      428,
    )
    expect(
      (
        await call(t, krA, 'PUT', `${N}/positions/${id}`, positionBody('x'), {
          'if-match': 'no-quotes',
        })
      ).statusCode,
    ).toBe(400)
  })

  it('needs CSRF on cookie-authenticated writes and rate-limits nothing it should not', async () => {
    const kr = t.as('KR-analyst')
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: kr.email, password: kr.password },
    })
    expect(login.statusCode).toBe(200)
    const setCookie = String(login.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    const cookie = setCookie.split(';')[0]!
    const csrf = login.json<{ csrfToken: string }>().csrfToken
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    expect(me.json<{ user: { party: string } }>().user.party).toBe('KR')
    const body = positionBody('csrf')
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${N}/positions`,
          headers: { cookie },
          payload: body,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${N}/positions`,
          headers: { cookie, 'x-csrf-token': 'nope' },
          payload: body,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${N}/positions`,
          headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
          payload: body,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${N}/positions`,
          headers: { cookie, 'x-csrf-token': csrf },
          payload: body,
        })
      ).statusCode,
    ).toBe(201)
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { cookie, 'x-csrf-token': csrf },
        })
      ).statusCode,
    ).toBe(204)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401)
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: kr.email, password: 'wrong-password!' },
    })
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.sma', password: 'wrong-password!' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).toBe(unknown.body)
  })

  it('keeps the audit chain intact through all of the above', async () => {
    const v = await verifyAuditChain(t.store.db)
    expect(v.ok).toBe(true)
    const admin = await call(t, t.as('US-admin'), 'GET', '/api/audit?limit=1000')
    expect(admin.statusCode).toBe(200)
    const entries = admin.json<{ entries: { party: string; visibility: string }[] }>().entries
    expect(entries.some((e) => e.party === 'KR' && e.visibility === 'private')).toBe(false)
  })
})

describe.each(testDialects())('login rate limit on $name', (dialect) => {
  it('answers 429 problem+json after 5 attempts a minute for one email', async () => {
    const t = await buildTestApp(() => dialect.open(), { loginPerMinute: 5 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 7; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'kr-viewer@test.sma', password: 'bad-password-123' },
        })
        codes.push(r.statusCode)
        if (r.statusCode === 429)
          expect(r.headers['content-type']).toContain('application/problem+json')
      }
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
      expect(codes.slice(5)).toEqual([429, 429])
      // the limit is per IP and email: another account from the same IP is not locked out
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'us-viewer@test.sma', password: 'bad-password-123' },
      })
      expect(other.statusCode).toBe(401)
    } finally {
      await t.close()
    }
  })
})
