import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'

test.describe('accounts', () => {
  test('who am I, API tokens, and the audit view for admins', async ({ page }) => {
    test.slow() // may wait out the server's per-minute login limit
    await loginViaApi(page, USERS.krAdmin)
    await page.goto('/account?lang=en')
    await expect(page.getByTestId('account-party')).toHaveText('ROK delegation')
    await expect(page.getByTestId('account-role')).toHaveText('administrator')
    await page.getByLabel('Token name').fill('e2e token')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect(page.getByTestId('new-token')).not.toBeEmpty()
    await expect(page.locator('.tokens')).toContainText('e2e token')
    await page.getByRole('link', { name: 'Audit log' }).click()
    await expect(page.getByTestId('audit-table')).toBeVisible()
    await expect(page.getByTestId('audit-table')).toContainText('token')
  })

  test('the audit view is closed to non-admins', async ({ page }) => {
    test.slow()
    await loginViaApi(page, USERS.usAnalyst)
    await page.goto('/admin/audit?lang=en')
    await expect(page.getByRole('alert')).toHaveText('You do not have access to this page.')
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0)
  })
})
