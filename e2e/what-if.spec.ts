import { expect, test } from './fixtures.js'
import { WhatIfPage } from './pages/what-if.page.js'

test.describe('what-if', () => {
  test('2025 CPI at 7.3 % changes 2027 to ₩1,595,200,000,000 (cap binds), in the browser', async ({
    page,
  }) => {
    const w = new WhatIfPage(page)
    await w.goto('rok-us-sma-12', 'en')
    await expect(w.whatIfAmount(2027)).toHaveText('₩1,551,100,000,000')
    // No server round-trip once the record is loaded: block the whole API and count requests.
    const apiCalls: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url())
    })
    await page.route('**/api/**', (route) => route.abort())
    await w.setIndex('KR_CPI', 2025, '7.3')
    await expect(w.whatIfAmount(2027)).toHaveText('₩1,595,200,000,000')
    await expect(w.signed(2027)).toContainText('₩1,551,100,000,000')
    await expect(w.table.getByTestId('what-if-2027')).toContainText('+₩44,100,000,000')
    await expect(w.whatIfTotal).toContainText('₩3,114,400,000,000')
    // Raising the cap lets the CPI through.
    await w.setCap('10')
    await expect(w.whatIfAmount(2027)).toHaveText('₩1,630,100,000,000')
    expect(apiCalls).toEqual([])
  })

  test('in Korean, 2027 reads 1조 5,952억 원', async ({ page }) => {
    const w = new WhatIfPage(page)
    await w.goto('rok-us-sma-12', 'ko')
    await w.setIndex('KR_CPI', 2025, '7.3')
    await expect(w.whatIfAmount(2027)).toHaveText('1조 5,952억 원')
    await expect(w.whatIfAmount(2027)).toHaveAttribute('title', '₩1,595,200,000,000')
  })

  test('the what-if lives in the URL: the link opens the same what-if', async ({ page }) => {
    const w = new WhatIfPage(page)
    await w.goto('rok-us-sma-12', 'en')
    await w.setIndex('KR_CPI', 2025, '7.3')
    await w.setCap('10')
    await expect(page).toHaveURL(/index=KR_CPI%3A2025%3D7\.3/)
    await expect(page).toHaveURL(/cap=10/)
    const shared = page.url()
    const other = await page.context().newPage()
    await other.goto(shared)
    const again = new WhatIfPage(other)
    await expect(again.whatIfAmount(2027)).toHaveText('₩1,630,100,000,000')
    await other.close()
  })
})
