import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { watchConsole } from './pages/app.page.js'
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
    await expect(p.scenario).toHaveValue('ar1')
    await expect(p.paths).toHaveValue('20000')
    await expect(page.getByTestId('scenario-note')).toContainText('2000–2025')
    await p.configure(SMALL)
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

  test('shows a spinner with what is running, and Cancel stops it', async ({ page }) => {
    const errors = watchConsole(page)
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    // Hold the request so the run is still going when Cancel is pressed.
    await page.route('**/api/projections', async (route) => {
      await new Promise((r) => setTimeout(r, 3000))
      await route.continue().catch(() => undefined)
    })
    await p.configure(SMALL)
    await p.runButton.click()
    await expect(p.running).toContainText(
      'Running 2,000 paths of 12th ROK–US Special Measures Agreement',
    )
    await p.cancelButton.click()
    await expect(p.cancelled).toBeVisible()
    await expect(p.running).toHaveCount(0)
    await expect(p.results).toHaveCount(0)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    expect(errors).toEqual([])
  })

  test("shows the server's problem detail when a run fails", async ({ page }) => {
    const p = new ProjectionsPage(page)
    await p.goto({ lang: 'en' })
    await page.route('**/api/projections', (route) =>
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
