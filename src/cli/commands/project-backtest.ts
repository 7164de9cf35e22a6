import type { Command } from '@commander-js/extra-typings'
import { Option } from '@commander-js/extra-typings'
import { SERIES_IDS } from '../../domain/index-series/index-series.js'
import {
  backtest,
  DEFAULT_SCENARIO,
  MAX_BACKTEST_PATHS,
  MAX_SEED,
  type BacktestResult,
  type Coverage,
} from '../../domain/projection/index.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { padToWidth } from '../../domain/text/display-width.js'
import { projectionRangeError, resolveScenario } from '../../services/projections/request.js'
import { CliError } from '../cli-error.js'
import { intOption, readJson } from './project-options.js'

const pct = (c: Coverage): string =>
  c.share === null ? '—' : `${c.hits}/${c.cases} (${(c.share * 100).toFixed(1)} %)`

function describe(r: BacktestResult): string {
  const m = r.model
  const fit = 'fit' in m ? `, fitted from ${m.fit.from}` : ''
  const params = 'parameters' in m && m.parameters === 'posterior' ? ', posterior parameters' : ''
  return `${m.model}${params}${fit}`
}

/** The human report of `sma project backtest`. */
export function formatBacktest(r: BacktestResult): string {
  const out: string[] = [
    `backtest of scenario ${r.scenario.id} v${r.scenario.version} on ${r.series}: ${describe(r)}`,
    `origins ${r.origins.from}–${r.origins.to} (the last year each forecast knew; each fit sees no later year), horizons 1–${r.horizons}, ${r.paths.toLocaleString('en-US')} paths per origin, seed ${r.seed}`,
    '',
    'horizon  cases  inside P5–P95 (nominal 90 %)  inside P25–P75 (nominal 50 %)  MAE of median',
  ]
  // Padded by terminal columns like formatTable; the widths are those of the header words.
  const row = (label: string, band90: Coverage, band50: Coverage, mae: number | null): string =>
    `${padToWidth(label, 7)}  ${padToWidth(String(band90.cases), 5, 'right')}  ${padToWidth(pct(band90), 28)}  ${padToWidth(pct(band50), 29)}  ${mae === null ? '—' : `${mae.toFixed(2)} pp`}`
  for (const h of r.byHorizon) out.push(row(String(h.horizon), h.band90, h.band50, h.maeMedian))
  out.push(row('all', r.coverage.band90, r.coverage.band50, r.maeMedian))
  const misses = r.cases.filter((c) => c.miss !== null)
  out.push('', misses.length === 0 ? 'no outcome outside P5–P95' : 'outside P5–P95:')
  for (const c of misses) {
    out.push(
      `  from ${c.origin}: ${c.period} = ${c.actual} % ${c.miss ?? ''} [${c.p5.toFixed(1)}, ${c.p95.toFixed(1)}] (${c.horizon} year${c.horizon > 1 ? 's' : ''} ahead)`,
    )
  }
  for (const s of r.skipped) out.push(`  origin ${s.origin} skipped: ${s.reason}`)
  return `${out.join('\n')}\n`
}

/**
 * `sma project backtest [--series S] [--scenario NAME|FILE] [--from Y] [--to Y] [--horizons H]
 * [--paths N] [--seed S] [--json]`: a rolling-origin backtest of a scenario's model over the
 * shipped record (docs/projections.md).
 */
export function registerBacktest(project: Command<[string], Record<string, unknown>>): void {
  project
    .command('backtest')
    .description("rolling-origin backtest of a scenario's model over the record")
    .addOption(new Option('--series <id>', 'index series').choices(SERIES_IDS).default('KR_CPI'))
    .option(
      '--scenario <name|file>',
      'a stochastic shipped scenario or a .json file',
      DEFAULT_SCENARIO,
    )
    .option('--from <year>', 'first origin (the last year the forecast knows)', '2010')
    .option('--to <year>', 'last origin', '2024')
    .option(
      '--horizons <h>',
      'years ahead, 1 to H (default 3: the CPI years the 12th SMA still needs)',
      '3',
    )
    .option('--paths <n>', `Monte Carlo paths per origin (100 to ${MAX_BACKTEST_PATHS})`, '20000')
    .option('--seed <s>', `random seed (0 to ${MAX_SEED})`, '1')
    .option('--json', 'machine-readable output (the GET /api/projections/backtest JSON)')
    .action((opts) => {
      const from = intOption(opts.from, '--from', 1900, 2200)
      const to = intOption(opts.to, '--to', 1900, 2200)
      if (to < from)
        throw new CliError(
          `--to (${to}) is before --from (${from})`,
          `"--to" 값(${to})이 "--from" 값(${from})보다 이릅니다.`,
        )
      const horizons = intOption(opts.horizons, '--horizons', 1, 10)
      const paths = intOption(opts.paths, '--paths', 100, MAX_BACKTEST_PATHS)
      const seed = intOption(opts.seed, '--seed', 0, MAX_SEED)
      const scenario = resolveScenario(
        opts.scenario.endsWith('.json') ? readJson(opts.scenario, 'scenario') : opts.scenario,
      )
      let result: BacktestResult
      try {
        result = backtest(scenario, shippedSnapshot().indices, {
          series: opts.series,
          origins: { from, to },
          horizons,
          paths,
          seed,
        })
      } catch (e) {
        if (e instanceof RangeError) throw projectionRangeError(e)
        throw e
      }
      process.stdout.write(
        opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktest(result),
      )
    })
}
