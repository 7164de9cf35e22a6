import type { Locator, Page } from '@playwright/test'

/** The controls a page offers in its main part: forms and buttons that change something. */
export class ControlsPage {
  readonly forms: Locator
  readonly buttons: Locator
  readonly saveDraft: Locator

  constructor(readonly page: Page) {
    this.forms = page.locator('main form')
    this.buttons = page.locator('main button')
    this.saveDraft = page.locator('main form.save-draft')
  }

  async open(url: string, lang: 'ko' | 'en'): Promise<void> {
    await this.page.goto(`${url}?lang=${lang}`)
    await this.page.getByRole('heading', { level: 1 }).first().waitFor()
    await this.page.waitForLoadState('networkidle')
  }

  /** The text of every button in the main part (what a reader is offered to press). */
  async buttonTexts(): Promise<string[]> {
    return (await this.buttons.allTextContents()).map((text) => text.trim())
  }
}
