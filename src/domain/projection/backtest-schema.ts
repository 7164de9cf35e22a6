import { z } from 'zod'
import { SERIES_IDS } from '../index-series/index-series.js'
import { BACKTEST_SCHEMA_TAG } from './backtest.js'
import { PROJECTION_ENGINE_VERSION } from './result.js'
import { seriesModelSchema } from './scenario.js'

/**
 * The backtest result as a zod schema: the API's response allow-list and the web's parser.
 * Percentiles and errors are percent (statistics in float64, not money).
 */
const coverage = z.strictObject({
  hits: z.int().min(0),
  cases: z.int().min(0),
  share: z.number().min(0).max(1).nullable(),
})

export const backtestResultSchema = z
  .strictObject({
    schema: z.literal(BACKTEST_SCHEMA_TAG),
    engine: z.literal(PROJECTION_ENGINE_VERSION),
    scenario: z.strictObject({
      id: z.string(),
      version: z.int(),
      title: z.strictObject({ en: z.string(), ko: z.string() }),
    }),
    series: z.enum(SERIES_IDS),
    model: seriesModelSchema,
    origins: z.strictObject({ from: z.int(), to: z.int() }),
    horizons: z.int(),
    paths: z.int(),
    seed: z.int(),
    coverage: z.strictObject({ band90: coverage, band50: coverage }),
    maeMedian: z.number().nullable(),
    byHorizon: z.array(
      z.strictObject({
        horizon: z.int(),
        band90: coverage,
        band50: coverage,
        maeMedian: z.number().nullable(),
      }),
    ),
    cases: z.array(
      z.strictObject({
        origin: z.int(),
        horizon: z.int(),
        period: z.int(),
        actual: z.string(),
        p5: z.number(),
        p25: z.number(),
        p50: z.number(),
        p75: z.number(),
        p95: z.number(),
        inside90: z.boolean(),
        inside50: z.boolean(),
        miss: z.enum(['below', 'above']).nullable(),
      }),
    ),
    skipped: z.array(z.strictObject({ origin: z.int(), reason: z.string() })),
  })
  .meta({ id: 'BacktestResult' })
