import { z } from 'zod'
import { localizedSchema } from '../text/localized.js'
import { PROVENANCES, sourceSchema } from '../record/sources.js'

/**
 * The execution ledger as data (data/ledger/<agreement>.json): for each year of an agreement,
 * what was allocated to each category, executed, carried over and lapsed, every figure with its
 * provenance and citations. A figure that was not found is `null`, and the year says what was
 * looked for; nothing is estimated to fill a gap. The year's contribution is not stored here: it
 * comes from the agreement engine (evaluateSchedule), so the two can never disagree silently.
 */
export const LEDGER_SCHEMA_TAG = 'sma-desk/ledger@1'

const year = z.int().min(1900).max(2200)
/** Integer won as a decimal string: no sign, no separators, no fraction. */
export const wonText = z.string().regex(/^(0|[1-9]\d{0,20})$/, 'integer won as a decimal string')

/** One figure of the ledger: an exact amount, how it is known, and where it is published. */
export const ledgerFigureSchema = z
  .strictObject({
    amount: wonText,
    provenance: z.enum(PROVENANCES),
    /** URLs of the file's `sources`; `derived` figures may cite none (their note says how). */
    sources: z.array(z.url({ protocol: /^https?$/ })),
    note: localizedSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.sources.length === 0 && f.provenance !== 'derived' && f.provenance !== 'unsourced') {
      ctx.addIssue({ code: 'custom', message: `a ${f.provenance} figure needs a source` })
    }
    if (f.provenance === 'derived' && f.note === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a derived figure says how in its note' })
    }
  })
export type LedgerFigure = z.infer<typeof ledgerFigureSchema>

const figure = ledgerFigureSchema.nullable()

/** The allocation of a year: the three categories, construction in cash and in kind, and the
 * appropriation (the budget line actually voted, when it differs from the contribution or is
 * published on its own). */
export const allocationSchema = z.strictObject({
  labor: figure,
  construction: figure,
  constructionCash: figure,
  constructionInKind: figure,
  logistics: figure,
  /** 예산액: the year's appropriation for the SMA line (2011–2013: below the contribution). */
  appropriated: figure,
})
export type Allocation = z.infer<typeof allocationSchema>

/** The money fields of a year other than the allocation. */
export const BALANCE_FIELDS = [
  'executed',
  'unexecuted',
  'carriedOverIn',
  'carriedOverOut',
  'lapsed',
  'interest',
] as const
export type BalanceField = (typeof BALANCE_FIELDS)[number]

export const ledgerYearSchema = z.strictObject({
  year,
  allocated: allocationSchema,
  /** Spent in the year (집행액). */
  executed: figure,
  /** Not spent by the end of the year (미집행액 = carried out + lapsed). */
  unexecuted: figure,
  /** Brought in from the year before (전년도 이월액). */
  carriedOverIn: figure,
  /** Carried into the next year (다음 연도 이월액). */
  carriedOverOut: figure,
  /** Returned unspent (불용액). */
  lapsed: figure,
  /** Interest or returns reported on unexecuted cash. */
  interest: figure,
  /** Total cost of the Korean employees of US forces, for the labor-share rules. */
  laborCostTotal: figure,
  note: localizedSchema.nullable(),
  /** What was searched for the figures that are null (required when any is null). */
  lookedFor: z.string().min(1).nullable(),
})
export type LedgerYear = z.infer<typeof ledgerYearSchema>

const CATEGORY = z.enum(['labor', 'construction', 'logistics'])

/**
 * The public spending rules of an agreement, evaluated per year (src/domain/ledger/rules.ts):
 * - `form-share`: at least `minPct` % of a category is paid in a form (labor 100 % cash; 88 % of
 *   construction in kind; logistics 100 % in kind);
 * - `labor-cost-share`: the SMA funds at least / at most `pct` % of the total cost of the Korean
 *   employees (11th SMA: ≥ 87 %; 9th: ≤ 75 %);
 * - `use-restriction`: a qualitative limit (no use outside the peninsula) that yearly figures
 *   cannot show; always reported as not evaluable, with its text.
 */
