// One source of truth, checked end to end: the CLI (shipped files, SMA_DB, --server), the API and
// the web's status rule agree, and a value stored through the API reaches every reader.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addDays, fromDays, toDays } from '../domain/calendar/civil-date.js'
import { agreementStatus } from '../domain/agreement/status.js'
import type { AgreementsResponse } from '../contracts/agreements.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open.js'
import { loadRecord } from '../record/shipped-record.js'
import { buildTestApp, call, type TestApp } from '../server/test-support.js'
import { run } from './main.js'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')
const record = loadRecord()

/** Runs `sma` in this process and returns what it printed. */
async function smaInProcess(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  try {
    return { code: await run(args), out }
  } finally {
    spy.mockRestore()
  }
}

/** Runs the real `sma` bin in a child process with the given environment additions. */
function sma(args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['SMA_DB', 'SMA_TOKEN', 'SMA_SERVER'].includes(k)),
  )
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...base, ...env }, timeout: 60_000, encoding: 'utf8' },
      (error, out, err) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? -1), out, err })
      },
    )
  })
}

/** Every 1st and 15th of a month from 1985 to 2032, and each recorded lifecycle date ±1 day. */
function days(): string[] {
  const set = new Set<string>()
  for (let y = 1985; y <= 2032; y++)
    for (let m = 1; m <= 12; m++)
      for (const d of [1, 15])
        set.add(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  for (const a of record.agreements) {
    const l = a.lifecycle
    for (const f of [l.signed, l.entryIntoForce, l.expiry, l.initialled]) {
      if (f.status !== 'known') continue
      const day = f.date.length === 7 ? `${f.date}-01` : f.date
      for (const k of [-1, 0, 1]) set.add(addDays(day, k))
    }
    set.add(`${a.term.firstYear}-01-01`)
    set.add(`${a.term.lastYear}-12-31`)
  }
  return [...set].filter((d) => toDays(d) >= toDays('1985-01-01') && d <= '2032-12-31').sort()
}

describe('agreement status: CLI, API and the web rule agree on every agreement and day 1985–2032', () => {
  let t: TestApp
  beforeAll(async () => {
    const h = openDatabase(':memory:')
    await migrateToLatest(h.db, 'sqlite')
    t = await buildTestApp(() => Promise.resolve(h))
  })
  afterAll(async () => {
    await t.close()
  })

  it('gives the same status everywhere', async () => {
    const grid = days()
    expect(grid.length).toBeGreaterThan(1150)
    let compared = 0
    for (const asOf of grid) {
      const api = (
        await call(t, t.as('anonymous'), 'GET', `/api/agreements?asOf=${asOf}`)
      ).json<AgreementsResponse>()
      const cli = await smaInProcess(['agreements', '--json', '--as-of', asOf])
      expect(cli.code).toBe(0)
      const cliList = JSON.parse(cli.out) as AgreementsResponse
      const status = (l: AgreementsResponse) => new Map(l.agreements.map((a) => [a.id, a.status]))
      const fromApi = status(api)
      const fromCli = status(cliList)
      for (const spec of record.agreements) {
        // the web computes status with the domain rule on the record it fetched from the API
        const web = agreementStatus(spec, asOf)
        expect([asOf, spec.id, fromApi.get(spec.id), fromCli.get(spec.id)]).toEqual([
          asOf,
          spec.id,
          web,
          web,
        ])
        compared++
      }
    }
    expect(compared).toBe(grid.length * record.agreements.length)
    expect(fromDays(toDays(grid[0] ?? ''))).toBe('1985-01-01')
  }, 120_000)
})

describe('a CPI value stored through the API reaches the API, SMA_DB and --server readers', () => {
  let dir: string
  let t: TestApp
  let server: string
  let file: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sma-one-record-'))
    file = join(dir, 'sma.db')
    t = await buildTestApp(async () => {
      const h = openDatabase(file)
      await migrateToLatest(h.db, 'sqlite')
      return h
    })
    server = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const stored = await call(t, t.as('KR-analyst'), 'POST', '/api/indices/KR_CPI/values', {
      period: 2026,
      value: '2.5',
      vintage: 'first release',
      releasedOn: '2027-01-02',
      sources: ['https://kostat.go.kr/'],
    })
    expect(stored.statusCode).toBe(201)
  })
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const year2028 = (json: string) =>
    (JSON.parse(json) as { years: { year: number; amount: string | null }[] }).years.find(
      (y) => y.year === 2028,
    )?.amount

  it('the API schedule shows 2028 = ₩1,589,900,000,000', async () => {
    const res = await call(t, t.as('anonymous'), 'GET', '/api/agreements/rok-us-sma-12/schedule')
    expect(year2028(res.body)).toBe('1589900000000')
  })

  it('sma schedule --server URL shows it (no token needed for the public record)', async () => {
    const r = await sma(['schedule', 'rok-us-sma-12', '--server', server, '--json'])
    expect(r.err).toBe('')
    expect(year2028(r.out)).toBe('1589900000000')
    const explain = await sma(['explain', 'rok-us-sma-12', '2028', '--server', server])
    expect(explain.out).toContain('1,589,900,000,000')
  })

  it('SMA_DB=<the database> sma schedule shows it; the shipped record still waits for the release', async () => {
    const fromDb = await sma(['schedule', 'rok-us-sma-12', '--json'], { SMA_DB: file })
    expect(year2028(fromDb.out)).toBe('1589900000000')
    const shipped = await sma(['schedule', 'rok-us-sma-12', '--json'])
    expect(year2028(shipped.out)).toBeNull()
  })

  it('check and agreements work against the server too', async () => {
    const check = await sma(['check', '--server', server])
    expect(check.code).toBe(0)
    expect(check.out).toMatch(/0 mismatches/)
    const list = await sma(['agreements', '--server', server, '--json', '--as-of', '2026-11-28'])
    expect(
      (JSON.parse(list.out) as AgreementsResponse).agreements.find((a) => a.id === 'rok-us-sma-12')
        ?.status,
    ).toBe('in-force')
  })

  it('an unreachable server is one clear line and exit 2', async () => {
    const r = await sma(['schedule', 'rok-us-sma-12', '--server', 'http://127.0.0.1:9'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^sma: cannot reach http:\/\/127\.0\.0\.1:9/)
    expect(r.err.trim().split('\n')).toHaveLength(1)
  })
})
