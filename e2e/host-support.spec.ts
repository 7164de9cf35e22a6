import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from './fixtures.js'
import { watchConsole } from './pages/app.page.js'
import { HostSupportPage } from './pages/host-support.page.js'
import { OverviewPage } from './pages/overview.page.js'

const TEXT = {
  ko: {
    h1: '한일 주둔경비 분담 비교',
    jp2022: [
      '2,056억 엔 (언론 보도)',
      '1달러 = 131.4589엔',
      '15억 6,400만 달러',
      '28,963달러',
      '3.81%',
    ],
    kr2023: 'SMA Desk 산출',
    unknown: '미상',
    fiscal: '4월~다음 해 3월',
    derived: '공표된 수치가 아니다',
    legend: '특별협정 대상',
    coverage: '총액 확인 28개',
    fy2008: ['1,416억 엔', '2,083억 엔', '정부·국회 공표'],
  },
  en: {
    h1: 'Korea and Japan: host-nation support compared',
    jp2022: ['¥205.6 bn (reported)', '131.4589 ¥/$', '$1,564.0 m', '$28,963', '3.81%'],
    kr2023: 'derived by SMA Desk',
    unknown: 'unknown',
    fiscal: 'Japan April–March',
    derived: 'derived by SMA Desk, not published figures',
    legend: 'Inside the special agreement',
    coverage: 'Totals known for 28 of 41',
    fy2008: ['¥141.6 bn', '¥208.3 bn', 'published'],
  },
} as const

for (const lang of ['ko', 'en'] as const) {
  test(`the Korea–Japan page in ${lang}: Japan's chart, the comparison, sources and notes`, async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const h = new HostSupportPage(page)
    await h.goto(lang)
    const x = TEXT[lang]
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(x.h1)
    await h.chart.waitFor()
    await expect(h.chart.locator('svg')).toBeVisible()
    await expect(h.chart).toContainText(x.legend)
    await expect(h.coverage).toContainText(x.coverage)
    for (const s of x.jp2022) await expect(h.row('JP', 2022)).toContainText(s)
    await expect(h.row('KR', 2023)).toContainText(x.kr2023)
    // an input that is not recorded is said to be unknown, not filled in
    await expect(h.row('KR', 2023)).toContainText(x.unknown)
    await expect(h.notes).toContainText(x.fiscal)
    await expect(h.notes).toContainText(x.derived)
    // every amount cites its source (publisher links)
    await expect(h.row('JP', 2022).getByRole('link').first()).toHaveAttribute('href', /^https?:/)
    // years with no amount for either host appear only when asked for
    await expect(h.row('JP', 1988)).toHaveCount(0)
    await h.knownOnly.uncheck()
    await expect(h.row('JP', 1988)).toContainText(x.unknown)
    const fy2008 = await h.japanRow(2008)
    for (const s of x.fy2008) await expect(fy2008).toContainText(s)
    expect(errors).toEqual([])
  })

  for (const width of [1366, 390] as const) {
    test(`fits ${width} px in ${lang} and passes axe`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 })
      const h = new HostSupportPage(page)
      await h.goto(lang)
      await h.chart.waitFor()
      await page.waitForLoadState('networkidle')
      expect(await h.overflow()).toBeLessThanOrEqual(0)
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
      const bad = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      expect(bad).toEqual([])
    })
  }
}

test("the overview shows Japan's chart and links to the comparison", async ({ page }) => {
  const o = new OverviewPage(page)
  await o.goto('en')
  const h = new HostSupportPage(page)
  await h.chart.waitFor()
  await page.getByTestId('host-support-link').click()
  await expect(page).toHaveURL(/\/host-support/)
  await h.compareTable.waitFor()
})
