import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request, type APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { DEMO_PASSWORD } from './pages/app.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'
import { OtherPartyActs } from './pages/other-party.page.js'

/**
 * Issue 17, acceptance 1 in the browser: a second server started with SMA_PARTIES=KR (its own
 * SQLite file, port E2E_PORT + 10). A KR negotiator records a US proposal for 2031–2035 and the
 * US rejection of KR's proposal; the negotiation page shows both as reported by KR, in Korean.
 */
const PORT = Number(process.env.E2E_PORT ?? 8181) + 10
const BASE = `http://127.0.0.1:${PORT}`
const N = 'rok-us-sma-13-negotiation'
let server: ChildProcess | undefined

/** A proposal for 2031–2035: the 12th SMA's shape with one flat amount a year (test data). */
function spec(marker: string, amount: string): Promise<Record<string, unknown>> {
  const base = JSON.parse(readFileSync('data/agreements/rok-us-sma-12.json', 'utf8')) as Record<
    string,
    unknown
  >
  return Promise.resolve({
    ...base,
    id: `proposal-2031-2035-${marker}`,
    ordinal: 14,
    term: { firstYear: 2031, lastYear: 2035, yearKind: 'calendar' },
    rules: [{ id: 'flat', kind: 'flat', cite: [], years: [2031, 2032, 2033, 2034, 2035], amount }],
    published: [],
    openQuestions: [marker],
  })
}

test.describe('a KR-only instance', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000)
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        SMA_DB: join(tmpdir(), `sma-e2e-kr-only-${Date.now()}.db`),
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SMA_PARTIES: 'KR',
        SMA_DEMO_USERS: '1',
        SMA_RATE_LIMIT: '0',
        LOG_LEVEL: 'warn',
        SMA_NOW: '2026-11-28T01:00:00Z',
      },
      stdio: 'ignore',
    })
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('the KR-only server did not start')
  })
  test.afterAll(() => {
    server?.kill('SIGTERM')
  })

  test('shows a reported US proposal and a reported US rejection as KR’s record', async ({
    page,
  }) => {
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { parties: string[] }
    expect(health.parties).toEqual(['KR'])

    const api: APIRequestContext = await request.newContext({ baseURL: BASE })
    const login = await api.post('/api/auth/login', {
      data: { email: 'kr.negotiator@demo.sma', password: DEMO_PASSWORD },
    })
    expect(login.ok()).toBe(true)
    const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken }
    const ours = await api.post(`/api/negotiations/${N}/proposals`, {
      headers: csrf,
      data: {
        title: 'KR offer 2031–2035',
        visibility: 'shared',
        spec: await spec('kr', '1700000000000'),
      },
    })
    expect(ours.status()).toBe(201)
    const us = await api.post(`/api/negotiations/${N}/reported/proposals`, {
      headers: csrf,
      data: {
        party: 'US',
        title: 'US offer 2031–2035',
        spec: await spec('us', '1900000000000'),
        source: { kind: 'tabled-text', ref: 'US text tabled at round 2', date: '2026-11-20' },
      },
    })
    expect(us.status()).toBe(201)
    const krId = ((await ours.json()) as { id: string }).id
    const reject = await api.post(`/api/negotiations/${N}/proposals/${krId}/reported-reply`, {
      headers: csrf,
      data: {
        party: 'US',
        reply: 'reject',
        reason: 'below the cost of stationing',
        source: { kind: 'minutes', ref: 'Round 2 minutes', date: '2026-11-21' },
      },
    })
    expect(reject.status()).toBe(201)
    await api.dispose()

    await page.goto(`${BASE}/login`)
    await page.getByLabel(/^(Email|이메일)$/).fill('kr.negotiator@demo.sma')
    await page.getByLabel(/^(Password|비밀번호)$/).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: /^(Log in|로그인)$/ }).click()
    await page.getByTestId('whoami').waitFor()
    const negotiation = new NegotiationPage(page)
    await page.goto(`${BASE}/negotiations/${N}?lang=ko`)
    await negotiation.page.getByTestId('negotiation-page').waitFor()
    const other = new OtherPartyActs(page)
    await expect(other.instanceBadge).toHaveText('대한민국 측 단독 인스턴스')
    const tabled = other.act('US offer 2031–2035')
    await expect(tabled).toContainText('우리 측 기록(상대측 행위)')
    await expect(tabled).toContainText('US text tabled at round 2')
    const rejected = other.act('below the cost of stationing')
    await expect(rejected).toContainText('거부')
    await expect(rejected).toContainText('우리 측 기록(상대측 행위)')
    await expect(rejected).toContainText('Round 2 minutes')
    // no horizontal overflow at 390 px
    await page.setViewportSize({ width: 390, height: 800 })
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
