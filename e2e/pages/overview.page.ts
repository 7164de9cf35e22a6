import type { Locator, Page } from '@playwright/test'

export class OverviewPage {
  readonly rokRows: Locator
  readonly jpRows: Locator
  readonly timelineBars: Locator
  readonly inForce: Locator
  readonly lapses: Locator
  readonly deadlines: Locator
  readonly chart: Locator
  readonly fxRate: Locator
  readonly checkedUpTo: Locator

  constructor(readonly page: Page) {
    this.rokRows = page.getByTestId('rok-table').getByTestId('agreement-row')
    this.jpRows = page.getByTestId('jp-table').getByTestId('jp-agreement-row')
    this.timelineBars = page.getByTestId('timeline-agreement')
    this.inForce = page.getByTestId('in-force')
    this.lapses = page.getByTestId('lapses')
    this.deadlines = page.getByTestId('deadlines')
    this.chart = page.getByTestId('totals-chart')
    this.fxRate = page.getByTestId('fx-rate')
    this.checkedUpTo = page.getByTestId('checked-up-to')
  }

  async goto(lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(lang ? `/?lang=${lang}` : '/')
  }

  async chartRendered(): Promise<void> {
    await this.page.locator('[data-testid="totals-chart"][data-chart-ready="true"]').waitFor()
  }
}
