import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../db/test-harness.js'
import type { DatabaseHandle } from '../../db/open.js'
import { PUBLIC_SCOPE } from '../../domain/access/scope.js'
import { scheduleInRecord } from '../../domain/record/record.js'
import { SYSTEM_ACTOR, verifyAuditChain } from '../audit.js'
import { getNegotiation, listNegotiations } from '../negotiations/negotiation.js'
import { listProposals } from '../negotiations/proposals.js'
import { listAgreements } from './agreements.js'
import { databaseSnapshot } from './database-record-source.js'
import { addIndexValue } from './index-values.js'
import { seedIfEmpty } from '../seed.js'
import { createSpecCache } from './spec-cache.js'
import { recordVersion } from './record-version.js'

const now = (): Date => new Date('2026-11-28T09:00:00Z')

describe.each(testDialects())('seeded record on $name', (dialect) => {
  let h: DatabaseHandle
  const cache = createSpecCache()
  beforeAll(async () => {
    h = await dialect.open()
    expect(await seedIfEmpty(h, now)).toBe(true)
    expect(await seedIfEmpty(h, now)).toBe(false)
  })
  afterAll(async () => {
    await h.close()
  })

  it('lists every agreement of the record', async () => {
    const ids = (await listAgreements(h.db, PUBLIC_SCOPE, cache)).map((a) => a.spec.id)
    for (let i = 1; i <= 12; i++) expect(ids).toContain(`rok-us-sma-${String(i).padStart(2, '0')}`)
    expect(ids.filter((id) => id.startsWith('jp-us-sma-')).length).toBeGreaterThan(5)
  })

  it('computes the 12th SMA from the database’s index values, and reacts to a new release', async () => {
    const s = scheduleInRecord(await databaseSnapshot(h.db, PUBLIC_SCOPE, cache), 'rok-us-sma-12')
    expect(s.years.find((y) => y.year === 2027)?.amount).toBe('1551100000000')
    const before = s.years.find((y) => y.year === 2028)
    await addIndexValue(
      h,
      SYSTEM_ACTOR,
      'KR_CPI',
      {
        period: 2026,
        value: '3.0',
        vintage: 'test release',
        releasedOn: '2026-12-31',
        sources: ['https://example.org/cpi'],
      },
      now,
    )
    const after = scheduleInRecord(
      await databaseSnapshot(h.db, PUBLIC_SCOPE, cache),
      'rok-us-sma-12',
    ).years.find((y) => y.year === 2028)
    expect(after?.status).toBe('computed')
    expect(after?.amount).not.toBe(before?.amount)
  })

  it('seeds the negotiation history with its lapse', async () => {
    const list = await listNegotiations({ db: h.db, scope: PUBLIC_SCOPE }, '2026-11-28')
    const byId = new Map(list.map((n) => [n.id, n]))
    expect(byId.get('rok-us-sma-12-negotiation')).toMatchObject({ status: 'in-force', lapse: null })
    expect(byId.get('rok-us-sma-11-negotiation')?.lapse).toEqual({
      from: '2020-01-01',
      to: '2021-08-31',
      ongoing: false,
    })
    expect(byId.get('rok-us-sma-13-negotiation')).toMatchObject({
      status: 'open',
      lapse: null,
      nextDeadline: { date: '2028-11-07' },
    })
    const d = await getNegotiation(
      { db: h.db, scope: PUBLIC_SCOPE },
      'rok-us-sma-12-negotiation',
      '2026-11-28',
    )
    expect(d.rounds).toHaveLength(8)
    expect(d.rounds[0]).toMatchObject({
      number: 1,
      from: '2024-04-23',
      to: '2024-04-25',
      venue: { en: 'Honolulu', ko: '호놀룰루' },
    })
    expect(d.delegations.map((x) => x.chief?.name)).toEqual([
      { en: 'Lee Tae-woo', ko: '이태우' },
      { en: 'Linda Specht', ko: '린다 스펙트' },
    ])
    expect(d.delegations[0]?.agencies).toEqual(['MOFA', 'MND', 'MOEF', 'DAPA'])
    expect(d.inForceFrom).toBe('2024-11-29')
  })

  it('reads every free text of the seeded history back in both languages (decision 0019)', async () => {
    const scope = { db: h.db, scope: PUBLIC_SCOPE }
    const texts: unknown[] = []
    for (const { id } of await listNegotiations(scope, '2026-11-28')) {
      const d = await getNegotiation(scope, id, '2026-11-28')
      texts.push(...d.deadlines.map((x) => x.label))
      texts.push(...d.rounds.flatMap((r) => (r.summary === '' ? [r.venue] : [r.venue, r.summary])))
      texts.push(...d.events.map((e) => e.note))
      for (const del of d.delegations)
        texts.push(...del.members.flatMap((m) => (m.title === null ? [m.name] : [m.name, m.title])))
    }
    expect(texts.length).toBeGreaterThan(120)
    expect(texts.filter((t) => typeof t === 'string')).toEqual([])
    const d = await getNegotiation(scope, 'rok-us-sma-12-negotiation', '2026-11-28')
    expect(d.deadlines.find((x) => x.date === '2025-12-31')?.label).toEqual({
      en: '11th SMA expires',
      ko: '제11차 방위비분담특별협정 만료',
    })
    // an inferred date says so in both languages
    expect(
      d.events.find((e) => e.kind === 'domestic-procedure' && e.party === 'US')?.note,
    ).toMatchObject({
      en: expect.stringMatching(/ \(inferred\)$/) as unknown,
      ko: expect.stringMatching(/ \(추정\)$/) as unknown,
    })
  })

  it('gives the agreed texts of the history both titles', async () => {
    const r = { db: h.db, scope: PUBLIC_SCOPE, cache }
    const snap = () => databaseSnapshot(h.db, PUBLIC_SCOPE, cache)
    const [agreed] = await listProposals(r, 'rok-us-sma-12-negotiation', snap)
    expect(agreed?.title).toEqual({
      en: 'Agreed text of the 12th SMA',
      ko: '제12차 방위비분담특별협정 합의 문안',
    })
  })

  it('keeps a valid audit chain', async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, entries: 2 })
  })

  it('bumps the record version (database triggers) on a new release, not on other writes', async () => {
    const v0 = Number(await recordVersion(h))
    expect(v0).toBeGreaterThan(0) // the seed wrote agreements and index values
    await addIndexValue(
      h,
      SYSTEM_ACTOR,
      'KR_CPI',
      {
        period: 2027,
        value: '2.0',
        vintage: 'version test',
        releasedOn: '2028-01-02',
        sources: ['https://example.org/cpi'],
      },
      now,
    )
    const v1 = Number(await recordVersion(h))
    expect(v1).toBeGreaterThan(v0)
    await h.db
      .updateTable('negotiations')
      .set({ sources_json: '[]' })
      .where('id', '=', 'rok-us-sma-13-negotiation')
      .execute()
    expect(Number(await recordVersion(h))).toBe(v1)
  })
})
