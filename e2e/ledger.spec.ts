import { expect, test } from './fixtures.js'
import { loginViaApi, USERS, watchConsole } from './pages/app.page.js'
import { AgreementPage } from './pages/agreement.page.js'
import { LedgerPage } from './pages/ledger.page.js'

test.describe('execution ledger page', () => {
  for (const lang of ['ko', 'en'] as const) {
    test(`draws the category and balance charts in ${lang} without console errors`, async ({
      page,
    }) => {
      const errors = watchConsole(page)
      const l = new LedgerPage(page)
      await l.goto('rok-us-sma-08', lang)
      await l.chartsDrawn()
      await expect(l.categoryChart.locator('svg')).toBeVisible()
      await expect(l.balanceChart.locator('svg')).toBeVisible()
      await expect(l.row(2011)).toContainText(lang === 'ko' ? '7,325억' : '₩732,500,000,000')
      await l.goto('rok-us-sma-09', lang)
      await l.chartsDrawn()
      await expect(l.coverage).toContainText('2015, 2018')
      await expect(l.row(2015)).toContainText(lang === 'ko' ? '정부·국회 공표' : 'published')
      // the CSV link serves the same table through the exports module, in the page's language
      const href = await l.downloads.getByTestId('download-csv').getAttribute('href')
      expect(href).toBe(`/api/agreements/rok-us-sma-09/ledger?format=csv&lang=${lang}`)
      const csv = await page.request.get(href ?? '')
      expect(csv.headers()['content-type']).toContain('text/csv')
      expect(await csv.text()).toContain(lang === 'ko' ? '인건비 (KRW)' : 'Labor (KRW)')
      expect(errors).toEqual([])
    })
  }

  test('is linked from the agreement page', async ({ page }) => {
    const a = new AgreementPage(page)
    await a.goto('rok-us-sma-11', 'en')
    await page.getByTestId('ledger-link').click()
    const l = new LedgerPage(page)
    await l.table.waitFor()
    await expect(page).toHaveURL(/\/agreements\/rok-us-sma-11\/ledger/)
  })

  test('a delegation keeps private notes on ledger years; visitors see none', async ({ page }) => {
    const errors = watchConsole(page)
    const l = new LedgerPage(page)
    await l.goto('rok-us-sma-11', 'en')
    await expect(l.notes).toHaveCount(0)
    await loginViaApi(page, USERS.krAnalyst)
    await l.goto('rok-us-sma-11', 'en')
    await l.notes.getByRole('combobox').selectOption('2022')
    await l.notes.getByRole('textbox').fill('Ask MND for the 2022 execution table')
    await l.notes.getByRole('button').click()
    await expect(l.notes.getByTestId('ledger-note-list')).toContainText('2022')
    await expect(l.notes).toHaveAttribute('data-party', 'KR')
    expect(errors).toEqual([])
  })
})
