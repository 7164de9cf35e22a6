import { z } from 'zod'
import { parseWith } from '../errors.js'
import { localizedSchema, localizedTextSchema } from '../text/localized.js'
import { ROUNDING_MODES } from '../money/rounding.js'
import { seriesIdSchema, vintageChoiceSchema } from '../index-series/index-series.js'

/**
 * The agreement specification: one revision of one agreement, as data. Every open choice a
 * treaty leaves (rounding, lag, cap, floor, vintage, base) is a required field with no default,
 * and unknown keys are rejected everywhere, so a misplaced key fails loudly instead of being
 * ignored.
 */
export const SPEC_SCHEMA_TAG = 'sma-desk/agreement@1'

const year = z.int().min(1900).max(2200)
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number written as text')
const amountText = z
  .string()
  .regex(
    /^\d+(\.\d+)?$/,
    'a non-negative amount in major units written as text, e.g. "1519200000000"',
  )
/**
 * Citations (URLs). May be empty only for a fact no citable source was located for; such a fact
 * says so in its note (data/record.test.ts checks it).
 */
const sources = z.array(z.string().min(1))
const text = localizedSchema
const note = localizedTextSchema.optional()

export const currencyCodeSchema = z.enum(['KRW', 'USD', 'JPY'])
export const partyCodeSchema = z.enum(['KR', 'US', 'JP'])

export const roundingSchema = z.strictObject({
  mode: z.enum(ROUNDING_MODES),
  /** Step in major units of the agreement's currency, e.g. "100000000" (one 억 won). */
  step: amountText,
  /**
   * `text` when the agreement's text states the rounding; otherwise (the default) SMA Desk
   * inferred it from the published figures, and explanations say so.
   */
  basis: z.enum(['text', 'inferred']).optional(),
})

const boundSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('rate'), pct: decimalText }),
])

/** What an escalation multiplies: the schedule's own previous year, or a fixed published figure. */
export const baseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('previous-year') }),
  z.strictObject({
    kind: z.literal('agreement-year'),
    agreement: z.string().min(1),
    year,
    /**
     * `published`: that year's published figure. `schedule`: the other agreement's own computed
     * figure for that year (a draft continuing an agreement whose last year is not published yet
     * grows from it, and is pending exactly as long as that year is).
     */
    use: z.enum(['published', 'schedule']),
  }),
])

const ruleCommon = {
  id: z.string().min(1),
  cite: sources,
  note,
}
/** The years a rule covers (most kinds name them; the negotiated kinds state amounts per year). */
const years = z.array(year).min(1)

/** A rule of one kind: the common fields, the kind, and the kind's own fields. */
function rule<K extends string, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z.strictObject({ ...ruleCommon, kind: z.literal(kind), ...fields })
}

const amountEntry = z.strictObject({
  year,
  amount: amountText,
  /** Informational split of a mixed-currency amount (e.g. won + dollars in 1999). */
  components: z
    .array(z.strictObject({ currency: currencyCodeSchema, amount: amountText }))
    .optional(),
  sources,
  note,
})

export const negotiatedRuleSchema = rule('negotiated', { amounts: z.array(amountEntry).min(1) })

export const flatRuleSchema = rule('flat', { years, amount: amountText })

/**
 * Amounts the host appropriates in its own budget each (fiscal) year under the agreement's
 * ceilings, not set by a formula (Japan's special agreements): the amounts are the budget's.
 */
export const appropriatedRuleSchema = rule('appropriated', {
  amounts: z
    .array(
      amountEntry.extend({
        /** `published` when a government or parliament states it; `reported` when the press does. */
        provenance: z.enum(['published', 'reported']),
      }),
    )
    .min(1),
})

export const fixedPercentageRuleSchema = rule('fixed-percentage', {
  years,
  ratePct: decimalText,
  base: baseSchema,
  rounding: roundingSchema,
})

