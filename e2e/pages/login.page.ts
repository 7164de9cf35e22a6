import type { Page } from '@playwright/test'
import { DEMO_PASSWORD } from './app.page.js'

export class LoginPage {
  constructor(readonly page: Page) {}

  async login(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.goto('/login')
    await this.page.getByLabel(/^(Email|이메일)$/).fill(email)
    await this.page.getByLabel(/^(Password|비밀번호)$/).fill(password)
    await this.page.getByRole('button', { name: /^(Log in|로그인)$/ }).click()
    await this.page.getByTestId('whoami').waitFor()
  }
}
