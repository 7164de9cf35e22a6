import { expect, test } from './fixtures.js'
import { loadFailed, watchConsole } from './pages/app.page.js'
import { OverviewPage } from './pages/overview.page.js'

test.describe('overview', () => {
  test('shows all twelve ROK–US agreements on the timeline, the chart and the table', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const o = new OverviewPage(page)
    await o.goto('en')
    await expect(o.rokRows).toHaveCount(12)
    await expect(o.timelineBars).toHaveCount(12)
    for (let n = 1; n <= 12; n++) {
      const suffix = n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'
      await expect(o.rokRows.nth(n - 1)).toContainText(`${n}${suffix} ROK–US Special Measures`)
    }
    await o.chartRendered()
    await expect(o.chart.locator('svg')).toHaveCount(1)
    // Japan's agreements are listed in their own section.
    await expect(o.jpRows).toHaveCount(10)
    expect(errors).toEqual([])
  })

  test('shows the agreement in force, its expiry, the next deadlines and the 2020 lapse', async ({
    page,
  }) => {
    const o = new OverviewPage(page)
    await o.goto('en')
    await expect(o.inForce).toContainText('12th ROK–US Special Measures Agreement')
    await expect(o.inForce).toContainText('December 31, 2030')
    await expect(o.inForce.getByTestId('days-left')).toHaveText(/\d+ days?/)
    await expect(o.deadlines).toContainText('December 31, 2030')
    // Elections recorded in the 13th negotiation come from the API.
    await expect(o.deadlines).toContainText('US presidential election')
    await expect(o.deadlines).toContainText('US presidential inauguration')
    await expect(o.lapses).toContainText('January 1, 2020 – August 31, 2021')
    await expect(o.lapses).toContainText('2020')
    // How current the record is, in both languages.
    await expect(o.checkedUpTo).toHaveText(
      /Record checked against its sources up to \w+ \d+, \d{4}/,
    )
    await o.goto('ko')
    await expect(o.checkedUpTo).toHaveText(/기록 점검 기준일: \d{4}년 \d+월 \d+일/)
  })

  test('converts dollar-era years at the chosen exchange rate', async ({ page }) => {
    const o = new OverviewPage(page)
    await o.goto('en')
    await o.chartRendered()
    await o.fxRate.fill('0')
    await expect(page.getByRole('alert')).toBeVisible()
    await o.fxRate.fill('1200')
    await expect(page.getByRole('alert')).toHaveCount(0)
    await page.getByLabel('USD (dollars)').check()
    await expect(o.chart.locator('svg')).toContainText('US$ million')
  })

  test('is keyboard-usable: skip link, then the agreement links', async ({ page }) => {
    const o = new OverviewPage(page)
    await o.goto('en')
    await o.rokRows.first().waitFor()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
    await page.keyboard.press('Enter')
    // From the top of the content, the first stop is the agreement in force.
    await page.keyboard.press('Tab')
    await expect(
      o.inForce.getByRole('link', { name: '12th ROK–US Special Measures Agreement' }),
    ).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/agreements\/rok-us-sma-12$/)
  })

  test('keeps the page when the record cannot be loaded, says so and retries', async ({ page }) => {
    const o = new OverviewPage(page)
    await page.route('**/api/record', (route) => route.abort('connectionrefused'))
    await o.goto('ko')
    const failed = loadFailed(page)
    await expect(failed.box).toContainText('협정 및 지수 기록을 불러오지 못했습니다.')
    await expect(failed.box).toContainText('서버에 연결할 수 없습니다.')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('방위비분담 한눈에 보기')
    await expect(page.getByRole('navigation', { name: '주 메뉴' })).toBeVisible()
    // A server error reads in English too, with the status.
    await page.unrouteAll()
    await page.route('**/api/record', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'down' }),
    )
    await page.getByTestId('lang-select').selectOption('en')
    await failed.retry.click()
    await expect(failed.box).toContainText('The record of agreements and index values could not')
    await expect(failed.box).toContainText('HTTP 503')
    // The server is back: Try again shows the page.
    await page.unrouteAll()
    await failed.retry.click()
    await expect(o.rokRows).toHaveCount(12)
    await expect(failed.box).toHaveCount(0)
  })
})
