import type { Locator, Page } from '@playwright/test'

export class AnalysisPage {
  readonly privateArea: Locator
  readonly items: Locator
  readonly plane: Locator
  readonly frontier: Locator
  readonly solutions: Locator
  readonly proposals: Locator
  readonly simulate: Locator
  readonly simulationOutcome: Locator
  /** The warning that solutions lie outside our reservation value. */
  readonly reservationWarning: Locator

  constructor(readonly page: Page) {
    this.privateArea = page.getByTestId('private-area')
    this.items = page.getByTestId('analysis-item')
    this.plane = page.getByTestId('utility-plane')
    this.frontier = page.getByTestId('analysis-frontier')
    this.solutions = page.getByTestId('analysis-solutions')
    this.proposals = page.getByTestId('analysis-proposals')
    this.simulate = page.getByTestId('analysis-simulate')
    this.simulationOutcome = page.getByTestId('simulation-outcome')
    this.reservationWarning = page.getByTestId('reservation-warning')
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

  /** Starts the new analysis from one of our saved positions (chosen by its title). */
  async startFromPosition(title: string): Promise<void> {
    await this.page.getByTestId('analysis-position').selectOption({ label: title })
  }

  /** Runs a simulation from the panel with the keyboard only (labelled controls, Enter submits). */
  async runSimulation(opts: {
    strategyA: string
    strategyB: string
    rounds: string
    seed: string
  }): Promise<void> {
    const f = this.simulate
    await f.getByLabel(/^(ROK strategy|대한민국 전략)$/).selectOption(opts.strategyA)
    await f.getByLabel(/^(US strategy|미국 전략)$/).selectOption(opts.strategyB)
    await f.getByLabel(/^(Rounds|라운드 수)/).fill(opts.rounds)
    const seed = f.getByLabel(/^(Random seed|난수 시드)$/)
    await seed.fill(opts.seed)
    await seed.press('Enter')
  }
}
