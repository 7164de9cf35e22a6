import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { expect, test } from './fixtures.js'
import { DEMO_PASSWORD, USERS, watchConsole } from './pages/app.page.js'
import { AnalysisPage } from './pages/analysis.page.js'
import { LoginPage } from './pages/login.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'

const NEGOTIATION = 'rok-us-sma-13-negotiation'
const tag = randomBytes(4).toString('hex')
const TITLE = `KR packages ${tag}`
const TABLED = `KR tables 5 % ${tag}`

/** The 12th SMA with a 5 % first-year increase: a variant the analysis places on its plane. */
function variantSpec(): Record<string, unknown> {
  const base = JSON.parse(
    readFileSync(new URL('../data/agreements/rok-us-sma-12.json', import.meta.url), 'utf8'),
  ) as { rules: { kind: string; parts?: unknown[] }[] } & Record<string, unknown>
  return {
    ...base,
    id: 'rok-us-sma-12-what-if',
    rules: base.rules.map((r) =>
      r.kind === 'negotiated-increase'
        ? { ...r, parts: [{ pct: '5.0', label: { en: 'first-year increase', ko: '첫해 인상률' } }] }
        : r,
    ),
  }
}

/** A user created with the CLI against the server's database (demo user as a fallback). */
function createUser(email: string, party: 'KR' | 'US', role: string): string {
  const db = process.env.SMA_E2E_DB
  if (db === undefined) return ''
  try {
    execFileSync(
      'npx',
      ['sma', 'user', 'add', '--email', email, '--party', party, '--role', role, '--db', db],
      { input: `${DEMO_PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 },
    )
    return email
  } catch {
    return ''
  }
}

let krUser: string = USERS.krNegotiator
let usUser: string = USERS.usNegotiator
let analysisId = ''

test.beforeAll(() => {
  krUser = createUser(`kr.ana.${tag}@test.sma`, 'KR', 'negotiator') || USERS.krNegotiator
  usUser = createUser(`us.ana.${tag}@test.sma`, 'US', 'negotiator') || USERS.usNegotiator
})

test.describe.serial('bargaining analysis', () => {
  test('a KR negotiator creates an analysis and sees the utility plane', async ({ page }) => {
    const errors = watchConsole(page)
    await new LoginPage(page).login(krUser)
    const n = new NegotiationPage(page)
    await n.goto(NEGOTIATION, 'en')
    await page.getByTestId('analysis-link').click()
    const a = new AnalysisPage(page)
    await page.getByTestId('analysis-page').waitFor()
    await expect(a.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      'Visible only to the ROK delegation',
    )
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/analyses') && r.request().method() === 'POST',
    )
    await a.create(TITLE)
    const res = await created
    expect(res.status()).toBe(201)
    analysisId = ((await res.json()) as { analysis: { id: string } }).analysis.id
    await expect(a.items.filter({ hasText: TITLE })).toHaveCount(1)
    await expect(
      page.locator('[data-testid="utility-plane"][data-chart-ready="true"]'),
    ).toBeVisible({ timeout: 15_000 })
    await expect(a.plane).toContainText('our estimate of the US')
    await expect(a.frontier.locator('tbody tr')).toHaveCount(11)
    // yearly averages in won with every digit in English
    await expect(a.frontier.locator('tbody tr').first()).toContainText(/₩\d{1,3}(,\d{3}){3}/)
    await expect(a.solutions).toContainText('Nash')

    // Korean: private label, the other party's axis and 조/억 amounts
    await a.goto(NEGOTIATION, 'ko')
    await expect(a.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      '대한민국 대표단만 볼 수 있음',
    )
    await expect(a.plane).toContainText('미국 측에 대한 우리 추정', { timeout: 15_000 })
    await expect(a.frontier.locator('tbody tr').first()).toContainText('억')
    expect(errors).toEqual([])
  })

  test('a tabled proposal lies on the plane; a simulation draws both offer paths', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    await new LoginPage(page).login(krUser)
    // table a proposal through the API with the KR user's session and CSRF token
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }
    const tabled = await page.request.post(`/api/negotiations/${NEGOTIATION}/proposals`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { title: TABLED, visibility: 'shared', spec: variantSpec() },
    })
    expect(tabled.status()).toBe(201)

    const a = new AnalysisPage(page)
    await a.goto(NEGOTIATION, 'en')
    await a.items.filter({ hasText: TITLE }).getByRole('button').click()
    await expect(
      page.locator('[data-testid="utility-plane"][data-chart-ready="true"]'),
    ).toBeVisible({ timeout: 15_000 })
    const row = a.proposals.locator('tbody tr').filter({ hasText: TABLED })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(/₩\d{1,3}(,\d{3}){3}/)
    await expect(a.plane).toContainText('Proposals')

    await a.runSimulation({
      strategyA: 'boulware',
      strategyB: 'conceder',
      rounds: '300',
      seed: '7',
    })
    await expect(a.simulationOutcome).toContainText(/Agreement in round \d+|No agreement/)
    await expect(a.plane).toContainText('ROK offers')
    await expect(a.plane).toContainText('US offers')

    // Korean, and two hardliners never agree
    await a.goto(NEGOTIATION, 'ko')
    await a.items.filter({ hasText: TITLE }).getByRole('button').click()
    await expect(a.proposals.locator('tbody tr').filter({ hasText: TABLED })).toHaveCount(1)
    await a.runSimulation({
      strategyA: 'hardliner',
      strategyB: 'hardliner',
      rounds: '40',
      seed: '1',
    })
    await expect(a.simulationOutcome).toContainText('합의에 이르지 못했습니다')
    await expect(a.plane).toContainText('대한민국 제안 경로')
    expect(errors).toEqual([])
  })

  test('an analysis started from our saved position flags solutions above our reservation value', async ({
    page,
  }) => {
    await new LoginPage(page).login(krUser)
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }
    /** Saves a KR position with a reservation value in won per year (the term's average). */
    const savePosition = async (title: string, reservationValue: string) => {
      const saved = await page.request.post(`/api/negotiations/${NEGOTIATION}/positions`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          title,
          reservationValue,
          target: null,
          priorities: [],
          estimateOfOther: { reservationValue: '1000000000000', target: null, notes: '' },
          notes: '',
        },
      })
      expect(saved.status()).toBe(201)
    }
    const a = new AnalysisPage(page)

    // ₩1.5 trillion a year: below what the 12th SMA's levers make of most packages.
    const tight = `KR tight ${tag}`
    await savePosition(tight, '1500000000000')
    await a.goto(NEGOTIATION, 'en')
    await a.startFromPosition(tight)
    await a.create(`From ${tight}`)
    await expect(a.reservationWarning).toBeVisible({ timeout: 15_000 })
    await expect(a.reservationWarning).toContainText(
      'cost more than our reservation value (₩1,500,000,000,000)',
    )
    await expect(a.reservationWarning).toContainText(/Nash: first year \+[\d.]+ %/)
    await a.goto(NEGOTIATION, 'ko')
    await a.items
      .filter({ hasText: `From ${tight}` })
      .getByRole('button')
      .click()
    await expect(a.reservationWarning).toContainText('유보가치', { timeout: 15_000 })

    // ₩3 trillion a year: every solution is within it, and the page says so quietly.
    const loose = `KR loose ${tag}`
    await savePosition(loose, '3000000000000')
    await a.goto(NEGOTIATION, 'en')
    await a.startFromPosition(loose)
    await a.create(`From ${loose}`)
    await expect(page.getByTestId('reservation-check')).toBeVisible({ timeout: 15_000 })
    await expect(a.reservationWarning).toHaveCount(0)
  })

  test('a US user gets 404 for the analysis and never sees it listed', async ({ page }) => {
    expect(analysisId).not.toBe('')
    await new LoginPage(page).login(usUser)
    const base = `/api/negotiations/${NEGOTIATION}/analyses`
    const direct = await page.request.get(`${base}/${analysisId}`)
    expect(direct.status()).toBe(404)
    const result = await page.request.get(`${base}/${analysisId}/result`)
    expect(result.status()).toBe(404)
    const list = await page.request.get(base)
    expect(list.status()).toBe(200)
    expect(await list.text()).not.toContain(TITLE)

    const a = new AnalysisPage(page)
    await a.goto(NEGOTIATION, 'en')
    await expect(a.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      'Visible only to the US delegation',
    )
    await expect(page.getByText(TITLE)).toHaveCount(0)
    await expect(a.plane).toHaveCount(0)
  })
})
