import type { Page } from '@playwright/test'
import { DEMO_PASSWORD } from './app.page.js'
import { freshTotpCode } from './totp.js'

export class LoginPage {
  constructor(readonly page: Page) {}

  /** The password step; with `totpSecret`, the code step too (administrators). */
  async login(email: string, password = DEMO_PASSWORD, totpSecret?: string): Promise<void> {
    await this.submitPassword(email, password)
    if (totpSecret !== undefined) await this.submitCode(await freshTotpCode(totpSecret))
    await this.page.getByTestId('whoami').waitFor()
  }

  async submitPassword(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.goto('/login')
    await this.page.getByLabel(/^(Email|이메일)$/).fill(email)
    await this.page.getByLabel(/^(Password|비밀번호)$/).fill(password)
    await this.page.getByRole('button', { name: /^(Log in|로그인)$/ }).click()
  }

  get codeField() {
    return this.page.getByTestId('mfa-code')
  }

  /** The key shown when an administrator enrolls at the first login (spaces removed). */
  async enrollmentSecret(): Promise<string> {
    const text = await this.page.getByTestId('mfa-secret').textContent()
    return (text ?? '').replace(/\s/g, '')
  }

  async submitCode(code: string): Promise<void> {
    await this.codeField.fill(code)
    await this.page.getByRole('button', { name: /^(Verify|확인)$/ }).click()
  }

  get recoveryCodes() {
    return this.page.getByTestId('recovery-codes').locator('li')
  }
}
