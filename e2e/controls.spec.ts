import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'
import { ControlsPage } from './pages/controls.page.js'

/**
 * Each control is shown only to those who may use it (the shared permission map, `useCan`): a
 * KR viewer may read the delegation's work but not change it, so it is offered no form it could
 * not submit. The negotiator beside it shows the same pages do have such forms.
 */
const NEGOTIATION = '/negotiations/rok-us-sma-13-negotiation'

for (const lang of ['ko', 'en'] as const) {
  test(`a viewer sees no write forms on the negotiation page (${lang})`, async ({ page }) => {
    test.slow() // may wait out the server's per-minute login limit
    await loginViaApi(page, USERS.krViewer)
    const c = new ControlsPage(page)
    await c.open(NEGOTIATION, lang)
    await expect(page.getByTestId('negotiation-page')).toBeVisible()
    await expect(c.forms).toHaveCount(0)
    expect(await c.buttonTexts()).toEqual([])
  })
}

test('a viewer is not offered to save a what-if as a draft, nor to note the ledger', async ({
  page,
}) => {
  test.slow()
  await loginViaApi(page, USERS.krViewer)
  const c = new ControlsPage(page)
  await c.open('/agreements/rok-us-sma-12/what-if', 'en')
  await expect(page.getByTestId('what-if-table')).toBeVisible()
  await expect(c.saveDraft).toHaveCount(0)
  await c.open('/agreements/rok-us-sma-11/ledger', 'en')
  await expect(c.forms).toHaveCount(0)
  // the 12th SMA's negotiation, with its tabled and accepted proposals: nothing to accept
  await c.open('/negotiations/rok-us-sma-12-negotiation', 'en')
  await expect(page.getByTestId('negotiation-page')).toBeVisible()
  await expect(c.forms).toHaveCount(0)
  expect(await c.buttonTexts()).toEqual([])
})

test('a negotiator is offered the forms on the same pages', async ({ page }) => {
  test.slow()
  await loginViaApi(page, USERS.krNegotiator)
  const c = new ControlsPage(page)
  await c.open(NEGOTIATION, 'en')
  await expect(page.getByTestId('negotiation-page')).toBeVisible()
  await expect(c.forms.first()).toBeVisible()
  await c.open('/agreements/rok-us-sma-12/what-if', 'en')
  await expect(c.saveDraft).toBeVisible()
})
