import { execFileSync } from 'node:child_process'
import { expect, test } from './fixtures.js'
import { AccountPage } from './pages/account.page.js'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, USERS } from './pages/app.page.js'
import { LoginPage } from './pages/login.page.js'
import { totpCode } from './pages/totp.js'

/**
 * Issue 14, finding 9 in the browser: an administrator's two-step login (enrolling at the first
 * login, then a code each time), the account page's sessions, and a weak password refused with
 * the reason in Korean.
 */
const tag = `${Date.now()}`

test.describe('accounts: two-step login and sessions', () => {
  test('the demo administrator logs in with a code', async ({ page }) => {
    test.slow() // may wait for the next 30-second code
    const login = new LoginPage(page)
    await login.login(USERS.krAdmin, DEMO_PASSWORD, DEMO_TOTP_SECRET)
    const account = new AccountPage(page)
    await account.open('en')
    await expect(account.mfaStatus).toContainText('Two-step login is on')
    await expect(account.sessions.filter({ hasText: 'this browser' })).toHaveCount(1)
  })

  test('a new administrator enrolls an authenticator at the first login', async ({ page }) => {
    test.slow()
    const db = process.env.SMA_E2E_DB
    test.skip(db === undefined, 'needs the server database to create the user')
    const email = `kr.admin.${tag}@test.sma`
    execFileSync(
      'npx',
      [
        'sma',
        'user',
        'add',
        '--email',
        email,
        '--party',
        'KR',
        '--role',
        'admin',
        '--db',
        db ?? '',
      ],
      { input: `${DEMO_PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 },
    )
    const login = new LoginPage(page)
    await login.submitPassword(email)
    await expect(page.getByTestId('mfa-secret-box')).toBeVisible()
    const secret = await login.enrollmentSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await login.submitCode('000000')
    await expect(page.getByRole('alert')).toContainText('wrong')
    await login.submitCode(totpCode(secret))
    await expect(login.recoveryCodes).toHaveCount(10)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByTestId('whoami').waitFor()
    const account = new AccountPage(page)
    await account.open('ko')
    await expect(account.mfaStatus).toContainText('남은 복구 코드 10개')
    await account.changePassword(DEMO_PASSWORD, 'aaaaaaaaaaaa')
    await expect(account.passwordError).toContainText('같은 문자를 반복')
  })
})
