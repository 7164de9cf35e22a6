import { expect, test } from './fixtures.js'
import { loginViaApi, USERS, watchConsole } from './pages/app.page.js'

const PAGES = [
  ['/', 'Defense cost-sharing at a glance'],
  ['/agreements/rok-us-sma-04?year=1999', '4th ROK–US Special Measures Agreement'],
  ['/agreements/jp-us-sma-2016', 'Japan'],
  ['/agreements/rok-us-sma-11/what-if', 'What-if'],
  ['/negotiations', 'Negotiations'],
  ['/negotiations/rok-us-sma-11-negotiation', 'Negotiation of the 11th ROK–US SMA'],
  ['/login', 'Log in'],
] as const

test.describe('every page loads without console errors', () => {
  for (const [url, heading] of PAGES) {
    test(`anonymous: ${url}`, async ({ page }) => {
      const errors = watchConsole(page)
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=en`)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading)
      await page.waitForLoadState('networkidle')
      expect(errors).toEqual([])
    })
  }

  test('logged in: negotiation page with the private area, account page', async ({ page }) => {
    test.slow() // may wait out the server's per-minute login limit
    const errors = watchConsole(page)
    await loginViaApi(page, USERS.usAnalyst)
    await page.goto('/negotiations/rok-us-sma-12-negotiation?lang=en')
    await expect(page.getByTestId('private-area')).toContainText(
      'Visible only to the US delegation',
    )
    await page.goto('/account?lang=en')
    await expect(page.getByTestId('account-role')).toHaveText('analyst')
    await page.waitForLoadState('networkidle')
    expect(errors).toEqual([])
  })

  test('an unknown address says so', async ({ page }) => {
    await page.goto('/no/such/page?lang=en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found.')
  })

  test('an unknown agreement says so', async ({ page }) => {
    await page.goto('/agreements/rok-us-sma-99?lang=en')
    await expect(page.getByRole('alert')).toContainText('Not found.')
  })
})