export const spendingRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.string().min(1),
    kind: z.literal('form-share'),
    category: CATEGORY,
    form: z.enum(['cash', 'in-kind']),
    minPct: z.string().regex(/^\d+(\.\d+)?$/),
    years: z.array(year).min(1),
    text: localizedSchema,
    sources: z.array(z.url()).min(1),
  }),
  z.strictObject({
    id: z.string().min(1),
    kind: z.literal('labor-cost-share'),
    bound: z.enum(['min', 'max']),
    pct: z.string().regex(/^\d+(\.\d+)?$/),
    years: z.array(year).min(1),
    text: localizedSchema,
    sources: z.array(z.url()).min(1),
  }),
  z.strictObject({
    id: z.string().min(1),
    kind: z.literal('use-restriction'),
    years: z.array(year).min(1),
    text: localizedSchema,
    sources: z.array(z.url()).min(1),
  }),
])
export type SpendingRule = z.infer<typeof spendingRuleSchema>

export const balanceSchema = z.strictObject({
  /** YYYY, YYYY-MM or YYYY-MM-DD, or a range "YYYY–YYYY". */
  asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?(–\d{4})?$/),
  what: localizedSchema,
  amount: wonText.nullable(),
  provenance: z.enum(PROVENANCES),
  sources: z.array(z.url({ protocol: /^https?$/ })).min(1),
  note: localizedSchema.optional(),
})
export type Balance = z.infer<typeof balanceSchema>

export const ledgerFileSchema = z
  .strictObject({
    schema: z.literal(LEDGER_SCHEMA_TAG),
    agreement: z.string().regex(/^[a-z0-9-]+$/),
    /** Every source the file cites, with publisher, date and tier (the record's vocabulary). */
    sources: z.array(sourceSchema),
    years: z.array(ledgerYearSchema),
    rules: z.array(spendingRuleSchema),
    /** Accumulated balances reported at a date (stocks, not yearly flows): unexecuted cash held by
     * the US, unspent in-kind funds, interest; `amount` null when not disclosed. */
    balances: z.array(balanceSchema),
    /** What was searched and not found, for the closing note and the page. */
    notFound: z.array(z.strictObject({ what: z.string().min(1), lookedFor: z.string().min(1) })),
  })
  .superRefine((file, ctx) => {
    const cited = new Set(file.sources.map((s) => s.url))
    const seen = new Set<number>()
    file.years.forEach((y, i) => {
      if (seen.has(y.year))
        ctx.addIssue({ code: 'custom', path: ['years', i], message: `${y.year} appears twice` })
      seen.add(y.year)
      const figures = [...Object.values(y.allocated), ...BALANCE_FIELDS.map((f) => y[f])]
      for (const f of figures) {
        for (const url of f?.sources ?? []) {
          if (!cited.has(url))
            ctx.addIssue({
              code: 'custom',
              path: ['years', i],
              message: `${y.year} cites ${url}, which is not in the file's sources`,
            })
        }
      }
      if (figures.some((f) => f === null) && y.lookedFor === null)
        ctx.addIssue({
          code: 'custom',
          path: ['years', i, 'lookedFor'],
          message: `${y.year} has unknown figures but does not say what was looked for`,
        })
    })
    const citedBy = [
      ...file.rules.map((r) => ({ id: `rule ${r.id}`, urls: r.sources })),
      ...file.balances.map((b) => ({ id: `balance ${b.asOf}`, urls: b.sources })),
    ]
    for (const [i, r] of citedBy.entries())
      for (const url of r.urls)
        if (!cited.has(url))
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i],
            message: `${r.id} cites ${url}, which is not in the file's sources`,
          })
  })
export type LedgerFile = z.infer<typeof ledgerFileSchema>
