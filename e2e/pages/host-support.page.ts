import type { Locator, Page } from '@playwright/test'

/** The Korea–Japan host-nation support page, and Japan's chart wherever it is shown. */
export class HostSupportPage {
  readonly root: Locator
  readonly japan: Locator
  readonly chart: Locator
  readonly coverage: Locator
  readonly japanTable: Locator
  readonly compareTable: Locator
  readonly notes: Locator
  readonly knownOnly: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('host-support-page')
    this.japan = page.getByTestId('jp-support')
    this.chart = page.locator('[data-testid="jp-support-chart"][data-chart-ready="true"]')
    this.coverage = page.getByTestId('jp-support-coverage')
    this.japanTable = page.getByTestId('jp-support-table')
    this.compareTable = page.getByTestId('compare-table')
    this.notes = page.getByTestId('compare-notes')
    this.knownOnly = page.getByTestId('known-only')
  }

  async goto(lang: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/host-support?lang=${lang}`)
    await this.compareTable.waitFor()
  }

  /** One host's row of the comparison for a year. */
  row(host: 'KR' | 'JP', year: number): Locator {
    return this.page.getByTestId(`compare-${host}-${year}`)
  }

  /** Japan's table row for a fiscal year (inside the disclosure). */
  async japanRow(fy: number): Promise<Locator> {
    await this.page.getByTestId('jp-support-toggle').click()
    return this.page.getByTestId(`jp-fy-${fy}`)
  }

  /** Horizontal overflow of the document in px (0 when nothing sticks out). */
  overflow(): Promise<number> {
    return this.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
  }
}
