import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import type { DatabaseHandle } from '../db/open.js'
import { PUBLIC_SCOPE } from '../domain/access/scope.js'
import { verifyAuditChain } from './audit.js'
import { getNegotiation } from './negotiations/negotiation.js'
import { seedIfEmpty } from './seed.js'
import { translateSeededHistory } from './seed-translations.js'

const now = (): Date => new Date('2026-12-03T09:00:00Z')
const ID = 'rok-us-sma-12-negotiation'

describe.each(testDialects())('a database seeded before migration 0021 on $name', (dialect) => {
  let h: DatabaseHandle
  beforeAll(async () => {
    h = await dialect.open()
    expect(await translateSeededHistory(h, now)).toBe(0) // nothing seeded: nothing written
    await seedIfEmpty(h, now)
    // the rows as an older seed left them: English only
    await h.db.updateTable('negotiation_deadlines').set({ label_ko: null }).execute()
    await h.db.updateTable('negotiation_rounds').set({ venue_ko: null, summary_ko: null }).execute()
    await h.db.updateTable('negotiation_events').set({ note_ko: null }).execute()
    await h.db.updateTable('delegation_members').set({ name_ko: null, title_ko: null }).execute()
    await h.db.updateTable('proposals').set({ title_ko: null }).execute()
    // a text corrected since the seed it came from: not the seed's English, so not translated
    await h.db
      .updateTable('negotiation_rounds')
      .set({ venue: 'Honolulu, Hawaii' })
      .where('negotiation_id', '=', ID)
      .where('number', '=', 1)
      .execute()
  })
  afterAll(async () => {
    await h.close()
  })

  it('reads the old rows as they were: one text each', async () => {
    const d = await getNegotiation({ db: h.db, scope: PUBLIC_SCOPE }, ID, '2026-12-03')
    expect(d.rounds[1]?.venue).toBe('Seoul (Korea Institute for Defense Analyses)')
    expect(d.events.every((e) => typeof e.note === 'string')).toBe(true)
  })

  it('gives them the Korean of the seed, once, audited', async () => {
    const filled = await translateSeededHistory(h, now)
    expect(filled).toBeGreaterThan(120)
    const d = await getNegotiation({ db: h.db, scope: PUBLIC_SCOPE }, ID, '2026-12-03')
    expect(d.rounds[1]?.venue).toEqual({
      en: 'Seoul (Korea Institute for Defense Analyses)',
      ko: '서울(한국국방연구원)',
    })
    expect(d.rounds[0]?.venue).toBe('Honolulu, Hawaii')
    expect(d.deadlines.every((x) => typeof x.label !== 'string')).toBe(true)
    expect(d.events.every((e) => typeof e.note !== 'string')).toBe(true)
    expect(d.delegations[0]?.chief?.title).toMatchObject({ ko: expect.any(String) as unknown })
    expect(await translateSeededHistory(h, now)).toBe(0)
    const entries = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'record.translate')
      .execute()
    expect(entries).toHaveLength(2)
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true })
  })
})
