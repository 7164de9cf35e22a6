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
 * The rule that can carry the term beyond its signed last year: the one covering that year, if it
 * compounds on the previous year (index-linked or fixed percentage). Undefined otherwise (a flat
 * or negotiated last year says nothing about the years after it).
 * @example extendableRule(sma12)?.id // "escalation"
 */
export function extendableRule(spec: AgreementSpec): Rule | undefined {
  const last = spec.term.lastYear
  const r = spec.rules.find(
    (x) => (x.kind === 'index-linked' || x.kind === 'fixed-percentage') && x.years.includes(last),
  )
  return r && 'base' in r && r.base.kind === 'previous-year' ? r : undefined
}

/** A rule limited to the years up to `lastYear`, or null when none of its years remain. */
function cutTo(rule: Rule, lastYear: number): Rule | null {
  switch (rule.kind) {
    case 'negotiated': {
      const amounts = rule.amounts.filter((a) => a.year <= lastYear)
      return amounts.length > 0 ? { ...rule, amounts } : null
    }
    case 'appropriated': {
      const amounts = rule.amounts.filter((a) => a.year <= lastYear)
      return amounts.length > 0 ? { ...rule, amounts } : null
    }
    case 'negotiated-increase':
      return rule.year <= lastYear ? rule : null
    default: {
      const years = rule.years.filter((y) => y <= lastYear)
      return years.length > 0 ? { ...rule, years } : null
    }
  }
}

function bound(pct: string): { kind: 'none' } | { kind: 'rate'; pct: string } {
  return pct === 'none' ? { kind: 'none' } : { kind: 'rate', pct }
}

/**
 * A copy of an agreement with some levers changed, validated again (so a change that breaks a
 * rule fails loudly). A shorter term cuts every rule; a longer one extends the rule that
 * compounds on the previous year (see extendableRule) and is refused when there is none. Used by
 * the what-if page and to build negotiation packages. The id gets a `-what-if` suffix and the
 * published figures are kept, so the schedule still says where it differs from the record.
 * @example applyChanges(sma12, { capPct: '3' }) // 12th SMA with a 3 % cap
 */
export function applyChanges(spec: AgreementSpec, changes: AgreementChanges): AgreementSpec {
  const firstYear = spec.term.firstYear
  const signedLast = spec.term.lastYear
  const lastYear = changes.termYears === undefined ? signedLast : firstYear + changes.termYears - 1
  const extended = lastYear > signedLast ? extendableRule(spec) : undefined
  if (lastYear > signedLast && extended === undefined) {
    throw new RangeError(
      `${spec.id} cannot run beyond ${signedLast}: no rule compounds on the previous year`,
    )
  }
  const rules: Rule[] = []
  for (const rule of spec.rules) {
    let r = cutTo(rule, lastYear)
    if (r === null) continue
    if (rule === extended && 'years' in r) {
      const years = [...r.years]
      for (let y = signedLast + 1; y <= lastYear; y++) years.push(y)
      r = { ...r, years }
    }
    if (
      r.kind === 'negotiated-increase' &&
      r.year === firstYear &&
      changes.firstYearIncreasePct !== undefined
    ) {
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
      r = {
        ...r,
        ...(changes.capPct === undefined ? {} : { cap: bound(changes.capPct) }),
        ...(changes.floorPct === undefined ? {} : { floor: bound(changes.floorPct) }),
        ...(changes.series === undefined ? {} : { series: changes.series }),
        ...(changes.lag === undefined ? {} : { lag: changes.lag }),
      }
    }
    rules.push(r)
  }
  const changed = {
    ...spec,
    id: spec.id.endsWith('-what-if') ? spec.id : `${spec.id}-what-if`,
    term: { ...spec.term, lastYear },
    lifecycle: { ...spec.lifecycle, expiry: { status: 'unknown' as const, note: 'what-if' } },
    rules,
  }
  return agreementSpecSchema.parse(changed)
}
