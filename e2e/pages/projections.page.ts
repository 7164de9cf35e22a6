import type { Locator, Page } from '@playwright/test'

/** The projections page (`/projections`): the form, the run status and the result blocks. */
/** The part of a DOM element the figures reader uses (the e2e project has no DOM types). */
interface Cell {
  getAttribute(name: string): string | null
  closest(selector: string): Cell | null
}

export class ProjectionsPage {
  readonly form: Locator
  readonly agreement: Locator
  readonly scenario: Locator
  readonly paths: Locator
  readonly seed: Locator
  readonly compare: Locator
  readonly runButton: Locator
  readonly cancelButton: Locator
  readonly running: Locator
  readonly cancelled: Locator
  readonly results: Locator
  readonly error: Locator
  /** While a run computes: "12,345 of 100,000 paths". */
  readonly progress: Locator
  readonly storedRun: Locator
  readonly runLink: Locator
  readonly runAgain: Locator
  readonly rerunVerdict: Locator
  readonly forecasts: Locator
  readonly calibration: Locator
  readonly calibrationScenario: Locator
  readonly calibrationSummary: Locator

  constructor(readonly page: Page) {
    this.form = page.locator('form.projection-form')
    this.agreement = page.getByTestId('projection-agreement')
    this.scenario = page.getByTestId('projection-scenario')
    this.paths = page.getByTestId('projection-paths')
    this.seed = page.getByTestId('projection-seed')
    this.compare = page.getByTestId('projection-compare')
    this.runButton = page.getByTestId('projection-run')
    this.cancelButton = page.getByTestId('projection-cancel')
    this.running = page.getByTestId('projection-running')
    this.cancelled = page.getByTestId('projection-cancelled')
    this.results = page.getByTestId('projection-results')
    this.error = page.getByRole('alert')
    this.progress = page.getByTestId('run-progress-text')
    this.storedRun = page.getByTestId('stored-run')
    this.runLink = page.getByTestId('run-link')
    this.runAgain = page.getByTestId('run-again')
    this.rerunVerdict = page.getByTestId('rerun-verdict')
    this.forecasts = page.getByTestId('official-forecasts')
    this.calibration = page.getByTestId('calibration')
    this.calibrationScenario = page.getByTestId('calibration-scenario')
    this.calibrationSummary = page.getByTestId('calibration-summary')
  }

  /** Opens a stored run by its link (`/projections?run=…`) and waits for its result or an error. */
  async openRun(link: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(lang ? `${link}&lang=${lang}` : link)
    await this.results.or(this.error).first().waitFor({ timeout: 30_000 })
  }

  /**
   * Every quantile of every simulated year of a projection, as exact minor units. Read in one
   * evaluation rather than a round trip per cell, so the test does not slow down with the table.
   */
  async figures(projection = 0): Promise<Record<string, string | null>> {
    return this.page
      .locator(`[data-testid^="proj-${projection}-year-"] [data-minor]`)
      .evaluateAll((cells: readonly Cell[]) =>
        Object.fromEntries(
          cells.map((cell, i) => [
            `${cell.closest('tr')?.getAttribute('data-testid') ?? ''}:${cell.getAttribute('data-q') ?? i}`,
            cell.getAttribute('data-minor'),
          ]),
        ),
      )
  }

  /** The row of an institution's forecast in the official-forecasts table. */
  forecast(scenarioId: string): Locator {
    return this.page.getByTestId(`forecast-${scenarioId}`)
  }

  /** Opens the page (optionally `?agreement=`) and waits for the scenario list. */
  async goto(opts: { agreement?: string; lang?: 'en' | 'ko' } = {}): Promise<void> {
    const q = new URLSearchParams()
    if (opts.agreement) q.set('agreement', opts.agreement)
    if (opts.lang) q.set('lang', opts.lang)
    const qs = q.toString()
    await this.page.goto(`/projections${qs ? `?${qs}` : ''}`)
    await this.scenario.and(this.page.locator(':enabled')).waitFor()
  }

  async configure(opts: {
    paths?: number
    seed?: number
    scenario?: string
    compare?: 'none' | 'variant' | `agreement:${string}`
  }): Promise<void> {
    if (opts.scenario !== undefined) await this.scenario.selectOption(opts.scenario)
    if (opts.paths !== undefined) await this.paths.fill(String(opts.paths))
    if (opts.seed !== undefined) await this.seed.fill(String(opts.seed))
    if (opts.compare !== undefined) await this.compare.selectOption(opts.compare)
  }

  /** Runs the projection (a stored run) and waits for the result (or an error). */
  async run(): Promise<void> {
    await this.runButton.click()
    await this.results.or(this.error).first().waitFor({ timeout: 30_000 })
  }

  /** The row of a year in the figures table of the n-th projected agreement (0: the first). */
  row(year: number, projection = 0): Locator {
    return this.page.getByTestId(`proj-${projection}-year-${year}`)
  }

  exactCell(year: number, projection = 0): Locator {
    return this.row(year, projection).getByTestId('exact')
  }

  /** A quantile of a simulated year as exact minor units. */
  async quantile(year: number, q: 'p5' | 'p25' | 'p50' | 'p75' | 'p95', projection = 0) {
    const v = await this.row(year, projection).locator(`[data-q="${q}"]`).getAttribute('data-minor')
    if (v === null) throw new Error(`no ${q} for ${year}`)
    return BigInt(v)
  }

  capBinds(year: number, projection = 0): Locator {
    return this.row(year, projection).getByTestId('cap-binds')
  }

  comparison(index = 0): Locator {
    return this.page.getByTestId(`comparison-${index}`)
  }

  /** A chart of the results once ECharts has drawn it. */
  chart(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}"][data-chart-ready="true"]`)
  }
}
