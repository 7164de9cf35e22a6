import type { Locator, Page } from '@playwright/test'

/** The admin audit page: filters, the table, paging and the chain verification. */
export class AuditPage {
  readonly root: Locator
  readonly table: Locator
  readonly count: Locator
  readonly verdict: Locator
  readonly verifyButton: Locator
  readonly older: Locator
  readonly newer: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audit-page')
    this.table = page.getByTestId('audit-table')
    this.count = page.getByTestId('audit-count')
    this.verdict = page.getByTestId('audit-verdict')
    this.verifyButton = page.getByTestId('audit-verify')
    this.older = page.getByTestId('audit-older')
    this.newer = page.getByTestId('audit-newer')
  }

  async goto(lang: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/admin/audit?lang=${lang}`)
    await this.table.waitFor()
  }

  caption(): Locator {
    return this.table.locator('caption')
  }

  /** Sets the filters given (action by its code) and applies them. */
  async filter(f: { action?: string; object?: string; from?: string; to?: string }): Promise<void> {
    if (f.action !== undefined)
      await this.page.getByTestId('audit-filter-action').selectOption(f.action)
    if (f.object !== undefined) await this.page.getByTestId('audit-filter-object').fill(f.object)
    if (f.from !== undefined) await this.page.getByTestId('audit-filter-from').fill(f.from)
    if (f.to !== undefined) await this.page.getByTestId('audit-filter-to').fill(f.to)
    await this.page.getByTestId('audit-apply').click()
  }

  rows(): Locator {
    return this.table.locator('tbody tr')
  }

  async verify(): Promise<void> {
    await this.verifyButton.click()
    await this.verdict.locator('p').waitFor()
  }
}
