import type { Locator, Page } from '@playwright/test'

export class AnalysisPage {
  readonly privateArea: Locator
  readonly items: Locator
  readonly plane: Locator
  readonly frontier: Locator
  readonly solutions: Locator

  constructor(readonly page: Page) {
    this.privateArea = page.getByTestId('private-area')
    this.items = page.getByTestId('analysis-item')
    this.plane = page.getByTestId('utility-plane')
    this.frontier = page.getByTestId('analysis-frontier')
    this.solutions = page.getByTestId('analysis-solutions')
  }

  async goto(negotiationId: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/negotiations/${negotiationId}/analysis${lang ? `?lang=${lang}` : ''}`)
    await this.page.getByTestId('analysis-page').waitFor()
  }

  /** Creates an analysis with the form's defaults (the 12th SMA's levers) under a title. */
  async create(title: string): Promise<void> {
    const form = this.page.locator('form.analysis-form')
    await form.getByLabel(/^(Analysis title|분석 제목)$/).fill(title)
    await form.getByRole('button', { name: /^(Create and analyse|만들고 분석하기)$/ }).click()
  }
}
