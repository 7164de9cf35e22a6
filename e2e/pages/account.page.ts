import type { Page } from '@playwright/test'

/** The account page's security parts: two-step login, sessions, password. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async open(lang: 'en' | 'ko' = 'en'): Promise<void> {
    await this.page.goto(`/account?lang=${lang}`)
    await this.page.getByRole('heading', { level: 1 }).waitFor()
  }

  get mfaStatus() {
    return this.page.getByTestId('mfa-status')
  }

  get sessions() {
    return this.page.getByTestId('sessions').locator('li')
  }

  async changePassword(current: string, next: string): Promise<void> {
    const section = this.page.getByTestId('password-section')
    await section.getByLabel(/^(Current password|현재 비밀번호)$/).fill(current)
    await section.getByLabel(/^(New password|새 비밀번호)$/).fill(next)
    await section.getByRole('button', { name: /^(Change password|비밀번호 변경)$/ }).click()
  }

  get passwordError() {
    return this.page.getByTestId('password-section').getByRole('alert')
  }
}
