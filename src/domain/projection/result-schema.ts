import { z } from 'zod'
import { PROJECTION_ENGINE_VERSION, PROJECTION_SCHEMA_TAG } from './result.js'

/**
 * The projection result as a zod schema: the API's response allow-list and the web client's
 * parser. Money is integer minor units as decimal text (may be negative for differences).
 */
const money = z.string().regex(/^-?\d+$/)
const quantiles = z.strictObject({
  p5: money,
  p25: money,
  p50: money,
  p75: money,
  p95: money,
  mean: money,
})
const histogram = z.strictObject({
  lower: z.array(money),
  width: money,
  counts: z.array(z.int().min(0)),
})
const share = z.number().min(0).max(1)
const series = z.enum(['KR_CPI', 'KR_DEFENSE_BUDGET'])

const modelReport = z.discriminatedUnion('model', [
  z.strictObject({
    series,
    model: z.literal('ar1'),
    fitted: z.boolean(),
    parameters: z.enum(['point', 'posterior']),
    fit: z.strictObject({ from: z.int(), to: z.int(), pairs: z.int() }).nullable(),
    params: z.strictObject({
      c: z.number(),
      phi: z.number(),
      sigma: z.number(),
      mean: z.number().nullable(),
    }),
    start: z.strictObject({ period: z.int(), value: z.string() }),
    periods: z.array(z.int()),
  }),
  z.strictObject({
    series,
    model: z.literal('random-walk'),
    parameters: z.enum(['point', 'posterior']),
    fit: z.strictObject({ from: z.int(), to: z.int(), pairs: z.int() }),
    params: z.strictObject({ sigma: z.number() }),
    start: z.strictObject({ period: z.int(), value: z.string() }),
    periods: z.array(z.int()),
  }),
  z.strictObject({
    series,
    model: z.literal('block-bootstrap'),
    blockLength: z.int(),
    fit: z.strictObject({ from: z.int(), to: z.int() }),
    blocks: z.int(),
    periods: z.array(z.int()),
  }),
  z.strictObject({
    series,
    model: z.literal('scenario-path'),
    values: z.record(z.string(), z.string()),
    periods: z.array(z.int()),
  }),
])

const yearProjection = z.strictObject({
  year: z.int(),
  status: z.enum(['fixed', 'assumed', 'simulated', 'unknown']),
  ruleId: z.string(),
  exact: money.nullable(),
  nominal: quantiles.nullable(),
  real: quantiles.nullable(),
  usd: quantiles.nullable(),
  perServiceMember: z.strictObject({ nominal: quantiles, usd: quantiles }).nullable(),
  capBinds: share.nullable(),
  floorBinds: share.nullable(),
  assumptions: z.strictObject({
    perUsd: z.string().nullable(),
    servicemembers: z.string().nullable(),
    deflator: z.number(),
  }),
})

export const projectionResultSchema = z
  .strictObject({
    schema: z.literal(PROJECTION_SCHEMA_TAG),
    engine: z.literal(PROJECTION_ENGINE_VERSION),
    mode: z.enum(['deterministic', 'monte-carlo']),
    seed: z.int(),
    paths: z.int(),
    chunkSize: z.int(),
    scenario: z.strictObject({
      id: z.string(),
      version: z.int(),
      title: z.strictObject({ en: z.string(), ko: z.string() }),
      deflatorBaseYear: z.int(),
    }),
    models: z.array(modelReport),
    correlation: z
      .strictObject({
        series: z.tuple([series, series]),
        rho: z.number().min(-1).max(1),
        interval95: z.tuple([z.number(), z.number()]),
        pairs: z.int(),
        from: z.int(),
        to: z.int(),
      })
      .nullable(),
    projections: z.array(
      z.strictObject({
        agreement: z.strictObject({
          id: z.string(),
          revision: z.int(),
          title: z.strictObject({ en: z.string(), ko: z.string() }),
        }),
        currency: z.enum(['KRW', 'USD', 'JPY']),
        years: z.array(yearProjection),
        total: z
          .strictObject({
            nominal: quantiles,
            histogram,
            realMean: money,
            usdMean: money,
          })
          .nullable(),
      }),
    ),
    comparisons: z.array(
      z.strictObject({
        a: z.string(),
        b: z.string(),
        years: z.array(
          z.strictObject({
            year: z.int(),
            difference: quantiles,
            pAHigher: share,
            pBHigher: share,
          }),
        ),
        total: z
          .strictObject({
            difference: quantiles,
            histogram,
            pAHigher: share,
            pBHigher: share,
            pEqual: share,
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'ProjectionResult' })
