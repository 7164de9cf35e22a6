// Exports and briefs through the API, on SQLite and PostgreSQL: the schedule as CSV/XLSX by
// ?format= and by Accept, the public agreement brief, and the party-private negotiation brief
// (canaries: KR's position in KR's brief, never in the US's; outsiders get the 404 of a missing
// negotiation; making a brief is audited).
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { parseCsv } from '../domain/exports/csv.js'
import { scheduleInRecord } from '../domain/record/record.js'
import { shippedSnapshot } from '../record/shipped-record.js'
import { HAS_PDFTOTEXT, pdfText, xlsxSheets } from '../exports/test-support.js'
import {
  ANONYMOUS,
  buildTestApp,
  call,
  OPEN_NEGOTIATION,
  proposalSpec,
  type TestApp,
} from './test-support.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const needPdf = !HAS_PDFTOTEXT && process.env.CI !== 'true'
const binary = (res: { rawPayload: Buffer }): Buffer => res.rawPayload

describe.each(testDialects())('exports and briefs on $name', (dialect) => {
  let t: TestApp
  const krCanary = `KRCANARY${randomBytes(6).toString('hex')}`
  const usCanary = `USCANARY${randomBytes(6).toString('hex')}`
  const N = `/api/negotiations/${OPEN_NEGOTIATION}`

  beforeAll(async () => {
    t = await buildTestApp(() => dialect.open())
    for (const [who, c] of [
      ['KR-analyst', krCanary],
      ['US-analyst', usCanary],
    ] as const) {
      const r = await call(t, t.as(who), 'POST', `${N}/positions`, {
        title: `${c} position`,
        reservationValue: '1600000000000',
        target: '1550000000000',
        priorities: [`${c} priority`],
        estimateOfOther: {
          reservationValue: null,
          target: '1500000000000',
          notes: `${c} estimate`,
        },
        notes: `${c} notes`,
      })
      expect(r.statusCode).toBe(201)
    }
    const tabled = await call(t, t.as('KR-negotiator'), 'POST', `${N}/proposals`, {
      title: 'KR offer',
      visibility: 'shared',
      spec: proposalSpec('tabled'),
    })
    expect(tabled.statusCode).toBe(201)
  })
  afterAll(async () => {
    await t.close()
  })

  it('serves the schedule as CSV and XLSX with the API figures', async () => {
    const want = scheduleInRecord(shippedSnapshot(), 'rok-us-sma-12').years.map((y) => y.amount)
    const url = '/api/agreements/rok-us-sma-12/schedule'
    const csv = await call(t, ANONYMOUS, 'GET', `${url}?format=csv&lang=ko`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain('rok-us-sma-12-schedule-ko.csv')
    const [header = [], ...rows] = parseCsv(csv.body)
    expect(rows.map((r) => r[header.indexOf('분담금 (KRW)')] || null)).toEqual(want)
    const byAccept = await call(t, ANONYMOUS, 'GET', url, undefined, { accept: XLSX })
    expect(byAccept.headers['content-type']).toBe(XLSX)
    const [fig] = await xlsxSheets(binary(byAccept))
    expect(fig?.data[0]?.[0]).toBe('Year')
    expect(fig?.data[1]?.[2]).toBe(1519200000000)
    const json = await call(t, ANONYMOUS, 'GET', url)
    expect(json.headers['content-type']).toContain('application/json')
  })

  it('serves the negotiation timeline as CSV, as the asker may see it', async () => {
    const res = await call(t, t.as('US-viewer'), 'GET', `${N}?format=csv`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('KR offer')
    expect(res.body).not.toContain(krCanary)
  })

  it.skipIf(needPdf)('serves the agreement brief in Korean', async () => {
    const res = await call(t, ANONYMOUS, 'GET', '/api/agreements/rok-us-sma-12/brief.pdf?lang=ko')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(pdfText(binary(res))).toContain('1조 5,192억')
    const missing = await call(t, ANONYMOUS, 'GET', '/api/agreements/no-such/brief.pdf')
    expect(missing.statusCode).toBe(404)
  })

  it.skipIf(needPdf)("gives each delegation its own brief and never the other's", async () => {
    const kr = await call(t, t.as('KR-viewer'), 'GET', `${N}/brief.pdf?lang=ko`)
    const us = await call(t, t.as('US-viewer'), 'GET', `${N}/brief.pdf?lang=en`)
    expect(kr.statusCode).toBe(200)
    expect(us.statusCode).toBe(200)
    expect(kr.headers['cache-control']).toBe('private, no-store')
    const krText = pdfText(binary(kr))
    const usText = pdfText(binary(us))
    expect(krText).toContain(`${krCanary} notes`)
    expect(krText).toContain(`${krCanary} estimate`)
    expect(krText).not.toContain(usCanary)
    expect(usText).toContain(`${usCanary} notes`)
    expect(usText).not.toContain(krCanary)
    // every page is marked with the party and the time it was made
    for (const [text, mark] of [
      [krText, 'KR 대표단 내부용'],
      [usText, 'US delegation only'],
    ] as const) {
      const pages = text.split('\f').filter((p) => p.trim() !== '')
      for (const page of pages) {
        expect(page).toContain(mark)
        expect(page).toContain('2026-11-28 09:00 UTC')
      }
    }
    expect(krText).toContain('KR offer')
  })

  it('answers outsiders with the very 404 of a missing negotiation', async () => {
    const missing = await call(
      t,
      ANONYMOUS,
      'GET',
      '/api/negotiations/no-such-negotiation/brief.pdf',
    )
    expect(missing.statusCode).toBe(404)
    for (const who of [ANONYMOUS, t.as('PUBLIC-viewer')]) {
      const r = await call(t, who, 'GET', `${N}/brief.pdf`)
      expect(r.statusCode).toBe(404)
      expect(r.body).toBe(missing.body)
    }
  })

  it.skipIf(needPdf)(
    'records the making of a brief in the audit log, private to the party',
    async () => {
      await call(t, t.as('KR-negotiator'), 'GET', `${N}/brief.pdf`)
      const kr = await call(t, t.as('KR-admin'), 'GET', '/api/audit?limit=1000')
      const us = await call(t, t.as('US-admin'), 'GET', '/api/audit?limit=1000')
      const krBriefs = kr
        .json<{ entries: { action: string; party: string }[] }>()
        .entries.filter((e) => e.action === 'negotiation.brief')
      expect(krBriefs.some((e) => e.party === 'KR')).toBe(true)
      const usSees = us
        .json<{ entries: { action: string; party: string }[] }>()
        .entries.filter((e) => e.action === 'negotiation.brief' && e.party === 'KR')
      expect(usSees).toEqual([])
    },
  )
})
