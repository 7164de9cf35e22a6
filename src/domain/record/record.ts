import cpi from '../../../data/indices/KR_CPI.json' with { type: 'json' }
import defenseBudget from '../../../data/indices/KR_DEFENSE_BUDGET.json' with { type: 'json' }
import { agreementSpecSchema, type AgreementSpec, type PublishedFigure } from '../agreement/spec.js'
import { indexSeriesSchema, type IndexSeriesSet } from '../index-series/index-series.js'
import { rawAgreements } from './raw-agreements.js'

/** The shipped record: every agreement and index series, validated. */
export interface SmaRecord {
  readonly agreements: readonly AgreementSpec[]
  readonly indices: IndexSeriesSet
}

/**
 * Validates and returns the shipped record (agreements sorted by host nation, then first year).
 * Throws, naming the file's agreement and the path, if a data file breaks the schema: the record
 * is checked on every load, not trusted.
 */
export function loadRecord(): SmaRecord {
  const agreements = rawAgreements.map((raw) => {
    const r = agreementSpecSchema.safeParse(raw)
    if (!r.success) {
      const id = (raw as { id?: unknown }).id
      const issue = r.error.issues[0]
      throw new Error(
        `data/agreements/${String(id)}.json: ${issue?.path.join('.')}: ${issue?.message}`,
      )
    }
    return r.data
  })
  agreements.sort((a, b) =>
    a.hostNation === b.hostNation
      ? a.term.firstYear - b.term.firstYear
      : a.hostNation < b.hostNation
        ? 1
        : -1,
  )
  return {
    agreements,
    indices: {
      KR_CPI: indexSeriesSchema.parse(cpi),
      KR_DEFENSE_BUDGET: indexSeriesSchema.parse(defenseBudget),
    },
  }
}

/** A lookup of published figures across agreements, for bases that cite another agreement. */
export function publishedLookup(
  agreements: readonly AgreementSpec[],
): (agreementId: string, year: number) => PublishedFigure | undefined {
  return (agreementId, year) => {
    const a = agreements.find((x) => x.id === agreementId)
    if (!a) return undefined
    const cur = a.currency.kind === 'single' ? a.currency.code : a.currency.reporting
    return a.published.find((p) => p.year === year && p.currency === cur)
  }
}
