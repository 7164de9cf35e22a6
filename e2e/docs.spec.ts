import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'
import { AgreementPage } from './pages/agreement.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'
import { OverviewPage } from './pages/overview.page.js'
import { ProjectionsPage } from './pages/projections.page.js'

/**
 * Documentation artefacts, run on demand (`E2E_DOCS=1 npx playwright test docs`): screenshots in
 * docs/screenshots/ and the overview's load figures in test-results/web-performance.json.
 */
test.skip(process.env.E2E_DOCS !== '1', 'set E2E_DOCS=1 to write screenshots and figures')

const SHOTS = 'docs/screenshots'

test('screenshots of the overview, an agreement page and a negotiation page', async ({ page }) => {
  test.slow()
  mkdirSync(SHOTS, { recursive: true })
  const o = new OverviewPage(page)
  await o.goto('en')
  await o.chartRendered()
  await page.screenshot({ path: join(SHOTS, 'overview.png') })
  await page.evaluate("document.getElementById('rok-heading').scrollIntoView({ block: 'start' })")
  await page.screenshot({ path: join(SHOTS, 'overview-timeline-chart.png') })

  const a = new AgreementPage(page)
  await a.goto('rok-us-sma-12', 'en')
  await a.openDerivation(2027)
  await page.evaluate("document.getElementById('schedule-h').scrollIntoView({ block: 'start' })")
  await page.locator('[data-testid="schedule-chart"][data-chart-ready="true"]').waitFor()
  await page.screenshot({ path: join(SHOTS, 'agreement-rok-us-sma-12.png') })

  await loginViaApi(page, USERS.krNegotiator)
  const n = new NegotiationPage(page)
  await n.goto('rok-us-sma-12-negotiation', 'ko')
  await expect(n.rounds).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'negotiation-rok-us-sma-12-ko.png') })
})

test('overview load: first chart and network idle (median of 5 cold loads)', async ({
  browser,
}) => {
  test.slow()
  const runs: { firstChartMs: number; networkIdleMs: number; domContentLoadedMs: number }[] = []
  let scripts: string[] = []
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const t0 = Date.now()
    await page.goto('/?lang=en', { waitUntil: 'networkidle' })
    const networkIdleMs = Date.now() - t0
    await page.locator('[data-testid="totals-chart"][data-chart-ready="true"]').waitFor()
    // Evaluated in the page (a string, since this project's Node types have no DOM).
    const m = await page.evaluate<{
      firstChartMs: number
      domContentLoadedMs: number
      js: string[]
    }>(`(() => {
      const chart = performance.getEntriesByName('sma:first-chart')[0]
      const nav = performance.getEntriesByType('navigation')[0]
      const js = performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js'))
      return { firstChartMs: chart ? chart.startTime : -1, domContentLoadedMs: nav.domContentLoadedEventEnd, js }
    })()`)
    scripts = m.js
    runs.push({
      firstChartMs: Math.round(m.firstChartMs),
      networkIdleMs,
      domContentLoadedMs: Math.round(m.domContentLoadedMs),
    })
    await context.close()
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const html = readFileSync('web/dist/index.html', 'utf8')
  const entry = [...html.matchAll(/src="\/assets\/([^"]+\.js)"/g)].map((x) => x[1] ?? '')
  const sizes = scripts.map((url) => {
    const file = basename(new URL(url).pathname)
    const buf = readFileSync(join('web/dist/assets', file))
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length }
  })
  const result = {
    date: new Date().toISOString(),
    runs,
    median: {
      firstChartMs: median(runs.map((r) => r.firstChartMs)),
      networkIdleMs: median(runs.map((r) => r.networkIdleMs)),
      domContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
    },
    entryScripts: entry,
    scripts: sizes,
    gzipTotal: sizes.reduce((s, x) => s + x.gzip, 0),
    gzipWithoutCharts: sizes
      .filter((x) => !x.file.startsWith('EChartsView'))
      .reduce((s, x) => s + x.gzip, 0),
  }
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/web-performance.json', JSON.stringify(result, null, 2))
  expect(result.median.firstChartMs).toBeGreaterThan(0)
})

test('screenshot of the projections page (12th SMA vs the defense-budget rule)', async ({
  page,
}) => {
  test.slow()
  mkdirSync(SHOTS, { recursive: true })
  const p = new ProjectionsPage(page)
  await p.goto({ lang: 'en' })
  await p.configure({ paths: 20_000, seed: 1, compare: 'variant' })
  await p.run()
  await p.chart('fan-0').waitFor()
  await p.chart('cap-chart-0').waitFor()
  await page.evaluate("document.getElementById('proj-0-h').scrollIntoView({ block: 'start' })")
  await page.screenshot({ path: join(SHOTS, 'projections.png') })
})
