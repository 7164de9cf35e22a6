import { expect, test } from './fixtures.js'
import { apiLogin, USERS } from './pages/app.page.js'
import { AgreementPage } from './pages/agreement.page.js'

/**
 * Runs last (project "changes-record" in playwright.config.ts): it adds an index release to the
 * database every spec shares, after which 2028 of the 12th SMA is no longer pending.
 */
test.describe('a new index release reaches the web page', () => {
  test('a KR analyst stores KR_CPI 2026 = 2.5; the 12th SMA shows 2028 = ₩1,589,900,000,000', async ({
    page,
    request,
  }) => {
    const a = new AgreementPage(page)
    await a.goto('rok-us-sma-12', 'en')
    await expect(a.row(2028).locator('[data-badge]')).toHaveAttribute('data-badge', 'pending')

    // The analyst's own API session (`request` keeps its own cookies; the browser stays anonymous).
    const session = await apiLogin(request, USERS.krAnalyst)
    const stored = await request.post('/api/indices/KR_CPI/values', {
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      data: {
        period: 2026,
        value: '2.5',
        vintage: 'first release',
        releasedOn: '2027-01-02',
        sources: ['https://kostat.go.kr/'],
      },
    })
    expect(stored.status(), await stored.text()).toBe(201)

    // 2028 = 2027 × (1 + CPI 2026) = ₩1,551.1 bn × 1.025 = ₩1,589,877,500,000 → ₩1,589.9 bn.
    await a.goto('rok-us-sma-12', 'en')
    await expect(a.row(2028).locator('.money').first()).toHaveText('₩1,589,900,000,000')
    await expect(a.row(2028).locator('[data-badge]')).toHaveAttribute('data-badge', 'computed')
    await expect(a.row(2029).locator('[data-badge]')).toHaveAttribute('data-badge', 'pending')
    await a.openDerivation(2028)
    await expect(a.derivation.getByTestId('derivation-index')).toContainText('KR_CPI 2026 = 2.5 %')
    await expect(a.derivation.getByTestId('derivation-exact')).toHaveText('1,589,877,500,000')

    await a.goto('rok-us-sma-12', 'ko')
    const money = a.row(2028).locator('.money').first()
    await expect(money).toHaveText('1조 5,899억 원')
    await expect(money).toHaveAttribute('title', '₩1,589,900,000,000')
  })
})