export const negotiatedIncreaseRuleSchema = rule('negotiated-increase', {
  year,
  base: baseSchema,
  /** Percent parts that add up to the increase, e.g. 7.4 (budget growth) + 6.5 (labor). */
  parts: z
    .array(z.strictObject({ pct: decimalText, label: text, sources: sources.optional() }))
    .min(1),
  rounding: roundingSchema,
})

export const indexLinkedRuleSchema = rule('index-linked', {
  years,
  series: seriesIdSchema,
  /** Index period = year − lag (2 = "the year before last"; 0 = the same year). */
  lag: z.int().min(0).max(5),
  /** Decimals of the rate as applied; a value with more decimals is rejected, not rounded. */
  ratePrecision: z.int().min(0).max(6),
  vintage: vintageChoiceSchema,
  /** Applied to the rate before multiplying. */
  cap: boundSchema,
  floor: boundSchema,
  base: baseSchema,
  rounding: roundingSchema,
})

export const unknownRuleSchema = rule('unknown', {
  years,
  /** Why no figure can be stated (e.g. "no official yearly figure located"). */
  reason: localizedTextSchema,
})

export const ruleSchema = z.discriminatedUnion('kind', [
  negotiatedRuleSchema,
  appropriatedRuleSchema,
  flatRuleSchema,
  fixedPercentageRuleSchema,
  negotiatedIncreaseRuleSchema,
  indexLinkedRuleSchema,
  unknownRuleSchema,
])
export type Rule = z.infer<typeof ruleSchema>
export type RuleKind = Rule['kind']

/** A dated fact that may be unknown or not apply; unknown is said, never guessed. */
export const dateFactSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('known'),
    /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    sources,
    note,
  }),
  z.strictObject({ status: z.literal('unknown'), note }),
  z.strictObject({ status: z.literal('not-applicable'), note }),
])
export type DateFact = z.infer<typeof dateFactSchema>

export const publishedFigureSchema = z.strictObject({
  year,
  currency: currencyCodeSchema,
  amount: amountText,
  /** The unit the figure was published in; comparison rounds half-up to this step. */
  precision: amountText,
  /**
   * `published`: the amount as published; `agreed_usd`/`agreed_mixed`: the agreed amount stated in
   * dollars or in several currencies. A figure SMA Desk derives is never recorded here.
   */
  basis: z.enum(['published', 'agreed_usd', 'agreed_mixed']),
  confidence: z.enum(['high', 'medium', 'low']),
  sources,
  note,
})
export type PublishedFigure = z.infer<typeof publishedFigureSchema>

export const categoryCodeSchema = z.enum(['labor', 'construction', 'logistics', 'cdip'])

export const categoriesSchema = z.strictObject({
  codes: z.array(categoryCodeSchema).min(1),
  /** Which category absorbs an allocation's rounding remainder first. */
  remainderTo: categoryCodeSchema,
  amounts: z.array(
    z.strictObject({
      year,
      parts: z.partialRecord(categoryCodeSchema, amountText),
      sources,
      note,
    }),
  ),
  form: z.partialRecord(
    categoryCodeSchema,
    z.enum(['cash', 'in-kind', 'cash-and-in-kind', 'unknown']),
  ),
  laborRules: z.array(
    z.strictObject({
      kind: z.enum(['max-share-of-labor-cost', 'min-share-of-labor-cost']),
      pct: decimalText,
      sources,
      note,
    }),
  ),
  notes: localizedTextSchema.optional(),
  sources: z.array(z.string().min(1)),
})

