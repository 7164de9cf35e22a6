import { z } from 'zod'
import { DomainError } from '../errors.js'
import { withParticle } from '../text/korean-particles.js'
import type { Localized } from '../text/localized.js'

/** Series the engine knows; a rule names one of these. */
export const SERIES_IDS = ['KR_CPI', 'KR_DEFENSE_BUDGET'] as const
export const seriesIdSchema = z.enum(SERIES_IDS)
export type SeriesId = z.infer<typeof seriesIdSchema>

const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal number written as text, e.g. "2.1"')

/**
 * One release of one period's value. A revision is a new entry for the same period, never an
 * edit: entries of a period are kept in release order (first release first).
 */
export const indexValueSchema = z.strictObject({
  period: z.int().min(1900).max(2200),
  /** Percent, as published (e.g. "2.9" means 2.9 %). */
  value: decimalText,
  /** What this release is: "first release", "rebased (2015 = 100)", a user's label… */
  vintage: z.string().min(1),
  releasedOn: z.iso.date().nullable(),
  sources: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
})
export type IndexValue = z.infer<typeof indexValueSchema>

export const indexSeriesSchema = z.strictObject({
  schema: z.literal('sma-desk/index-series@1'),
  id: seriesIdSchema,
  name: z.strictObject({ en: z.string(), ko: z.string() }),
  unit: z.literal('percent'),
  /** Decimals as published (one for both ROK series). */
  decimals: z.int().min(0).max(6),
  publisher: z.string(),
  values: z.array(indexValueSchema),
})
export type IndexSeries = z.infer<typeof indexSeriesSchema>

/** Every series the engine may read, by id. */
export type IndexSeriesSet = Readonly<Partial<Record<SeriesId, IndexSeries>>>

/** Which release of a value a rule uses. */
export const vintageChoiceSchema = z.enum(['first-release', 'latest'])
export type VintageChoice = z.infer<typeof vintageChoiceSchema>

/** A what-if value that replaces every release of one period for one computation. */
export interface IndexOverride {
  readonly series: SeriesId
  readonly period: number
  readonly value: string
}

export interface ResolvedIndexValue {
  readonly series: SeriesId
  readonly period: number
  readonly value: string
  readonly vintage: string
  readonly releasedOn: string | null
  readonly sources: readonly string[]
  /** True when the value came from a what-if override, not from the record. */
  readonly override: boolean
}

/**
 * Looks up one period's value: an override wins; otherwise the first or the latest release, as
 * the rule says. Returns undefined when no value exists yet (the figure is then pending).
 * @example lookupIndex(set, [], 'KR_CPI', 2010, 'latest')?.value // "2.9" (rebased), first release "3.0"
 */
export function lookupIndex(
  set: IndexSeriesSet,
  overrides: readonly IndexOverride[],
  series: SeriesId,
  period: number,
  choice: VintageChoice,
): ResolvedIndexValue | undefined {
  const o = overrides.findLast((x) => x.series === series && x.period === period)
  if (o) {
    return {
      series,
      period,
      value: o.value,
      vintage: 'what-if',
      releasedOn: null,
      sources: [],
      override: true,
    }
  }
  const releases = set[series]?.values.filter((v) => v.period === period) ?? []
  const v = choice === 'first-release' ? releases[0] : releases.at(-1)
  if (!v) return undefined
  return {
    series,
    period,
    value: v.value,
    vintage: v.vintage,
    releasedOn: v.releasedOn,
    sources: v.sources,
    override: false,
  }
}

/**
 * The range an annual percent change of a series can plausibly take (CPI and defence-budget
 * growth of the parties since 1950 lie well inside it). Outside it a value is a typo, not a
 * what-if: `KR_CPI:2025=-99999` would make a negative cost share of quadrillions.
 */
export const PLAUSIBLE_PERCENT = { min: -50, max: 100 } as const

/**
 * Why an index value is implausible, in both languages, or null.
 * @example implausibleIndexValue('-99999')?.en // 'index value -99999 is outside the plausible range…'
 * @example implausibleIndexValue('2.1') // null
 */
export function implausibleIndexValue(value: string): Localized | null {
  const n = Number(value)
  const { min, max } = PLAUSIBLE_PERCENT
  return Number.isFinite(n) && n >= min && n <= max
    ? null
    : {
        en: `index value ${value} is outside the plausible range of an annual change, ${min} % to ${max} %`,
        ko: `지수 값 ${withParticle(value, '은')} 연간 변동률로 가능한 범위(${min}%~${max}%)를 벗어납니다.`,
      }
}

const OVERRIDE = /^([A-Z_]+):(\d{4})=(-?\d+(?:\.\d+)?)$/

/**
 * Parses a what-if flag `SERIES:YEAR=VALUE` (e.g. `KR_CPI:2025=7.3`); throws an `invalid`
 * DomainError whose message (English and Korean) names the problem.
 * @example parseIndexOverride('KR_CPI:2025=7.3') // { series: 'KR_CPI', period: 2025, value: '7.3' }
 */
export function parseIndexOverride(text: string): IndexOverride {
  const m = OVERRIDE.exec(text.trim())
  if (!m) {
    throw new DomainError(
      'invalid',
      `malformed index value "${text}": expected SERIES:YEAR=VALUE, e.g. KR_CPI:2025=7.3`,
      {
        ko: `지수 값 "${text}"의 형식이 올바르지 않습니다. SERIES:YEAR=VALUE 형식(예: "KR_CPI:2025=7.3")으로 쓰십시오.`,
      },
    )
  }
  const [, series = '', year = '', value = ''] = m
  const parsed = seriesIdSchema.safeParse(series)
  if (!parsed.success) {
    throw new DomainError(
      'invalid',
      `unknown index series "${series}": known are ${SERIES_IDS.join(', ')}`,
      {
        ko: `${withParticle(`"${series}"`, '은')} 알 수 없는 지수 계열입니다. 쓸 수 있는 계열: ${SERIES_IDS.map((id) => `"${id}"`).join(', ')}.`,
      },
    )
  }
  const implausible = implausibleIndexValue(value)
  if (implausible !== null) {
    throw new DomainError('invalid', implausible.en, { ko: implausible.ko })
  }
  return { series: parsed.data, period: Number(year), value }
}
