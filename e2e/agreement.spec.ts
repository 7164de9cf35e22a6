import { expect, test } from './fixtures.js'
import { watchConsole } from './pages/app.page.js'
import { AgreementPage } from './pages/agreement.page.js'

test.describe('agreement page', () => {
  test('the 2027 derivation of the 12th SMA shows the CPI input and the 5 % cap', async ({
    page,
  }) => {
    const errors = watchConsole(page)
    const a = new AgreementPage(page)
    await a.goto('rok-us-sma-12', 'en')
    // The rule in the domain's words (describeRule), the same the CLI prints.
    await expect(a.rules).toContainText('Korean CPI growth of year Y−2, capped at 5 %')
    await a.openDerivation(2027)
    await expect(page).toHaveURL(/year=2027/)
    await expect(a.derivation.getByTestId('derivation-index')).toContainText('KR_CPI 2025 = 2.1 %')
    await expect(a.derivation.getByTestId('derivation-cap')).toHaveText(/^5(\.0)? % — not binding/)
    await expect(a.derivation.getByTestId('derivation-exact')).toHaveText('1,551,103,200,000')
    await expect(a.derivation).toContainText('₩1,551,100,000,000')
    await expect(a.derivation).toContainText('round half up')
    // Sources of the index value are links.
    await expect(
      a.derivation.getByTestId('derivation-index').getByRole('link').first(),
    ).toHaveAttribute('href', /^https?:\/\//)
    expect(errors).toEqual([])
  })

  test('badges say whether the rules reproduce the published figures', async ({ page }) => {
    const a = new AgreementPage(page)
    await a.goto('rok-us-sma-12', 'en')
    await expect(a.row(2026).locator('[data-badge]')).toHaveAttribute('data-badge', 'match')
    await expect(a.row(2027).locator('[data-badge]')).toHaveAttribute('data-badge', 'computed')
    await expect(a.row(2028).locator('[data-badge]')).toHaveAttribute('data-badge', 'pending')
    // 2023–2024 compare with figures derived from the rule, not found in print
    await a.goto('rok-us-sma-11', 'en')
    await expect(a.row(2023).locator('[data-badge]')).toHaveAttribute('data-badge', 'derived')
    await expect(a.row(2022).locator('[data-badge]')).toHaveAttribute('data-badge', 'match')
  })

  test('shows won amounts as 조/억 in Korean with the exact amount on hover', async ({ page }) => {
    const a = new AgreementPage(page)
    await a.goto('rok-us-sma-12', 'ko')
    const money = a.row(2026).locator('.money').first()
    await expect(money).toHaveText('1조 5,192억 원')
    await expect(money).toHaveAttribute('title', '₩1,519,200,000,000')
  })
})
