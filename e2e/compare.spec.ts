import { mkdirSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { AxeBuilder } from '@axe-core/playwright'
import type { APIRequestContext, Response } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { apiLogin, loginViaApi, USERS, type ApiSession } from './pages/app.page.js'
import { ComparePage } from './pages/compare.page.js'

/**
 * Issue 11, acceptance 2: a KR negotiator compares two proposals with the 12th SMA side by side
 * and in a Monte Carlo run, in Korean and English; a US negotiator opening the same link sees
 * neither KR's private draft nor the run over it.
 */
const NEG = 'rok-us-sma-13-negotiation'
const tag = randomBytes(3).toString('hex')
const TABLED = `KR 2031–2035 flat ${tag}`
const DRAFT = `KR private fallback ${tag}`

/**
 * A KR proposal continuing the 12th SMA: its template's shape with one flat amount a year over
 * `years` (test data, not a real figure), so every year is computed.
 */
async function propose(
  request: APIRequestContext,
  s: ApiSession,
  title: string,
  years: readonly number[],
  amount: string,
  visibility: 'private' | 'shared',
): Promise<string> {
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken }
  const first = years[0] ?? 2031
  const last = years[years.length - 1] ?? 2035
  const tpl = await request.get(
    `/api/agreements/rok-us-sma-12/template?firstYear=${first}&lastYear=${last}`,
    { headers },
  )
  expect(tpl.ok(), await tpl.text()).toBe(true)
  const { spec } = (await tpl.json()) as { spec: { term: Record<string, unknown> } }
  const res = await request.post(`/api/negotiations/${NEG}/proposals`, {
    headers,
    data: {
      title,
      visibility,
      spec: {
        ...spec,
        published: [],
        rules: [{ id: 'flat', kind: 'flat', cite: [], years, amount }],
      },
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

test.describe.configure({ mode: 'serial' })

test('KR compares two proposals with the 12th SMA side by side and in a Monte Carlo run', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(300_000)
  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL ?? '',
  })
  const krApi = await apiLogin(api, USERS.krNegotiator)
  // ₩1.6 trillion a year over 2031–2035, tabled; ₩1.55 trillion a year over 2031–2034, a draft
  const tabled = await propose(
    api,
    krApi,
    TABLED,
    [2031, 2032, 2033, 2034, 2035],
    '1600000000000',
    'shared',
  )
  const draft = await propose(
    api,
    krApi,
    DRAFT,
    [2031, 2032, 2033, 2034],
    '1550000000000',
    'private',
  )
  await api.dispose()

  const shots = process.env.E2E_DOCS === '1'
  if (shots) mkdirSync('docs/screenshots', { recursive: true })
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await ctx.newPage()
  await loginViaApi(page, USERS.krNegotiator)
  const c = new ComparePage(page)
  let runUrl = ''

  for (const lang of ['ko', 'en'] as const) {
    await page.setViewportSize({ width: 1366, height: 900 })
    // from the negotiation page's link, then the two proposals picked in the page
    await page.goto(`/negotiations/${NEG}?lang=${lang}`)
    await page.getByTestId('compare-link').click()
    await c.heading.waitFor()
    await expect(c.pick('a', 'rok-us-sma-12')).toBeChecked() // the agreement it replaces
    await c.choose('p', tabled)
    await c.choose('p', draft)
    await expect(page).toHaveURL(new RegExp(`p=${tabled}(%2C|,)${draft}`))
    await expect(page).toHaveURL(/[?&]a=rok-us-sma-12(&|$)/)
    await expect(c.row('a:rok-us-sma-12')).toBeVisible()
    await expect(c.row(`p:${tabled}`)).toContainText(TABLED)
    await expect(c.row(`p:${draft}`)).toContainText(DRAFT)
    // the 12th SMA's index-linked years are pending: the tabled proposal is the reference; the
    // draft covers other years, so it is compared by yearly average (−₩500억 a year), and says so
    await expect(c.row('a:rok-us-sma-12').getByTestId('average')).toContainText(
      lang === 'ko' ? '미확정' : 'pending',
    )
    await expect(c.row(`p:${tabled}`).getByTestId('average')).toContainText(
      lang === 'ko' ? '1조 6,000억' : '1,600,000,000,000',
    )
    await expect(c.row(`p:${draft}`).getByTestId('difference')).toContainText(
      lang === 'ko' ? '연평균 비교' : 'of yearly averages',
    )
    await expect(c.perMemberNote).toContainText(lang === 'ko' ? '제공하지 않습니다' : 'unavailable')
    await expect(c.chart).toBeVisible()

    await c.runMonteCarlo()
    await expect(c.mcTotals.locator('tbody tr')).toHaveCount(3)
    await expect(c.mcTotals).toContainText(DRAFT)
    await expect(c.mcVisibility).toContainText(lang === 'ko' ? '대한민국' : 'ROK')
    await expect(page).toHaveURL(/run=/)
    runUrl = page.url()

    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
      const bad = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) => `${lang} ${width} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        )
      expect(bad).toEqual([])
      expect(await c.overflow(), `${lang} ${width}`).toBeLessThanOrEqual(0)
      if (shots)
        await page.screenshot({
          path: `docs/screenshots/compare-${lang}-${width}.png`,
          fullPage: true,
        })
    }
  }
  await ctx.close()

  // The US negotiator opens KR's link: the tabled proposal shows, the draft and the run do not.
  const usCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const us = await usCtx.newPage()
  const bodies: string[] = []
  us.on('response', (r: Response) => {
    if (r.url().includes('/api/'))
      void r
        .text()
        .then((t) => bodies.push(t))
        .catch(() => undefined)
  })
  await loginViaApi(us, USERS.usNegotiator)
  await us.goto(runUrl.replace(/lang=ko/, 'lang=en'))
  const u = new ComparePage(us)
  await u.heading.waitFor()
  await expect(u.row(`p:${tabled}`)).toContainText(TABLED)
  await expect(u.pick('p', draft)).toHaveCount(0)
  await expect(us.locator('body')).not.toContainText(DRAFT)
  await expect(u.mcResult).toHaveCount(0)
  for (const b of bodies) expect(b).not.toContain(DRAFT)
  await usCtx.close()
})
