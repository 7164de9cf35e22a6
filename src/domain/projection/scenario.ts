import { z } from 'zod'
import { parseWith } from '../errors.js'
import { seriesIdSchema, type SeriesId } from '../index-series/index-series.js'

/**
 * A scenario: a named, versioned set of assumptions about the future. It never claims to be a
 * forecast; every number carries a `basis` saying where it comes from.
 *
 * - `indices`: values for index periods the record does not have yet (deterministic path). They
 *   never replace a published value; `overridePublished` is the only way to do that.
 * - `fx`, `servicemembers`, `deflator`: conversions for reporting (USD, per service member, real
 *   terms). They never feed back into the agreement's amounts.
 * - `stochastic`: optional models per series for Monte Carlo; a series without a model follows
 *   the deterministic path (zero variance).
 */
export const SCENARIO_SCHEMA_TAG = 'sma-desk/scenario@1'

const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal number written as text, e.g. "2.1"')
const positiveText = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'a positive decimal number written as text, e.g. "1400"')
  .refine((s) => Number(s) > 0, 'must be greater than zero')
const year = z.int().min(1900).max(2200)
const yearKey = z.string().regex(/^\d{4}$/, 'a four-digit year')

/**
 * A value per year: explicit `values` by year, and `after` for every later year not listed
 * (also used for any year not listed when there are no explicit values after it).
 */
export function yearPathSchema<T extends z.ZodType<string>>(value: T) {
  return z.strictObject({
    values: z.record(yearKey, value),
    after: value.optional(),
    /** Where the numbers come from, e.g. "record average 2016–2025 (assumption, not a forecast)". */
    basis: z.string().min(1),
  })
}

const indexPath = yearPathSchema(decimalText)
const positivePath = yearPathSchema(positiveText)
export type YearPath = z.infer<typeof indexPath>

const fitPeriod = z
  .strictObject({ from: year, to: year })
  .refine((p) => p.to > p.from, 'fit period: to must be after from')

/**
 * How a fitted model treats its parameters: `point` uses the estimates on every path; `posterior`
 * draws them per path from their posterior under a flat prior (σ² from SSR / χ²; for an AR(1)
 * also (c, φ) from a normal around the OLS estimates), so the fan carries estimation uncertainty.
 */
export const parameterTreatmentSchema = z.enum(['point', 'posterior'])
export type ParameterTreatment = z.infer<typeof parameterTreatmentSchema>

/** Monte Carlo model of one index series. */
export const seriesModelSchema = z.discriminatedUnion('model', [
  z.strictObject({
    /** AR(1) fitted by OLS to the record's history over `fit` (latest vintage). */
    model: z.literal('ar1'),
    fit: fitPeriod,
    /** Default `point` (the estimates on every path). */
    parameters: parameterTreatmentSchema.optional(),
  }),
  z.strictObject({
    /** AR(1) with stated parameters (percent units): x_t = c + φ·x_{t−1} + σ·ε_t. */
    model: z.literal('ar1-params'),
    c: z.number(),
    phi: z.number(),
    sigma: z.number().min(0),
  }),
  z.strictObject({
    /**
     * Random walk without drift: x_t = x_{t−1} + σ·ε_t, σ estimated from the year-on-year
     * changes of the record over `fit` (the "no-change" forecast with its historical spread).
     */
    model: z.literal('random-walk'),
    fit: fitPeriod,
    /** Default `point`; `posterior` draws σ per path (σ² = Σd² / χ²_m). */
    parameters: parameterTreatmentSchema.optional(),
  }),
  z.strictObject({
    /** Moving block bootstrap of the record's historical values over `fit`. */
    model: z.literal('block-bootstrap'),
    blockLength: z.int().min(1).max(10),
    fit: fitPeriod,
  }),
])
export type SeriesModel = z.infer<typeof seriesModelSchema>

const bilingual = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) })

/** A source of a forecast: an institution's page, the press that reported it, or research. */
export const forecastSourceSchema = z.strictObject({
  url: z.url(),
  title: z.string().min(1),
  publisher: z.string().min(1),
  published: z.iso.date().nullable(),
  tier: z.enum(['official', 'press', 'research']),
})

