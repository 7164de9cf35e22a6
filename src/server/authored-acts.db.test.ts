import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { call, OPEN_NEGOTIATION, proposalSpec, testApp } from './test-support.js'

/**
 * Issue 14, finding 1: a delegation recorded shared events in the other party's name, and no
 * event named its author. Now every act names who recorded it (party and role, never email),
 * a delegation asserts only its own acts, and mutual acts count once both have confirmed.
 */
const N = `/api/negotiations/${OPEN_NEGOTIATION}`
interface EventJson {
  id: string
  kind: string
  party: string | null
  recordedBy: { party: string; role: string } | null
  confirmations: { party: string; by: { party: string; role: string }; at: string }[]
  confirmedAt: string | null
}

describe.each(testDialects())('authored acts on $name', (dialect) => {
  const t = testApp(() => dialect.open())
  const event = (kind: string, party: string | null) => ({
    kind,
    date: '2026-11-20',
    party,
    note: `${kind} by test`,
    visibility: 'shared',
  })
  const events = async (who = 'KR-negotiator'): Promise<EventJson[]> =>
    (await call(t, t.as(who), 'GET', N)).json<{ negotiation: { events: EventJson[] } }>()
      .negotiation.events

  it("refuses an event in the other party's name with 403 problem+json", async () => {
    for (const kind of ['opened', 'text-agreed', 'domestic-procedure', 'note']) {
      const r = await call(t, t.as('US-negotiator'), 'POST', `${N}/events`, event(kind, 'KR'))
      expect(r.statusCode, kind).toBe(403)
      expect(r.headers['content-type']).toContain('application/problem+json')
      expect(r.json<{ detail: string }>().detail).toMatch(/own acts/)
    }
    expect((await events()).some((e) => e.recordedBy?.party === 'US' && e.party === 'KR')).toBe(
      false,
    )
  })

  it('names the author of every recorded act as party and role, never by email', async () => {
    const r = await call(t, t.as('US-negotiator'), 'POST', `${N}/events`, event('opened', 'US'))
    expect(r.statusCode).toBe(201)
    const id = r.json<{ id: string }>().id
    const seen = (await events()).find((e) => e.id === id)
    expect(seen?.recordedBy).toEqual({ party: 'US', role: 'negotiator' })
    const body = JSON.stringify(await events())
    expect(body).not.toContain('@test.sma')
    const round = await call(t, t.as('KR-admin'), 'POST', `${N}/rounds`, {
      number: 77,
      from: '2026-11-01',
      to: null,
      venue: 'Seoul',
      summary: '',
    })
    expect(round.statusCode).toBe(201)
    const rounds = (await call(t, t.as('US-viewer'), 'GET', N)).json<{
      negotiation: { rounds: { number: number; recordedBy: unknown }[] }
    }>().negotiation.rounds
    expect(rounds.find((x) => x.number === 77)?.recordedBy).toEqual({ party: 'KR', role: 'admin' })
    // the shipped history has no author
    expect(rounds.find((x) => x.number === 1)?.recordedBy ?? null).toBeNull()
  })

  it('counts a mutual act only once the other delegation confirms, showing who and when', async () => {
    const own = await call(t, t.as('KR-negotiator'), 'POST', `${N}/events`, event('signed', 'KR'))
    expect(own.statusCode).toBe(403)
    const r = await call(
      t,
      t.as('KR-negotiator'),
      'POST',
      `${N}/events`,
      event('text-agreed', null),
    )
    expect(r.statusCode).toBe(201)
    const id = r.json<{ id: string }>().id
    let e = (await events('US-viewer')).find((x) => x.id === id)
    expect(e?.confirmedAt).toBeNull()
    expect(e?.confirmations.map((c) => c.party)).toEqual(['KR'])
    const url = `${N}/events/${id}/confirm`
    expect((await call(t, t.as('KR-admin'), 'POST', url)).statusCode).toBe(409)
    expect((await call(t, t.as('US-analyst'), 'POST', url)).statusCode).toBe(403)
    const ok = await call(t, t.as('US-negotiator'), 'POST', url)
    expect(ok.statusCode).toBe(200)
    expect(ok.json<{ confirmedAt: string }>().confirmedAt).toMatch(/^\d{4}-/)
    expect((await call(t, t.as('US-admin'), 'POST', url)).statusCode).toBe(409)
    e = (await events()).find((x) => x.id === id)
    expect(e?.confirmedAt).not.toBeNull()
    expect(e?.confirmations.map((c) => [c.party, c.by.role])).toEqual([
      ['KR', 'negotiator'],
      ['US', 'negotiator'],
    ])
    const note = await call(t, t.as('KR-negotiator'), 'POST', `${N}/events`, event('note', null))
    const confirmNote = `${N}/events/${note.json<{ id: string }>().id}/confirm`
    expect((await call(t, t.as('US-negotiator'), 'POST', confirmNote)).statusCode).toBe(409)
  })

  it('names who tabled a proposal and who accepted it', async () => {
    const p = await call(t, t.as('KR-analyst'), 'POST', `${N}/proposals`, {
      title: 'authored',
      visibility: 'private',
      spec: proposalSpec('authored'),
    })
    const pid = p.json<{ id: string }>().id
    expect(
      (await call(t, t.as('KR-negotiator'), 'POST', `${N}/proposals/${pid}/table`)).statusCode,
    ).toBe(200)
    expect(
      (await call(t, t.as('US-admin'), 'POST', `${N}/proposals/${pid}/accept`)).statusCode,
    ).toBe(200)
    const view = (await call(t, t.as('US-viewer'), 'GET', `${N}/proposals/${pid}`)).json<{
      proposal: { createdBy: unknown; tabledBy: unknown }
    }>().proposal
    expect(view.createdBy).toEqual({ party: 'KR', role: 'analyst' })
    expect(view.tabledBy).toEqual({ party: 'KR', role: 'negotiator' })
    const acc = (await call(t, t.as('KR-viewer'), 'GET', N)).json<{
      negotiation: { acceptances: { proposalId: string; by: unknown }[] }
    }>().negotiation.acceptances
    expect(acc.find((a) => a.proposalId === pid)?.by).toEqual({ party: 'US', role: 'admin' })
  })
})
