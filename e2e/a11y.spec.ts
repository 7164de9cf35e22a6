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
  '/negotiations/rok-us-sma-13-negotiation',
  '/projections',
  '/host-support',
  '/login',
] as const
/**
 * Pages as a KR negotiator sees them (their forms included), and the administrator's audit log.
 * The test's name says who is logged in.
 */
const SIGNED_IN = [
  ['/account', 'krNegotiator'],
  ['/exchange', 'krNegotiator'],
  ['/negotiations/rok-us-sma-13-negotiation/analysis', 'krNegotiator'],
  ['/negotiations/rok-us-sma-13-negotiation/compare', 'krNegotiator'],
  ['/negotiations/rok-us-sma-13-negotiation', 'krNegotiator'],
  ['/agreements/rok-us-sma-12/what-if', 'krNegotiator'],
  ['/admin/audit', 'krAdmin'],
] as const satisfies readonly (readonly [string, keyof typeof USERS])[]

const CASES = [
  ...PAGES.map((url) => ({ url, who: null })),
  ...SIGNED_IN.map(([url, who]) => ({ url, who })),
]

/** The web router's page paths ('agreements/:id', …), read from its source: none may be missed. */
const ROUTES = [...readFileSync('web/src/app/router.tsx', 'utf8').matchAll(/\[\s*'([a-z:/-]+)',/g)]
  .map((m) => m[1] ?? '')
  .filter((p) => p !== '')

test('every page of the router is checked here', () => {
  const urls = CASES.map(({ url }) => url.split('?')[0] ?? url)
  const covered = (route: string) =>
    urls.some((u) => new RegExp(`^/${route.replace(/:[a-z]+/g, '[^/]+')}$`).test(u))
  expect(ROUTES.length).toBeGreaterThan(5)
  expect(ROUTES.filter((r) => !covered(r))).toEqual([])
})

for (const lang of ['ko', 'en'] as const) {
  for (const width of [1366, 390] as const) {
    test.describe(`${lang} at ${width} px`, () => {
      test.use({ viewport: { width, height: 900 } })
      for (const { url, who } of CASES) {
        test(who === null ? url : `${url} as ${who}`, async ({ page }) => {
          if (who !== null) {
            test.slow() // may wait out the server's per-minute login limit, or a fresh code
            await loginViaApi(page, USERS[who])
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