export const agreementSpecSchema = z
  .strictObject({
    schema: z.literal(SPEC_SCHEMA_TAG),
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
    revision: z.int().min(1),
    ordinal: z.int().min(1).nullable(),
    title: text,
    hostNation: z.enum(['KR', 'JP']),
    parties: z
      .array(
        z.strictObject({
          code: partyCodeSchema,
          name: z.string(),
          role: z.enum(['host', 'stationing']),
        }),
      )
      .length(2),
    currency: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('single'), code: currencyCodeSchema }),
      z.strictObject({
        kind: z.literal('mixed'),
        /** The currency the yearly figures are stated in. */
        reporting: currencyCodeSchema,
        parts: z.array(currencyCodeSchema).min(2),
        /** The stated conversion between the parts; null when the sources state none. */
        conversion: z
          .strictObject({
            /** Units of `quote` per one unit of `base`, e.g. 1300 won per dollar. */
            rate: decimalText,
            base: currencyCodeSchema,
            quote: currencyCodeSchema,
            sources,
            note,
          })
          .nullable(),
      }),
    ]),
    term: z.strictObject({
      firstYear: year,
      lastYear: year,
      yearKind: z.enum(['calendar', 'jp-fiscal']),
    }),
    lifecycle: z.strictObject({
      negotiatorsAppointed: dateFactSchema,
      textAgreed: dateFactSchema,
      initialled: dateFactSchema,
      signed: dateFactSchema,
      approval: z.strictObject({ host: dateFactSchema, stationing: dateFactSchema }),
      entryIntoForce: dateFactSchema,
      expiry: dateFactSchema,
      /** The host government's cabinet approval of the text, where it is recorded. */
      cabinetApproval: dateFactSchema.optional(),
    }),
    signatories: z
      .strictObject({
        host: localizedTextSchema,
        stationing: localizedTextSchema,
        sources: sources.optional(),
      })
      .nullable(),
    rules: z.array(ruleSchema).min(1),
    published: z.array(publishedFigureSchema),
    /** Won equivalents of dollar-era amounts as reported in the press (not agreed figures). */
    reportedEquivalents: z.array(
      z.strictObject({
        year,
        currency: currencyCodeSchema,
        amount: amountText,
        sources,
        note,
      }),
    ),
    /** A published total over the whole term when no yearly figures exist (Japan). */
    termTotal: z
      .strictObject({
        currency: currencyCodeSchema,
        amount: amountText,
        sources,
        note,
      })
      .nullable(),
    categories: categoriesSchema.nullable(),
    description: text,
    openQuestions: z.array(localizedTextSchema),
    sources: z.array(z.string().min(1)),
  })
  .superRefine((spec, ctx) => {
    if (spec.term.lastYear < spec.term.firstYear) {
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'lastYear is before firstYear' })
      return
    }
    const covered = new Map<number, string>()
    spec.rules.forEach((rule, i) => {
      for (const y of ruleYears(rule)) {
        if (y < spec.term.firstYear || y > spec.term.lastYear) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i],
            message: `rule ${rule.id} covers ${y}, outside the term`,
          })
        }
        const other = covered.get(y)
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i],
            message: `${y} is covered by both ${other} and ${rule.id}`,
          })
        }
        covered.set(y, rule.id)
      }
    })
    for (let y = spec.term.firstYear; y <= spec.term.lastYear; y++) {
      if (!covered.has(y)) {
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `no rule covers ${y}` })
      }
    }
    const ids = new Set<string>()
    for (const r of spec.rules) {
      if (ids.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `duplicate rule id ${r.id}` })
      ids.add(r.id)
    }
  })

export type AgreementSpec = z.infer<typeof agreementSpecSchema>

/** The years one rule determines. */
export function ruleYears(rule: Rule): readonly number[] {
  switch (rule.kind) {
    case 'negotiated':
    case 'appropriated':
      return rule.amounts.map((a) => a.year)
    case 'negotiated-increase':
      return [rule.year]
    default:
      return rule.years
  }
}

/** The currency the yearly figures of an agreement are stated in. */
export function reportingCurrency(spec: AgreementSpec): z.infer<typeof currencyCodeSchema> {
  return spec.currency.kind === 'single' ? spec.currency.code : spec.currency.reporting
}

/**
 * Validates unknown input as an agreement specification. Returns the spec, or a list of
 * problems each naming the path and what is wrong (for one-line CLI and problem+json errors).
 */
export function parseAgreementSpec(
  input: unknown,
): { ok: true; spec: AgreementSpec } | { ok: false; problems: string[] } {
  const r = parseWith(agreementSpecSchema, input)
  return r.ok ? { ok: true, spec: r.value } : r
}
