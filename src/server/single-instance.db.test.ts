import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { bodyText } from '../exports/test-support.js'
import { createUser } from '../services/users.js'
import { call, OPEN_NEGOTIATION, proposalSpec, termSpec, testApp } from './test-support.js'

/**
 * Issue 17: one delegation's own instance (SMA_PARTIES=KR). A KR negotiator records what the US
 * delegation tabled and replied, as reported by KR; the API, the negotiation page's data and the
 * brief say so; a US user cannot be created there. In a shared instance reporting is refused.
 */
const N = `/api/negotiations/${OPEN_NEGOTIATION}`
const SOURCE = {
  kind: 'tabled-text',
  ref: 'US non-paper tabled at round 3 (document US-2030-07)',
  date: '2030-03-14',
}

interface ProposalJson {
  id: string
  ownerParty: string
  state: string
  rejection: {
    reason: string
    at: string
    by: { party: string; role: string } | null
    reported: { party: string; source: { ref: string } } | null
  } | null
  tabledBy: unknown
  reported: { party: string; by: { party: string; role: string }; source: typeof SOURCE } | null
  received: unknown
  schedule: { years: { year: number }[] } | null
}

describe.each(testDialects())('a KR-only instance on $name', (dialect) => {
  const t = testApp(() => dialect.open(), { parties: ['KR'] })
  const kr = () => t.as('KR-negotiator')

  it('shows its parties in /api/health and has no US accounts', async () => {
    const h = await call(t, kr(), 'GET', '/api/health')
    expect(h.json()).toMatchObject({ parties: ['KR'], mode: 'single' })
    expect(t.principals.has('US-negotiator')).toBe(false)
    await expect(
      createUser(
        t.store,
        {
          email: 'us@test.sma',
          name: 'US',
          party: 'US',
          role: 'negotiator',
          password: 'x'.repeat(12),
        },
        { parties: ['KR'] },
      ),
    ).rejects.toThrow(/a US user cannot be created here/)
    const users = await t.store.db.selectFrom('users').select('party').execute()
    expect(users.some((u) => u.party === 'US')).toBe(false)
  })

  it('records a US proposal for 2031–2035 and a US rejection as reported by KR', async () => {
    // our own proposal, tabled (asserted)
    const ours = await call(t, kr(), 'POST', `${N}/proposals`, {
      title: 'KR proposal 2031–2035',
      visibility: 'shared',
      spec: termSpec('kr', 2031, 2035, '1600000000000'),
    })
    expect(ours.statusCode).toBe(201)
    const krId = ours.json<{ id: string }>().id

    const us = await call(t, kr(), 'POST', `${N}/reported/proposals`, {
      party: 'US',
      title: 'US proposal 2031–2035',
      spec: termSpec('us', 2031, 2035, '1900000000000'),
      source: SOURCE,
    })
    expect(us.statusCode, us.body).toBe(201)
    const usId = us.json<{ id: string }>().id

    const rejected = await call(t, kr(), 'POST', `${N}/proposals/${krId}/reported-reply`, {
      party: 'US',
      reply: 'reject',
      reason: 'The increase does not cover the labor cost of Korean employees.',
      source: { kind: 'minutes', ref: 'Round 3 minutes, item 2', date: '2030-03-15' },
    })
    expect(rejected.statusCode, rejected.body).toBe(201)

    const list = (await call(t, kr(), 'GET', `${N}/proposals`)).json<{
      proposals: ProposalJson[]
    }>().proposals
    const p = list.find((x) => x.id === usId)
    expect(p?.ownerParty).toBe('US')
    expect(p?.tabledBy).toBeNull()
    expect(p?.reported).toEqual({
      party: 'KR',
      by: { party: 'KR', role: 'negotiator' },
      source: SOURCE,
    })
    expect(p?.schedule?.years.map((y) => y.year)).toEqual([2031, 2032, 2033, 2034, 2035])
    const mine = list.find((x) => x.id === krId)
    expect(mine?.reported).toBeNull()
    expect(mine?.state).toBe('rejected')
    expect(mine?.rejection).toMatchObject({
      reason: 'The increase does not cover the labor cost of Korean employees.',
      at: '2030-03-15T00:00:00.000Z',
      by: { party: 'KR', role: 'negotiator' },
      reported: { party: 'KR', source: { ref: 'Round 3 minutes, item 2' } },
    })

    const brief = await call(t, kr(), 'GET', `${N}/brief.pdf?lang=ko`)
    expect(brief.statusCode).toBe(200)
    // the PDF's text, its line breaks (wrapping) read as spaces
    const text = (await bodyText(String(brief.headers['content-type']), brief.rawPayload)).replace(
      /\s+/g,
      ' ',
    )
    expect(text).toContain('우리 측 기록(상대측 행위)')
    expect(text).toContain('US proposal 2031')
    expect(text).toContain('US 측 거부')
    expect(text).toContain('labor cost of Korean employees')
  })

  it('refuses to report our own act, and a rejection without its reason', async () => {
    const own = await call(t, kr(), 'POST', `${N}/reported/proposals`, {
      party: 'KR',
      title: 'ours',
      spec: proposalSpec('own'),
      source: SOURCE,
    })
    expect(own.statusCode).toBe(403)
    expect(own.json<{ detail: string }>().detail).toMatch(/asserts its own acts/)
    const ours = await call(t, kr(), 'POST', `${N}/proposals`, {
      title: 'KR proposal',
      visibility: 'shared',
      spec: termSpec('noreason', 2031, 2035, '1650000000000'),
    })
    const noReason = await call(
      t,
      kr(),
      'POST',
      `${N}/proposals/${ours.json<{ id: string }>().id}/reported-reply`,
      { party: 'US', reply: 'reject', source: SOURCE },
    )
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json<{ detail: string }>().detail).toMatch(/reason/)
  })

  it('records a US acceptance, which counts toward mutual consent', async () => {
    const ours = await call(t, kr(), 'POST', `${N}/proposals`, {
      title: 'KR final text',
      visibility: 'shared',
      spec: termSpec('final', 2031, 2035, '1700000000000'),
    })
    const id = ours.json<{ id: string }>().id
    expect((await call(t, kr(), 'POST', `${N}/proposals/${id}/accept`)).statusCode).toBe(200)
    const acc = await call(t, kr(), 'POST', `${N}/proposals/${id}/reported-reply`, {
      party: 'US',
      reply: 'accept',
      source: { kind: 'press-release', ref: 'https://www.state.gov/example', date: '2030-06-01' },
    })
    expect(acc.statusCode, acc.body).toBe(201)
    const n = (await call(t, kr(), 'GET', N)).json<{
      negotiation: {
        status: string
        acceptances: { party: string; reported: { party: string } | null }[]
      }
    }>().negotiation
    expect(n.status).toBe('concluded')
    expect(n.acceptances.find((a) => a.party === 'US')?.reported?.party).toBe('KR')
    expect(n.acceptances.find((a) => a.party === 'KR')?.reported).toBeNull()
  })
})

