import { readFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'

/**
 * Every page as its readers meet it: Korean and English, a laptop (1366 px) and a phone (390 px).
 * Axe finds no serious or critical violation, and nothing overflows the width of the screen.
 */
const PAGES = [
  '/',
  '/agreements/rok-us-sma-12?year=2027',
  '/agreements/jp-us-sma-2022',
  '/agreements/rok-us-sma-12/what-if',
  '/agreements/rok-us-sma-11/ledger',
  '/agreements/rok-us-sma-08/ledger',
  '/negotiations',
  '/negotiations/rok-us-sma-12-negotiation',
  '/projections',
  '/login',
] as const
const SIGNED_IN = [
  '/account',
  '/negotiations/rok-us-sma-13-negotiation/analysis',
  '/negotiations/rok-us-sma-13-negotiation/compare',
  '/exchange',
] as const
/**
 * Pages checked elsewhere: the audit page needs an administrator's two-step login, whose one-time
 * code cannot be reused by the next test within its 30-second window (e2e/audit.spec.ts).
 */
const ELSEWHERE = ['admin/audit'] as const

/** The web router's page paths ('agreements/:id', …), read from its source: none may be missed. */
const ROUTES = [...readFileSync('web/src/app/router.tsx', 'utf8').matchAll(/\[\s*'([a-z:/-]+)',/g)]
  .map((m) => m[1] ?? '')
  .filter((p) => p !== '')

test('every page of the router is checked here', () => {
  const urls = [...PAGES, ...SIGNED_IN].map((u) => u.split('?')[0] ?? u)
  const covered = (route: string) =>
    urls.some((u) => new RegExp(`^/${route.replace(/:[a-z]+/g, '[^/]+')}$`).test(u))
  expect(ROUTES.length).toBeGreaterThan(5)
  const skipped: readonly string[] = ELSEWHERE
  expect(ROUTES.filter((r) => !covered(r) && !skipped.includes(r))).toEqual([])
})

for (const lang of ['ko', 'en'] as const) {
  for (const width of [1366, 390] as const) {
    test.describe(`${lang} at ${width} px`, () => {
      test.use({ viewport: { width, height: 900 } })
      for (const url of [...PAGES, ...SIGNED_IN]) {
        test(url, async ({ page }) => {
          if ((SIGNED_IN as readonly string[]).includes(url)) {
            test.slow() // may wait out the server's per-minute login limit
            await loginViaApi(page, USERS.krNegotiator)
          }
          await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`)
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
          await page.waitForLoadState('networkidle')
          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
          const bad = axe.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
          expect(bad).toEqual([])
          const overflow = await page.evaluate<number>(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          )
          expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
        })
      }
    })
  }
}
