import type { Locator, Page } from '@playwright/test'

export class WhatIfPage {
  readonly table: Locator
  readonly whatIfTotal: Locator
  readonly signedTotal: Locator

  constructor(readonly page: Page) {
    this.table = page.getByTestId('what-if-table')
    this.whatIfTotal = page.getByTestId('whatif-total')
    this.signedTotal = page.getByTestId('signed-total')
  }

  async goto(id: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/agreements/${id}/what-if${lang ? `?lang=${lang}` : ''}`)
    await this.table.waitFor()
  }

  /** The index input is found by its label, e.g. "KR_CPI 2025 (%)" / "KR_CPI 2025년 (%)". */
  async setIndex(series: string, period: number, value: string): Promise<void> {
    const input = this.page.getByLabel(new RegExp(`^${series} ${period}`))
    await input.fill(value)
  }

  async setCap(value: string): Promise<void> {
    await this.page.locator('#cap').fill(value)
  }

  whatIfAmount(year: number): Locator {
    return this.page.getByTestId(`whatif-amount-${year}`)
  }

  signed(year: number): Locator {
    return this.page.getByTestId(`signed-${year}`)
  }

  async saveDraft(title: string): Promise<void> {
    const form = this.page.locator('form.save-draft')
    await form.getByRole('combobox').selectOption({ index: 0 })
    await form.getByRole('textbox').fill(title)
    await form.getByRole('button').click()
    await form.getByRole('status').waitFor()
  }
}