describe.each(testDialects())('a shared instance on $name', (dialect) => {
  const t = testApp(() => dialect.open())

  it("refuses to record the other party's act as reported (403), storing nothing", async () => {
    const before = await t.store.db.selectFrom('proposals').select('id').execute()
    const r = await call(t, t.as('KR-negotiator'), 'POST', `${N}/reported/proposals`, {
      party: 'US',
      title: 'US proposal',
      spec: proposalSpec('shared'),
      source: SOURCE,
    })
    expect(r.statusCode).toBe(403)
    expect(r.headers['content-type']).toContain('application/problem+json')
    expect(r.json<{ detail: string }>().detail).toMatch(
      /the US delegation has accounts on this instance and records its own acts/,
    )
    const ev = await call(t, t.as('US-negotiator'), 'POST', `${N}/reported/events`, {
      kind: 'opened',
      date: '2030-01-01',
      party: 'KR',
      note: 'KR opened',
      source: SOURCE,
    })
    expect(ev.statusCode).toBe(403)
    expect(await t.store.db.selectFrom('proposals').select('id').execute()).toHaveLength(
      before.length,
    )
    const h = await call(t, t.as('KR-viewer'), 'GET', '/api/health')
    expect(h.json()).toMatchObject({ parties: ['KR', 'US'], mode: 'shared' })
  })
})
