import type { Locator, Page } from '@playwright/test'

export class LedgerPage {
  readonly root: Locator
  readonly table: Locator
  readonly coverage: Locator
  readonly categoryChart: Locator
  readonly balanceChart: Locator
  readonly notes: Locator
  readonly downloads: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ledger-page')
    this.table = page.getByTestId('ledger-table')
    this.coverage = page.getByTestId('ledger-coverage')
    this.categoryChart = page.locator(
      '[data-testid="ledger-category-chart"][data-chart-ready="true"]',
    )
    this.balanceChart = page.locator(
      '[data-testid="ledger-balance-chart"][data-chart-ready="true"]',
    )
    this.notes = page.getByTestId('ledger-notes')
    this.downloads = page.getByTestId('ledger-downloads')
  }

  async goto(id: string, lang: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/agreements/${id}/ledger?lang=${lang}`)
    await this.table.waitFor()
  }

  /** Both charts have drawn (the chart component marks itself ready) with SVG content. */
  async chartsDrawn(): Promise<void> {
    await this.categoryChart.waitFor()
    await this.balanceChart.waitFor()
  }

  row(year: number): Locator {
    return this.page.getByTestId(`ledger-year-${year}`)
  }
}
