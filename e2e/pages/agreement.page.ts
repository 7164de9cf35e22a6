import type { Locator, Page } from '@playwright/test'

export class AgreementPage {
  readonly derivation: Locator
  readonly scheduleTable: Locator
  readonly rules: Locator

  constructor(readonly page: Page) {
    this.derivation = page.getByTestId('derivation')
    this.scheduleTable = page.getByTestId('schedule-table')
    this.rules = page.getByTestId('rules')
  }

  async goto(id: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/agreements/${id}${lang ? `?lang=${lang}` : ''}`)
    await this.scheduleTable.waitFor()
  }

  row(year: number): Locator {
    return this.page.getByTestId(`year-${year}`)
  }

  /** Clicks the year in the schedule to open its derivation. */
  async openDerivation(year: number): Promise<void> {
    await this.page.getByTestId(`derive-${year}`).click()
    await this.derivation.waitFor()
  }
}
