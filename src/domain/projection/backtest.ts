import type { IndexSeriesSet, SeriesId } from '../index-series/index-series.js'
import { simulateIndices } from './kernel.js'
import { buildModel } from './plan-model.js'
import type { PlanSeries, ProjectionPlan } from './plan-types.js'
import { ProjectionError } from './projection-error.js'
import { chunkStream, RandomSource } from './random-stream.js'
import { PROJECTION_ENGINE_VERSION } from './result.js'
import type { Scenario, SeriesModel } from './scenario.js'
import { scaledInteger, seriesHistory } from './series-models.js'
import { tallyOf, tallyQuantile } from './tally.js'

export const BACKTEST_SCHEMA_TAG = 'sma-desk/backtest@1'

/** Most paths per origin a backtest may draw. */
export const MAX_BACKTEST_PATHS = 100_000

export interface BacktestOptions {
  readonly series: SeriesId
  /** Forecast origins: the last year each forecaster knows (targets are origin + 1 … + horizons). */
  readonly origins: { readonly from: number; readonly to: number }
  /** Years ahead, 1 … horizons. */
  readonly horizons: number
  /** Monte Carlo paths per origin. */
  readonly paths: number
  readonly seed: number
}

/** Hits of a band among the cases that could be scored, and their share (null: no case). */
export interface Coverage {
  readonly hits: number
  readonly cases: number
  readonly share: number | null
}

/** One scored forecast: the band drawn at `origin` for `period`, and what was published. */
export interface BacktestCase {
  readonly origin: number
  readonly horizon: number
  readonly period: number
  /** As published (latest vintage), percent. */
  readonly actual: string
  /** Percentiles of the simulated values (one decimal, as a rule reads them), percent. */
  readonly p5: number
  readonly p25: number
  readonly p50: number
  readonly p75: number
  readonly p95: number
  readonly inside90: boolean
  readonly inside50: boolean
  /** Where an outcome outside P5–P95 fell. */
  readonly miss: 'below' | 'above' | null
}

/** The JSON of `sma project backtest --json` and `GET /api/projections/backtest`. */
export interface BacktestResult {
  readonly schema: typeof BACKTEST_SCHEMA_TAG
  readonly engine: typeof PROJECTION_ENGINE_VERSION
  readonly scenario: {
    readonly id: string
    readonly version: number
    readonly title: { readonly en: string; readonly ko: string }
  }
  readonly series: SeriesId
  readonly model: SeriesModel
  readonly origins: { readonly from: number; readonly to: number }
  readonly horizons: number
  readonly paths: number
  readonly seed: number
  readonly coverage: { readonly band90: Coverage; readonly band50: Coverage }
  /** Mean absolute error of the median, percentage points (null: no case). */
  readonly maeMedian: number | null
  readonly byHorizon: readonly {
    readonly horizon: number
    readonly band90: Coverage
    readonly band50: Coverage
    readonly maeMedian: number | null
  }[]
  readonly cases: readonly BacktestCase[]
  /** Origins that could not be fitted (too few years before them, or no value at the origin). */
  readonly skipped: readonly { readonly origin: number; readonly reason: string }[]
}

/** The record as a forecaster at `origin` knew it: one series, periods up to the origin. */
function recordUpTo(indices: IndexSeriesSet, series: SeriesId, origin: number): IndexSeriesSet {
  const s = indices[series]
  if (!s) return {}
  return { [series]: { ...s, values: s.values.filter((v) => v.period <= origin) } }
}

/** The scenario's model refitted on the years up to the origin (stated parameters stay). */
function modelAt(model: SeriesModel, origin: number): SeriesModel {
  if (model.model === 'ar1-params') return model
  return { ...model, fit: { from: model.fit.from, to: Math.min(model.fit.to, origin) } }
}

function coverageOf(hits: number, cases: number): Coverage {
  return { hits, cases, share: cases === 0 ? null : hits / cases }
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length
}

/**
 * Rolling-origin backtest of a scenario's model of one series over the record: for each origin
 * year, the model is fitted only on the years up to that origin (latest vintage; the record as
 * later revised, not as then published), simulated `horizons` years ahead from the origin's
 * value (the draws rounded to the published decimals, as a rule reads them), and each later
 * year the record has is scored against the simulated P5–P95 and P25–P75 bands (inclusive) and
 * the median. Each origin draws from its own stream (seed, origin − first origin), so the
 * result is reproducible.
 * @example
 * // the `ar1` scenario on KR_CPI, origins 2010–2024, horizons 1–3: 42 cases, 26 inside P5–P95
 * backtest(ar1, record.indices, { series: 'KR_CPI', origins: { from: 2010, to: 2024 }, horizons: 3, paths: 20_000, seed: 1 }).coverage.band90
 * // { hits: 26, cases: 42, share: 0.619… }
 */
