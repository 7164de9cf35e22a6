import type { Schedule } from './evaluate.js'

export interface CheckRow {
  readonly agreement: string
  readonly year: number
  readonly kind: 'computed' | 'negotiated' | 'pending' | 'unknown'
  readonly amount: string | null
  readonly published: string | null
  /** How the published figure is stated (`published`, or agreed in dollars or mixed currencies). */
  readonly publishedBasis: string | null
  readonly result: 'match' | 'mismatch' | 'no-published-figure' | 'not-computable'
}

/**
 * Published-vs-computed rows for a schedule. `negotiated` years are stated by the agreement (their
 * match is by construction); `computed` years come from a formula, so a match there is evidence.
 * @example checkSchedule(sma12).find((r) => r.year === 2026)?.result // "match"
 */
export function checkSchedule(s: Schedule): CheckRow[] {
  return s.years.map((y) => {
    const kind =
      y.derivation.type === 'escalated'
        ? 'computed'
        : y.derivation.type === 'stated'
          ? 'negotiated'
          : y.derivation.type
    const result =
      y.amount === null
        ? 'not-computable'
        : y.matchesPublished === null
          ? 'no-published-figure'
          : y.matchesPublished
            ? 'match'
            : 'mismatch'
    return {
      agreement: s.agreement,
      year: y.year,
      kind,
      amount: y.amount,
      published: y.published,
      publishedBasis: y.publishedBasis,
      result,
    }
  })
}
