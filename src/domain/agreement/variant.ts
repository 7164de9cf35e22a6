import { agreementSpecSchema, type AgreementSpec, type Rule } from './spec.js'
import type { SeriesId } from '../index-series/index-series.js'

/** The levers of a what-if or a negotiation package; absent fields keep the agreement's value. */
export interface AgreementChanges {
  /** The first year's negotiated increase, percent (replaces the parts with one part). */
  readonly firstYearIncreasePct?: string
  /** Cap on the escalation rate, percent (decimal text), or the word 'none'. */
  readonly capPct?: string
  /** Floor on the escalation rate, percent (decimal text), or the word 'none'. */
  readonly floorPct?: string
  /** Number of years in the term (the escalation rule is extended or cut to match). */
  readonly termYears?: number
  readonly series?: SeriesId
  readonly lag?: number
}

/**
 * A copy of an agreement with some levers changed, validated again (so a change that breaks a
 * rule, such as a term that leaves a year uncovered, fails loudly). Used by the what-if page and
 * to build negotiation packages. The id gets a `-what-if` suffix and the published figures are
 * kept, so the schedule still says where it differs from the record.
 * @example applyChanges(sma12, { capPct: '3' }) // 12th SMA with a 3 % cap
 */
export function applyChanges(spec: AgreementSpec, changes: AgreementChanges): AgreementSpec {
  const firstYear = spec.term.firstYear
  const lastYear =
    changes.termYears === undefined ? spec.term.lastYear : firstYear + changes.termYears - 1
  const rules = spec.rules.map((rule): Rule => {
    let r: Rule = rule
    if (r.kind === 'negotiated-increase' && changes.firstYearIncreasePct !== undefined) {
      r = {
        ...r,
        parts: [
          {
            pct: changes.firstYearIncreasePct,
            label: { en: 'first-year increase (what-if)', ko: '첫해 인상률(가정)' },
          },
        ],
      }
    }
    if (r.kind === 'index-linked') {
      const years = r.years.filter((y) => y <= lastYear)
      const lastRuleYear = Math.max(...r.years)
      for (let y = lastRuleYear + 1; y <= lastYear; y++) years.push(y)
      r = {
        ...r,
        years,
        ...(changes.capPct === undefined
          ? {}
          : {
              cap:
                changes.capPct === 'none'
                  ? { kind: 'none' as const }
                  : { kind: 'rate' as const, pct: changes.capPct },
            }),
        ...(changes.floorPct === undefined
          ? {}
          : {
              floor:
                changes.floorPct === 'none'
                  ? { kind: 'none' as const }
                  : { kind: 'rate' as const, pct: changes.floorPct },
            }),
        ...(changes.series === undefined ? {} : { series: changes.series }),
        ...(changes.lag === undefined ? {} : { lag: changes.lag }),
      }
    }
    return r
  })
  const kept = rules.filter((r) => r.kind !== 'index-linked' || r.years.length > 0)
  const changed = {
    ...spec,
    id: spec.id.endsWith('-what-if') ? spec.id : `${spec.id}-what-if`,
    term: { ...spec.term, lastYear },
    lifecycle: { ...spec.lifecycle, expiry: { status: 'unknown' as const, note: 'what-if' } },
    rules: kept,
  }
  return agreementSpecSchema.parse(changed)
}
