import { z } from 'zod'
import { ROUNDING_MODES } from '../domain/money/rounding.js'
import { currencyCodeSchema, publishedFigureSchema } from '../domain/agreement/spec.js'
import { seriesIdSchema } from '../domain/index-series/index-series.js'
import { PROVENANCES } from '../domain/record/sources.js'
import { localizedTextSchema } from '../domain/text/localized.js'
import { localized, ro } from './common.js'
import { said } from './validation-words.js'

/**
 * The schedule of an agreement as the engine computes it (src/domain/agreement/evaluate.ts): a
 * figure per year with its derivation. The schema mirrors the domain's `Schedule` type, and a
 * type test (schedule.test.ts) keeps the two identical.
 */
const minor = z
  .string()
  .regex(
    /^-?\d+$/,
    said('integer minor units as text', '최소 통화 단위의 정수를 문자열로 쓰십시오.'),
  )
const ruleRef = z.object({
  id: z.string(),
  kind: z.enum([
    'negotiated',
    'appropriated',
    'flat',
    'fixed-percentage',
    'negotiated-increase',
    'index-linked',
    'unknown',
  ]),
  cite: ro(z.string()),
  note: localizedTextSchema.optional(),
})
const bound = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('rate'), pct: z.string() }),
])
const resolvedIndex = z.object({
  series: seriesIdSchema,
  period: z.int(),
  value: z.string(),
  vintage: z.string(),
  releasedOn: z.string().nullable(),
  sources: ro(z.string()),
  override: z.boolean(),
})
const rateUsed = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), pct: z.string() }),
  z.object({
    kind: z.literal('parts'),
    pct: z.string(),
    parts: ro(z.object({ pct: z.string(), label: localized })),
  }),
  z.object({
    kind: z.literal('index'),
    pct: z.string(),
    index: resolvedIndex,
    lag: z.int(),
    cap: bound,
    floor: bound,
    binding: z.enum(['cap', 'floor']).nullable(),
  }),
])
export const derivationSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('stated'),
      rule: ruleRef,
      amount: minor,
      sources: ro(z.string()),
      components: ro(z.object({ currency: currencyCodeSchema, amount: z.string() })).optional(),
      provenance: z.enum(['stated', 'published', 'reported']),
    }),
    z.object({
      type: z.literal('escalated'),
      rule: ruleRef,
      base: z.object({
        agreement: z.string(),
        year: z.int(),
        amount: minor,
        from: z.enum(['schedule', 'published']),
      }),
      rate: rateUsed,
      exact: z.string(),
      rounding: z.object({
        mode: z.enum(ROUNDING_MODES),
        step: z.string(),
        basis: z.enum(['text', 'inferred']),
      }),
      amount: minor,
    }),
    z.object({
      type: z.literal('pending'),
      rule: ruleRef,
      waitingFor: ro(z.object({ series: seriesIdSchema, period: z.int() })),
      reason: z.string(),
    }),
    z.object({ type: z.literal('unknown'), rule: ruleRef, reason: localizedTextSchema }),
  ])
  .meta({ id: 'Derivation' })

export const yearFigureSchema = z
  .object({
    year: z.int(),
    amount: minor.nullable(),
    status: z.enum(['computed', 'pending', 'unknown']),
    published: minor.nullable(),
    matchesPublished: z.boolean().nullable(),
    comparePrecision: z.string().nullable(),
    publishedBasis: publishedFigureSchema.shape.basis.nullable(),
    publishedProvenance: z.enum(PROVENANCES).nullable(),
    provenance: z.enum(PROVENANCES).nullable(),
    derivation: derivationSchema,
  })
  .meta({ id: 'YearFigure' })

export const scheduleSchema = z
  .object({
    agreement: z.string(),
    revision: z.int(),
    currency: currencyCodeSchema,
    yearKind: z.enum(['calendar', 'jp-fiscal']),
    years: ro(yearFigureSchema),
    total: minor.nullable(),
  })
  .meta({ id: 'Schedule' })
export type ScheduleBody = z.infer<typeof scheduleSchema>
