// docs/projections.md shows the backtest of every shipped Monte Carlo scenario and both series;
// this recomputes each figure with the engine so the page cannot drift from the code.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SeriesId } from './domain/index-series/index-series.js'
import {
  backtest,
  isStochastic,
  parseScenario,
  shippedScenarios,
  type BacktestResult,
  type Coverage,
  type Scenario,
} from './domain/projection/index.js'
import { loadRecord } from './record/shipped-record.js'

const doc = readFileSync(new URL('../docs/projections.md', import.meta.url), 'utf8')
const indices = loadRecord().indices
const SERIES: readonly SeriesId[] = ['KR_CPI', 'KR_DEFENSE_BUDGET']
const pct = (c: Coverage) => `${c.hits}/${c.cases} (${((c.share ?? 0) * 100).toFixed(1)} %)`
const run = (scenario: Scenario, series: SeriesId): BacktestResult =>
  backtest(scenario, indices, {
    series,
    origins: { from: 2010, to: 2024 },
    horizons: 3,
    paths: 20_000,
    seed: 1,
  })
const row = (start: string): string => {
  const line = doc.split('\n').find((l) => l.startsWith(start))
  if (line === undefined) throw new Error(`docs/projections.md has no row starting ${start}`)
  return line.replaceAll('**', '')
}

describe('docs/projections.md backtest figures', () => {
  it('show every shipped Monte Carlo scenario on both series as the engine computes them', () => {
    const stochastic = shippedScenarios().filter(isStochastic)
    expect(stochastic.map((s) => s.id)).toEqual(['calibrated', 'ar1', 'bootstrap'])
    for (const scenario of stochastic) {
      for (const series of SERIES) {
        const r = run(scenario, series)
        const line = row(`| \`${scenario.id}\` | ${series} |`)
        expect(line).toContain(`| ${pct(r.coverage.band90)} | ${pct(r.coverage.band50)} |`)
        expect(line).toContain(
          r.byHorizon.map((h) => `${h.band90.hits}/${h.band90.cases}`).join(', '),
        )
        expect(line).toContain(`| ${(r.maeMedian ?? 0).toFixed(2)} pp |`)
        expect(line).toContain(`| ${r.skipped.length}`)
      }
    }
  })

  it('show the candidate models of fixtures/backtest-candidates as the engine computes them', () => {
    for (const id of ['ar1-posterior', 'random-walk-point']) {
      const parsed = parseScenario(
        JSON.parse(
          readFileSync(
            new URL(`../fixtures/backtest-candidates/${id}.json`, import.meta.url),
            'utf8',
          ),
        ),
      )
      if (!parsed.ok) throw new Error(parsed.problems.join('; '))
      const [cpi, budget] = SERIES.map((s) => run(parsed.scenario, s))
      if (!cpi || !budget) throw new Error('two series')
      const line = row(`| ${id === 'ar1-posterior' ? 'AR(1), posterior' : 'random walk, point'}`)
      expect(line).toContain(
        `| ${pct(cpi.coverage.band90)} | ${pct(cpi.coverage.band50)} | ${(cpi.maeMedian ?? 0).toFixed(2)} | ${pct(budget.coverage.band90)} | ${pct(budget.coverage.band50)} | ${(budget.maeMedian ?? 0).toFixed(2)} |`,
      )
    }
  })
})