/**
 * Whose forecast a scenario carries, when and where it was published, how its figures are known
 * (`published` by the institution, `reported` by others, `derived` by SMA Desk from reported
 * levels), how years beyond the forecast are filled (SMA Desk's choice, stated) and what could
 * not be found.
 */
export const forecastSchema = z.strictObject({
  institution: bilingual,
  publication: bilingual,
  /** Publication date: a day, or a month when only that is known. */
  published: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD'),
  /** The series whose path is the institution's (others are SMA Desk's assumptions). */
  series: z.array(seriesIdSchema).min(1),
  figures: z.enum(['published', 'reported', 'derived']),
  /** The forecast's own years, per series, as the institution gives them (text). */
  covers: bilingual,
  beyond: bilingual,
  /** What could not be located, or null. */
  gaps: bilingual.nullable(),
  sources: z.array(forecastSourceSchema).min(1),
})
export type Forecast = z.infer<typeof forecastSchema>

export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_TAG),
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  version: z.int().min(1),
  title: z.strictObject({ en: z.string().min(1), ko: z.string().min(1) }),
  description: z.string(),
  /** Values for index periods not yet in the record (percent, one decimal as published). */
  indices: z.partialRecord(seriesIdSchema, indexPath),
  /** Explicit what-ifs that DO replace published values (empty in the shipped scenarios). */
  overridePublished: z.array(
    z.strictObject({ series: seriesIdSchema, period: year, value: decimalText }),
  ),
  fx: z.strictObject({
    /** Won per US dollar. */
    KRW_per_USD: positivePath,
    /** Yen per US dollar. */
    JPY_per_USD: positivePath,
  }),
  /** US service members stationed in the host nation (USFK for KR, USFJ for JP). */
  servicemembers: z.partialRecord(z.enum(['KR', 'JP']), positivePath),
  /** Real terms: amounts divided by Π(1 + inflation/100) from baseYear + 1 to the year. */
  deflator: z.strictObject({ baseYear: year, inflationPct: indexPath }),
  stochastic: z.partialRecord(seriesIdSchema, seriesModelSchema).nullable(),
  /**
   * `estimated`: when both series are simulated, their shocks are drawn jointly with the
   * correlation of the two models' residuals over the years both fits share (shown in the
   * result). Absent or `independent`: drawn independently. Needs normal-shock models.
   */
  correlation: z.enum(['independent', 'estimated']).optional(),
  /** Set when the scenario's numbers are an institution's published forecast, not SMA Desk's. */
  forecast: forecastSchema.optional(),
})
export type Scenario = z.infer<typeof scenarioSchema>

/**
 * Validates unknown input as a scenario; returns the scenario or one line per problem
 * (path: message), for CLI and problem+json errors.
 * @example parseScenario({ schema: 'sma-desk/scenario@1' }).ok // false (id: …, version: …)
 */
export function parseScenario(
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const r = parseWith(scenarioSchema, input)
  return r.ok ? { ok: true, scenario: r.value } : r
}

/**
 * The value a year path gives for a year: the explicit value, else `after` when the year is
 * later than every explicit year (or there are none), else undefined.
 * @example yearValue({ values: { '2026': '2.3' }, after: '2.0', basis: '…' }, 2027) // "2.0"
 */
export function yearValue(path: YearPath, y: number): string | undefined {
  const v = path.values[String(y)]
  if (v !== undefined) return v
  const last = Object.keys(path.values).reduce((m, k) => Math.max(m, Number(k)), -Infinity)
  return y > last ? path.after : undefined
}

/**
 * Whether the scenario has Monte Carlo models (otherwise every path is the deterministic one).
 * @example isStochastic(findShippedScenario('ar1')) // true; baseline → false
 */
export function isStochastic(scenario: Scenario): boolean {
  return scenario.stochastic !== null && Object.keys(scenario.stochastic).length > 0
}

/**
 * The deterministic value of one series in one period (percent, as text), if the scenario
 * states one.
 * @example scenarioIndexValue(baseline, 'KR_CPI', 2027) // "2.1"
 */
export function scenarioIndexValue(
  scenario: Scenario,
  series: SeriesId,
  period: number,
): string | undefined {
  const p = scenario.indices[series]
  return p === undefined ? undefined : yearValue(p, period)
}
