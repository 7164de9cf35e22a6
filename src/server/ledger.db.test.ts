// The execution ledger over HTTP: the same JSON as `sma ledger --json`, and party-private notes
// on ledger years (visible to the author's delegation only, If-Match on replace, year checked).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { run } from '../cli/main.js'
import { parseCsv } from '../domain/exports/csv.js'
import { xlsxSheets } from '../exports/test-support.js'
import { shippedLedgers } from '../record/ledger-files.js'
import { buildTestApp, call, type TestApp } from './test-support.js'

async function smaJson(args: string[]): Promise<unknown> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  try {
    expect(await run(args)).toBe(0)
  } finally {
    spy.mockRestore()
  }
  return JSON.parse(out)
}

/** `sma export … --out FILE` into a temporary file; its text. */
async function smaFile(args: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sma-ledger-'))
  const out = join(dir, 'out')
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    expect(await run([...args, '--out', out])).toBe(0)
  } finally {
    spy.mockRestore()
  }
  const text = readFileSync(out, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return text
}

describe.each(testDialects())('ledger on $name', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(() => dialect.open())
  })
  afterAll(async () => {
    await t.close()
  })

  it('`sma ledger rok-us-sma-11 --json` equals GET /api/agreements/rok-us-sma-11/ledger', async () => {
    for (const id of shippedLedgers().map((f) => f.agreement)) {
      const api = await call(t, t.as('PUBLIC-viewer'), 'GET', `/api/agreements/${id}/ledger`)
      expect(api.statusCode).toBe(200)
      expect(await smaJson(['ledger', id, '--json'])).toEqual(api.json())
    }
  })

  it('downloads the ledger as CSV and XLSX with the JSON figures, in Korean and English', async () => {
    const url = '/api/agreements/rok-us-sma-08/ledger'
    const json = (await call(t, t.as('PUBLIC-viewer'), 'GET', url)).json<{
      years: { year: number; executed: string | null; allocated: { total: string | null } }[]
    }>()
    const csv = await call(t, t.as('PUBLIC-viewer'), 'GET', `${url}?format=csv&lang=ko`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain('rok-us-sma-08-ledger-ko.csv')
    const [header = [], ...rows] = parseCsv(csv.body)
    expect(rows.map((r) => r[header.indexOf('집행액 (KRW)')] || null)).toEqual(
      json.years.map((y) => y.executed),
    )
    const xlsx = await call(t, t.as('PUBLIC-viewer'), 'GET', url, undefined, {
      accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    })
    expect(xlsx.statusCode).toBe(200)
    const [fig] = await xlsxSheets(xlsx.rawPayload)
    expect(fig?.data[0]?.[0]).toBe('Year')
    const total = (fig?.data[0] ?? []).indexOf('Allocated total (KRW)')
    expect(fig?.data[1]?.[total]).toBe(Number(json.years[0]?.allocated.total))
    const cli = await smaFile([
      'export',
      'ledger',
      'rok-us-sma-08',
      '--format',
      'csv',
      '--lang',
      'ko',
    ])
    expect(cli).toBe(csv.body)
  })

  it('answers an agreement without a ledger file with its years, all unknown', async () => {
    const r = await call(t, t.as('PUBLIC-viewer'), 'GET', '/api/agreements/rok-us-sma-07/ledger')
    expect(r.statusCode).toBe(200)
    const body = r.json<{ years: { executed: string | null; lookedFor: string }[] }>()
    expect(body.years.length).toBeGreaterThan(0)
    expect(body.years.every((y) => y.executed === null && y.lookedFor.length > 0)).toBe(true)
    const missing = await call(t, t.as('PUBLIC-viewer'), 'GET', '/api/agreements/nope/ledger')
    expect(missing.statusCode).toBe(404)
  })

  it('keeps notes private to the author’s delegation, versioned by ETag', async () => {
    const url = '/api/agreements/rok-us-sma-11/ledger/notes'
    const kr = t.as('KR-analyst')
    const created = await call(t, kr, 'POST', url, { year: 2022, text: 'KR only: check 6,009억' })
    expect(created.statusCode).toBe(201)
    const note = created.json<{ note: { id: string; etag: string; ownerParty: string } }>().note
    expect(note.ownerParty).toBe('KR')
    const mine = await call(t, t.as('KR-viewer'), 'GET', url)
    expect(mine.body).toContain('KR only')
    for (const p of ['US-admin', 'US-viewer', 'PUBLIC-viewer']) {
      const other = await call(t, t.as(p), 'GET', url)
      expect(other.body).not.toContain('KR only')
    }
    const put = (etag: string) =>
      call(t, kr, 'PUT', `${url}/${note.id}`, { year: 2022, text: 'edited' }, { 'if-match': etag })
    expect((await put('"stale"')).statusCode).toBe(412)
    const ok = await put(`"${note.etag}"`)
    expect(ok.statusCode).toBe(200)
    expect(ok.json<{ note: { text: string } }>().note.text).toBe('edited')
    const us = await call(
      t,
      t.as('US-analyst'),
      'PUT',
      `${url}/${note.id}`,
      { year: 2022, text: 'x' },
      { 'if-match': `"${note.etag}"` },
    )
    expect(us.statusCode).toBe(404)
  })

  it('rejects a note on a year outside the agreement', async () => {
    const r = await call(
      t,
      t.as('KR-analyst'),
      'POST',
      '/api/agreements/rok-us-sma-11/ledger/notes',
      {
        year: 2019,
        text: 'x',
      },
    )
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('2020–2025')
  })
})