export function backtest(
  scenario: Scenario,
  indices: IndexSeriesSet,
  opts: BacktestOptions,
): BacktestResult {
  const model = scenario.stochastic?.[opts.series]
  if (model === undefined) {
    throw new ProjectionError(
      `scenario ${scenario.id} has no Monte Carlo model for ${opts.series}`,
      `"${scenario.id}" 시나리오에는 ${opts.series} 지수의 몬테카를로 모형이 없습니다.`,
    )
  }
  const { from, to } = opts.origins
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) {
    throw new RangeError('origins: an integer range, from ≤ to')
  }
  if (!Number.isInteger(opts.horizons) || opts.horizons < 1 || opts.horizons > 10) {
    throw new RangeError('horizons must be an integer from 1 to 10')
  }
  if (!Number.isInteger(opts.paths) || opts.paths < 100 || opts.paths > MAX_BACKTEST_PATHS) {
    throw new RangeError(`paths must be an integer from 100 to ${MAX_BACKTEST_PATHS}`)
  }
  const digits = indices[opts.series]?.decimals ?? 1
  const scale = 10 ** digits
  const actual = new Map(
    seriesHistory(indices, opts.series, 1900, 2200).map((p) => [p.period, p.text]),
  )
  const cases: BacktestCase[] = []
  const skipped: { origin: number; reason: string }[] = []
  for (let origin = from; origin <= to; origin++) {
    if (!actual.has(origin)) {
      skipped.push({ origin, reason: `no ${opts.series} value for ${origin}` })
      continue
    }
    const window = Array.from({ length: opts.horizons }, (_, i) => origin + 1 + i)
    const known = recordUpTo(indices, opts.series, origin)
    let built: ReturnType<typeof buildModel>
    try {
      const inputs = { indices: known, publishedOf: () => undefined }
      built = buildModel(
        opts.series,
        scenario,
        modelAt(model, origin),
        inputs,
        [],
        window,
        digits,
        true,
      )
    } catch (e) {
      if (e instanceof RangeError || e instanceof ProjectionError) {
        skipped.push({ origin, reason: e.message })
        continue
      }
      throw e
    }
    const series: PlanSeries = {
      series: opts.series,
      firstPeriod: window[0] ?? origin + 1,
      count: opts.horizons,
      slot0: 0,
      known: window.map(() => null),
      model: built.model,
      report: built.report,
      correlatedWith: null,
    }
    const plan: ProjectionPlan = {
      scale,
      unit: '1',
      series: [series],
      slots: opts.horizons,
      programs: [],
      stochastic: true,
      correlation: null,
    }
    const out = new Int32Array(opts.paths * opts.horizons)
    simulateIndices(plan, new RandomSource(chunkStream(opts.seed, origin - from)), opts.paths, out)
    window.forEach((period, i) => {
      const text = actual.get(period)
      if (text === undefined) return
      const t = tallyOf(Float64Array.from(out.subarray(i * opts.paths, (i + 1) * opts.paths)))
      const [p5, p25, p50, p75, p95] = [0.05, 0.25, 0.5, 0.75, 0.95].map((q) => tallyQuantile(t, q))
      const y = scaledInteger(text, digits)
      const inside90 = (p5 ?? 0) <= y && y <= (p95 ?? 0)
      cases.push({
        origin,
        horizon: i + 1,
        period,
        actual: text,
        p5: (p5 ?? 0) / scale,
        p25: (p25 ?? 0) / scale,
        p50: (p50 ?? 0) / scale,
        p75: (p75 ?? 0) / scale,
        p95: (p95 ?? 0) / scale,
        inside90,
        inside50: (p25 ?? 0) <= y && y <= (p75 ?? 0),
        miss: inside90 ? null : y < (p5 ?? 0) ? 'below' : 'above',
      })
    })
  }
  const summary = (cs: readonly BacktestCase[]) => ({
    band90: coverageOf(cs.filter((c) => c.inside90).length, cs.length),
    band50: coverageOf(cs.filter((c) => c.inside50).length, cs.length),
    maeMedian: mean(cs.map((c) => Math.abs(Number(c.actual) - c.p50))),
  })
  const all = summary(cases)
  return {
    schema: BACKTEST_SCHEMA_TAG,
    engine: PROJECTION_ENGINE_VERSION,
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    series: opts.series,
    model,
    origins: { from, to },
    horizons: opts.horizons,
    paths: opts.paths,
    seed: opts.seed,
    coverage: { band90: all.band90, band50: all.band50 },
    maeMedian: all.maeMedian,
    byHorizon: Array.from({ length: opts.horizons }, (_, i) => ({
      horizon: i + 1,
      ...summary(cases.filter((c) => c.horizon === i + 1)),
    })),
    cases,
    skipped,
  }
}
