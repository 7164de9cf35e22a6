import { z } from 'zod'
import { comparisonInputsSchema, hostSupportSchema } from '../domain/host-support/schema.js'
import { PROVENANCES } from '../domain/record/sources.js'
import { ro } from './common.js'
import { said } from './validation-words.js'

/**
 * The host-nation support of Japan and the Korea–Japan comparison, as the API sends them. The
 * comparison's shape mirrors `HostComparison` (src/domain/host-support/compare.ts): amounts are
 * integer minor-unit strings, the derived figures are already rounded by their named rules.
 */
const localized = z.object({ en: z.string(), ko: z.string() })
const integerText = z.string().regex(/^\d+$/, said('digits only', '숫자만 쓸 수 있습니다.'))
const host = z.enum(['KR', 'JP'])

export const hostSupport = hostSupportSchema.meta({ id: 'HostSupport' })
export const comparisonInputs = comparisonInputsSchema.meta({ id: 'ComparisonInputs' })

const hostCell = z
  .object({
    host,
    year: z.number().int(),
    amount: z
      .object({
        value: integerText,
        currency: z.enum(['KRW', 'JPY', 'USD']),
        provenance: z.enum(PROVENANCES),
        sources: ro(z.string()),
        agreement: z.string().nullable(),
      })
      .nullable(),
    rate: z
      .object({
        currency: z.enum(['KRW', 'JPY']),
        year: z.number().int(),
        perUsd: z.string(),
        sources: ro(z.string()),
      })
      .nullable(),
    usdCents: integerText.nullable(),
    troops: z
      .object({ count: z.number().int(), basis: localized, sources: ro(z.string()) })
      .nullable(),
    usdCentsPerTroop: integerText.nullable(),
    budget: z
      .object({
        amount: integerText,
        currency: z.enum(['KRW', 'JPY']),
        basis: localized,
        sources: ro(z.string()),
      })
      .nullable(),
    budgetSharePct: z.string().nullable(),
  })
  .meta({ id: 'HostCell' })

const coverage = z.object({
  amount: z.number().int(),
  usd: z.number().int(),
  perTroop: z.number().int(),
  share: z.number().int(),
})

export const hostComparison = z
  .object({
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    rows: ro(z.object({ year: z.number().int(), kr: hostCell, jp: hostCell })),
    rateSeries: localized,
    coverage: z.object({ KR: coverage, JP: coverage }),
  })
  .meta({ id: 'HostComparison' })
export type HostComparisonResponse = z.infer<typeof hostComparison>

export const japanSupportResponse = z.object({ support: hostSupport })
export const hostComparisonResponse = z.object({
  comparison: hostComparison,
  /** The rates, troop numbers and budgets it was computed from (for their sources and bases). */
  inputs: comparisonInputs,
})
