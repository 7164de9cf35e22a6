import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { apiLogin, USERS, watchConsole } from './pages/app.page.js'
import { ProjectionsPage } from './pages/projections.page.js'

const SMALL = { paths: 2000, seed: 42 }

test.describe('projections page', () => {
  test('runs the 12th SMA: 2026–2027 exact, 2028–2030 spread, cap binding shown', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projections')
    await expect(p.agreement).toHaveValue('rok-us-sma-12')
    // Issue 16: the default is the backtested random walk; this test keeps checking the AR(1)
    // scenario's documented fit by choosing it.
    await expect(p.scenario).toHaveValue('calibrated')
    await expect(p.paths).toHaveValue('20000')
    await expect(page.getByTestId('scenario-note')).toContainText('2000–2025')
    await p.configure({ ...SMALL, scenario: 'ar1' })
    await p.run()

    await expect(page.getByTestId('projection-summary')).toContainText('2,000 paths')
    await expect(page.getByTestId('projection-summary')).toContainText('seed 42')
    await expect(p.exactCell(2026)).toContainText('₩1,519,200,000,000')
    await expect(p.exactCell(2027)).toContainText('₩1,551,100,000,000')
    for (const year of [2028, 2029, 2030]) {
      await expect(p.exactCell(year)).toHaveCount(0)
      const [p5, p50, p95] = [
        await p.quantile(year, 'p5'),
        await p.quantile(year, 'p50'),
        await p.quantile(year, 'p95'),
      ]
      expect(p5 < p50 && p50 < p95, `${year}: ${p5} < ${p50} < ${p95}`).toBe(true)
      await expect(p.capBinds(year)).toHaveText(/^\d{1,3}\.\d %$/)
    }
    // Fitted AR(1) parameters and fit period of the API's `models`.
    await expect(page.getByTestId('model-KR_CPI')).toContainText('2000–2025 (25 pairs)')
    await expect(page.getByTestId('model-KR_CPI')).toContainText('φ = 0.515')
    await expect(p.chart('fan-0')).toBeVisible()
    await expect(p.chart('total-hist-0')).toBeVisible()
    await expect(p.chart('cap-chart-0')).toBeVisible()
    await expect(page.getByTestId('psm-0')).toBeVisible()

    // Real terms: 2026 is the nominal figure deflated to 2025 prices (still exact, a point).
    await page.getByRole('radio', { name: /Real/ }).check()
    await expect(p.exactCell(2026)).not.toContainText('₩1,519,200,000,000')
    await page.getByRole('radio', { name: /Nominal/ }).check()
    await expect(p.exactCell(2026)).toContainText('₩1,519,200,000,000')
    expect(errors).toEqual([])
  })

  test('compares with the 11th-style defense-budget rule: difference and P(a costs more)', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    await p.configure({ ...SMALL, compare: 'variant' })
    await p.run()
    const c = p.comparison(0)
    await expect(c.getByRole('heading', { level: 2 })).toContainText('Difference')
    await expect(c.getByRole('heading', { level: 2 })).toContainText('defense-budget rule')
    await expect(c.getByTestId('p-a-higher')).toHaveText(
      /^P\(12th ROK–US Special Measures Agreement costs more\): \d{1,3}\.\d %$/,
    )
    await expect(c.getByTestId('p-b-higher')).toContainText('costs more')
    await expect(page.getByTestId('cmp-0-year-2029')).toBeVisible()
    await expect(p.chart('diff-hist-0')).toBeVisible()
    await expect(p.chart('diff-fan-0')).toBeVisible()
    // Both proposals get their own fan chart.
    await expect(p.chart('fan-1')).toBeVisible()
    expect(errors).toEqual([])
  })

  test('shows paths done of total while a long run computes, and Cancel stops it', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    // A run the server reports as still going (the real engine finishes 100,000 paths in
    // about a second here, too fast to press Cancel reliably).
    const id = '00000000-0000-4000-8000-000000000016'
    const request = {
      agreement: 'rok-us-sma-12',
      scenario: 'calibrated',
      paths: 100_000,
      seed: 42,
      compare: [],
    }
    const view = (status: string, done: number, queuePosition: number | null = null) => ({
      id,
      status,
      visibility: 'public',
      ownerParty: 'PUBLIC',
      request,
      engine: 'projection@3',
      inputsDigest: 'e2e',
      pathsDone: done,
      pathsTotal: 100_000,
      createdAt: '2026-11-28T01:00:00.000Z',
      finishedAt: status === 'running' ? null : '2026-11-28T01:00:02.000Z',
      error: null,
      queuePosition,
      result: null,
    })
    // the run waits in the server's queue until the test lets the first poll answer
    let leaveQueue!: () => void
    const queued = new Promise<void>((r) => (leaveQueue = r))
    let cancelledWith: unknown = null
    await page.route('**/api/projection-runs', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({
          run: view('running', 0, 2),
          cancelToken: 'token-of-this-browser-0123456789',
        }),
      }),
    )
    await page.route(`**/api/projection-runs/${id}`, async (route) => {
      await queued
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ run: view('running', 32_768) }),
      })
    })
    await page.route(`**/api/projection-runs/${id}/cancel`, (route) => {
      cancelledWith = route.request().postDataJSON()
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ run: view('cancelled', 32_768) }),
      })
    })
    await p.configure({ paths: 100_000, seed: 42 })
    await p.runButton.click()
    await expect(p.running).toContainText(
      'Running 100,000 paths of 12th ROK–US Special Measures Agreement',
    )
    await expect(p.progress).toHaveText('Queued, 2 ahead')
    leaveQueue()
    await expect(p.progress).toHaveText('32,768 of 100,000 paths')
    await expect(page.getByRole('progressbar')).toHaveAttribute('value', '32768')
    await expect(page).toHaveURL(new RegExp(`run=${id}`))
    await p.cancelButton.click()
    await expect(p.cancelled).toBeVisible()
    expect(cancelledWith).toEqual({ cancelToken: 'token-of-this-browser-0123456789' })
    await expect(p.running).toHaveCount(0)
    await expect(p.results).toHaveCount(0)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    expect(errors).toEqual([])
  })

  test("shows the server's problem detail when a run fails", async ({ page }) => {
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    await page.route('**/api/projection-runs', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          detail: 'scenario lacks KR_CPI 2031',
        }),
      }),
    )
    await p.configure(SMALL)
    await p.run()
    await expect(p.error).toHaveText('scenario lacks KR_CPI 2031')
  })

  test('a stored run opened by its link shows the same figures; run again reproduces them', async ({
    page,
    context,
  }) => {
    // Three projections in one test (run, open by link, run again): give it the slow budget.
    test.slow()
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    await p.configure({ ...SMALL, compare: 'variant' })
    await p.run()
    await expect(p.storedRun).toContainText('Public: anyone with the link')
    const link = await p.runLink.inputValue()
    expect(link).toMatch(/\/projections\?run=[0-9a-f-]{36}$/)
    const figures = await p.figures()
    expect(Object.keys(figures).length).toBeGreaterThan(10)

    const other = new ProjectionsPage(await context.newPage())
    await other.openRun(link, 'en')
    expect(await other.figures()).toEqual(figures)
    // the form shows the run's inputs
    await expect(other.seed).toHaveValue('42')
    await expect(other.paths).toHaveValue('2000')
    await expect(other.compare).toHaveValue('variant')
    await other.runAgain.click()
    await expect(other.rerunVerdict).toHaveText(/^Same figures as the stored run/, {
      timeout: 30_000,
    })
    expect(await other.figures()).toEqual(figures)
    expect(errors).toEqual([])
  })

  test('a KR-private run is not found for a visitor without a login', async ({ page, request }) => {
    // `request` keeps its own cookies: the page stays an anonymous visitor
    const session = await apiLogin(request, USERS.krNegotiator)
    const spec = JSON.parse(readFileSync('data/agreements/rok-us-sma-12.json', 'utf8')) as Record<
      string,
      unknown
    >
    const res = await request.post('/api/projection-runs', {
      headers: { 'x-csrf-token': session.csrfToken, cookie: session.cookie },
      data: { spec: { ...spec, id: 'kr-e2e-draft' }, paths: 200, seed: 1 },
    })
    expect(res.status()).toBe(201)
    const { run } = (await res.json()) as { run: { id: string; visibility: string } }
    expect(run.visibility).toBe('private')
    const p = new ProjectionsPage(page)
    await p.openRun(`/projections?run=${run.id}`, 'en')
    await expect(p.error).toContainText(/not found/i)
    await expect(p.results).toHaveCount(0)
  })

  test('the agreement page links to its projection', async ({ page }) => {
    await page.goto('/agreements/rok-us-sma-11?lang=en')
    await page.getByRole('link', { name: 'Project under uncertainty' }).click()
    await expect(page).toHaveURL(/\/projections\?agreement=rok-us-sma-11/)
    await expect(new ProjectionsPage(page).agreement).toHaveValue('rok-us-sma-11')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Projections' })
      .click()
    await expect(page).toHaveURL(/\/projections$/)
  })

  for (const lang of ['en', 'ko'] as const) {
    test(`${lang}: lists the official forecasts with dates and sources and draws the calibration chart`, async ({
      page,
    }) => {
      const errors = watchConsole(page)
      const p = new ProjectionsPage(page)
      await p.goto({ lang })
      const text = {
        en: {
          bok: 'Bank of Korea',
          date: 'May 28, 2026',
          imf: 'World Economic Outlook',
          mnd: 'December 2024',
          cal: 'in 38 of 42 cases (90.5 %)',
          ar1: 'in 26 of 42 cases (61.9 %)',
          group: "Official forecasts (the institutions', not SMA Desk's)",
          whose: "not SMA Desk's",
        },
        ko: {
          bok: '한국은행',
          date: '2026년 5월 28일',
          imf: '세계경제전망',
          mnd: '2024년 12월',
          cal: '42건 중 38건(90.5%)',
          ar1: '42건 중 26건(61.9%)',
          group: '공식 전망 (SMA Desk가 아닌 각 기관의 전망)',
          whose: 'SMA Desk가 아닌',
        },
      }[lang]
      await expect(p.forecast('bok-2026-05')).toContainText(text.bok)
      await expect(p.forecast('bok-2026-05').getByTestId('forecast-date')).toHaveText(text.date)
      await expect(p.forecast('bok-2026-05').getByRole('link').first()).toHaveAttribute(
        'href',
        /^https:\/\//,
      )
      await expect(p.forecast('imf-2025-article-iv').getByTestId('forecast-gaps')).toContainText(
        text.imf,
      )
      await expect(p.forecast('mnd-midterm-2025-2029').getByTestId('forecast-date')).toHaveText(
        text.mnd,
      )
      // the form offers them as a group of their own, labelled as the institutions'
      await expect(p.scenario.locator('optgroup').nth(1)).toHaveAttribute('label', text.group)
      await p.configure({ scenario: 'bok-2026-05' })
      await expect(page.getByTestId('scenario-note').getByTestId('forecast-label')).toContainText(
        text.whose,
      )
      // the calibration chart of the default scenario, then of the AR(1)
      await expect(p.chart('calibration-chart')).toBeVisible({ timeout: 20_000 })
      await expect(p.calibrationSummary).toContainText(text.cal)
      await p.calibrationScenario.selectOption('ar1')
      await expect(p.calibrationSummary).toContainText(text.ar1)
      await page.getByTestId('calibration-series-KR_DEFENSE_BUDGET').check()
      await expect(page.getByTestId('calibration-row-all')).toBeVisible()
      if (lang === 'ko') await expectNoUntranslated(page)
      expect(errors).toEqual([])
    })
  }

  test('Korean: a run with a comparison shows no untranslated keys', async ({ page }) => {
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'ko' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('전망')
    await p.configure({ ...SMALL, compare: 'variant' })
    await p.run()
    await expect(p.comparison(0)).toBeVisible()
    const money = p.exactCell(2026).locator('.money')
    await expect(money).toHaveText('1조 5,192억 원')
    await expect(money).toHaveAttribute('title', '₩1,519,200,000,000')
    await expectNoUntranslated(page)
    expect(errors).toEqual([])
  })
})

type Tree = { [k: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k
    return typeof v === 'string' ? [[key, v] as [string, string]] : flatten(v, key)
  })
const load = (lang: string) => JSON.parse(readFileSync(`web/src/i18n/${lang}.json`, 'utf8')) as Tree

/** No key path and no English UI text (three words or more) on the page; `<html lang="ko">`. */
async function expectNoUntranslated(page: Page): Promise<void> {
  const en = flatten(load('en'))
  const ko = new Map(flatten(load('ko')))
  const text = await page.locator('body').innerText()
  expect(
    en.map(([k]) => k).filter((k) => text.includes(k)),
    'i18n key paths shown instead of text',
  ).toEqual([])
  const english = en
    .filter(([k, v]) => ko.get(k) !== v)
    .flatMap(([, v]) => v.split(/\{\{\w+\}\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.split(/\s+/).length >= 3)
  expect(
    english.filter((s) => text.includes(s)),
    'English UI text on a Korean page',
  ).toEqual([])
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
}
