import { expect, type Locator, type Page } from '@playwright/test'

/** The side-by-side page (`/negotiations/:id/compare?a=…&p=…`): picker, tables, chart, Monte Carlo. */
export class ComparePage {
  readonly heading: Locator
  readonly table: Locator
  readonly yearly: Locator
  readonly chart: Locator
  readonly positionNote: Locator
  readonly perMemberNote: Locator
  readonly monteCarlo: Locator
  readonly runButton: Locator
  readonly mcResult: Locator
  readonly mcTotals: Locator
  readonly mcVisibility: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.table = page.getByTestId('compare-table')
    this.yearly = page.getByTestId('compare-yearly')
    this.chart = page.getByTestId('compare-chart')
    this.positionNote = page.getByTestId('compare-position-note')
    this.perMemberNote = page.getByTestId('per-member-note')
    this.monteCarlo = page.getByTestId('compare-mc')
    this.runButton = page.getByTestId('mc-run')
    this.mcResult = page.getByTestId('mc-result')
    this.mcTotals = page.getByTestId('mc-totals')
    this.mcVisibility = page.getByTestId('mc-visibility')
  }

  async goto(
    negotiationId: string,
    lang: 'en' | 'ko',
    pick: { readonly a?: readonly string[]; readonly p?: readonly string[] } = {},
  ): Promise<void> {
    const q = new URLSearchParams({ lang })
    if (pick.a) q.set('a', pick.a.join(','))
    if (pick.p) q.set('p', pick.p.join(','))
    await this.page.goto(
      `/negotiations/${negotiationId}/compare?${q.toString().replace(/%2C/g, ',')}`,
    )
    await this.heading.waitFor()
  }

  /** The picker's checkbox of an agreement or a proposal. */
  pick(kind: 'a' | 'p', id: string): Locator {
    return this.page.getByTestId(`pick-${kind}-${id}`)
  }

  /** Picks an item: the box reflects the URL, so it is checked once the address has changed. */
  async choose(kind: 'a' | 'p', id: string): Promise<void> {
    const box = this.pick(kind, id)
    await box.click()
    await expect(box).toBeChecked()
  }

  /** The summary row of an item (`a:<id>` or `p:<id>`). */
  row(key: string): Locator {
    return this.table.getByTestId(`row-${key}`)
  }

  async runMonteCarlo(): Promise<void> {
    await this.runButton.click()
    await this.mcResult.waitFor({ timeout: 120_000 })
  }

  /** Horizontal overflow of the page in px (0 when it fits). */
  overflow(): Promise<number> {
    return this.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
  }
}
