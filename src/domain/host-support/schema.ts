import { z } from 'zod'
import type { CitedFact } from '../record/cited-facts.js'
import { PROVENANCES } from '../record/sources.js'

/**
 * A host nation's yearly host-nation support (data/host-nation-support/japan.json) and the
 * inputs of the Korea–Japan comparison (comparison-inputs.json). Validated at load like the
 * agreements: a figure is an integer amount with its provenance class (the record's classes,
 * src/domain/record/sources.ts) and its citations (URLs described in data/sources.json). An
 * unknown figure is null, never a guess.
 */
const localized = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) })
const integerText = z.string().regex(/^\d+$/, 'an integer amount in minor units (yen, won)')
const url = z.url({ protocol: /^https?$/ })

/** One amount with how it is known and where from. */
export const supportFigureSchema = z
  .strictObject({
    amount: integerText,
    provenance: z.enum(PROVENANCES),
    sources: z.array(url),
    /** The arithmetic, for a `derived` or `estimate` figure. */
    derivation: localized.optional(),
    /** The interval the rounded inputs of an `estimate` allow. */
    range: z.strictObject({ min: integerText, max: integerText }).optional(),
  })
  .refine((f) => f.sources.length > 0 || f.provenance === 'unsourced', {
    error: 'a sourced figure names at least one source',
  })
  .refine((f) => (f.provenance === 'derived' || f.provenance === 'estimate') === !!f.derivation, {
    error: 'a derived or estimated figure, and only such a figure, shows its derivation',
  })
export type SupportFigure = z.infer<typeof supportFigureSchema>

const figure = supportFigureSchema.nullable()

export const supportYearSchema = z.strictObject({
  /** The host's fiscal year (Japan: April of `fy` to March of `fy + 1`). */
  fy: z.number().int().min(1950).max(2100),
  /** The special agreement in force that year (an id of the record), or null. */
  agreement: z.string().min(1).nullable(),
  /** Inside the special agreement: the components and their total. */
  inside: z.strictObject({
    labor: figure,
    utilities: figure,
    trainingRelocation: figure,
    trainingEquipment: figure,
    total: figure,
  }),
  /** Outside the agreement but part of host-nation support. */
  outside: z.strictObject({ fip: figure, welfare: figure, total: figure }),
  /** Host-nation support in all, on the file's basis. */
  total: figure,
  /** The same total on the contract basis (never mixed into `total`). */
  contractBasisTotal: figure,
  note: localized.nullable(),
})
export type SupportYear = z.infer<typeof supportYearSchema>

export const hostSupportSchema = z
  .strictObject({
    schema: z.literal('sma-desk/host-nation-support@1'),
    host: z.literal('JP'),
    currency: z.literal('JPY'),
    yearKind: z.literal('jp-fiscal'),
    /** What the amounts are: the one stated basis. */
    basis: localized,
    years: z.array(supportYearSchema).min(1),
  })
  .refine((f) => f.years.every((y, i) => i === 0 || y.fy === (f.years[i - 1]?.fy ?? 0) + 1), {
    error: 'fiscal years are consecutive and in order',
  })
export type HostSupport = z.infer<typeof hostSupportSchema>

const host = z.enum(['KR', 'JP'])
const decimalText = z.string().regex(/^\d+(\.\d+)?$/, 'a positive decimal')

export const comparisonInputsSchema = z.strictObject({
  schema: z.literal('sma-desk/comparison-inputs@1'),
  exchangeRates: z.strictObject({
    /** The one series every rate comes from. */
    series: localized,
    values: z.array(
      z.strictObject({
        /** Calendar year of the annual average. */
        year: z.number().int(),
        currency: z.enum(['KRW', 'JPY']),
        /** Currency units per US dollar, as published. */
        perUsd: decimalText,
        sources: z.array(url).min(1),
      }),
    ),
  }),
  /** US service members stationed in each host, one figure per year with its basis. */
  troops: z.array(
    z.strictObject({
      host,
      year: z.number().int(),
      count: z.number().int().positive(),
      basis: localized,
      sources: z.array(url).min(1),
    }),
  ),
  /** Each host's defence budget, one basis per host. */
  defenseBudgets: z.array(
    z.strictObject({
      host,
      year: z.number().int(),
      currency: z.enum(['KRW', 'JPY']),
      amount: integerText,
      basis: localized,
      sources: z.array(url).min(1),
    }),
  ),
})
export type ComparisonInputs = z.infer<typeof comparisonInputsSchema>

/** The figures of a year, each with where it sits ("inside.labor", "total", …). */
export function figuresOf(
  y: SupportYear,
): { readonly path: string; readonly fig: SupportFigure }[] {
  const out: { path: string; fig: SupportFigure }[] = []
  for (const [k, f] of Object.entries(y.inside)) if (f) out.push({ path: `inside.${k}`, fig: f })
  for (const [k, f] of Object.entries(y.outside)) if (f) out.push({ path: `outside.${k}`, fig: f })
  if (y.total) out.push({ path: 'total', fig: y.total })
  if (y.contractBasisTotal) out.push({ path: 'contractBasisTotal', fig: y.contractBasisTotal })
  return out
}

/**
 * Every figure of a host-support file as a cited fact of the record, under the agreement in force
 * that fiscal year, so `sma sources` and the tier table count them with the agreements' facts.
 * @example supportFacts(japan).find((f) => f.fact === 'host-nation support FY2008 total')?.agreement // "jp-us-sma-2008"
 */
export function supportFacts(data: HostSupport): CitedFact[] {
  return data.years.flatMap((y) =>
    figuresOf(y).map(({ path, fig }) => ({
      agreement: y.agreement ?? `${data.host.toLowerCase()}-host-nation-support`,
      fact: `host-nation support FY${y.fy} ${path}`,
      sources: fig.sources,
    })),
  )
}
