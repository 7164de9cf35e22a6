/**
 * What-if on an agreement: a modified **copy** of the spec plus index overrides, evaluated in the
 * browser by the same domain code as the signed agreement (no server round-trip).
 */
import {
  add,
  applyChanges,
  extendableRule,
  lookupIndex,
  parseDecimal,
  rational,
  toDecimalString,
  type AgreementChanges,
  type AgreementSpec,
  type IndexOverride,
  type IndexSeriesSet,
  type Rule,
  type SeriesId,
} from '../../../../src/domain/index.js'

export interface WhatIfInput {
  /** `SERIES:PERIOD` → percent text as typed; equal to the record's value means "unchanged". */
  readonly indexValues: Readonly<Record<string, string>>
  /** Cap of every index-linked rule, percent text; '' removes the cap; null keeps the signed one. */
  readonly capPct: string | null
  /** The first-year increase in percent; null keeps the signed one. */
  readonly firstYearPct: string | null
  /** Last year of the term; null keeps the signed one. */
  readonly lastYear: number | null
}

export const EMPTY_WHAT_IF: WhatIfInput = {
  indexValues: {},
  capPct: null,
  firstYearPct: null,
  lastYear: null,
}

export interface IndexInput {
  readonly key: string
  readonly series: SeriesId
  readonly period: number
  /** The record's value for the rule's vintage, or null when not yet published. */
  readonly recordValue: string | null
  readonly precision: number
}

export interface WhatIfLevers {
  readonly indexInputs: readonly IndexInput[]
  /** The signed cap of the index-linked rule(s), or null when the agreement has none to change. */
  readonly cap: { readonly pct: string | null } | null
  /** The signed first-year increase (sum of its parts), or null when the first year is not one. */
  readonly firstYearPct: string | null
  readonly term: {
    readonly first: number
    readonly last: number
    readonly min: number
    readonly max: number
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/

export function isPercentText(text: string): boolean {
  return DECIMAL.test(text.trim())
}

function indexRules(spec: AgreementSpec): Extract<Rule, { kind: 'index-linked' }>[] {
  return spec.rules.filter(
    (r): r is Extract<Rule, { kind: 'index-linked' }> => r.kind === 'index-linked',
  )
}

function sumPct(parts: readonly { pct: string }[]): string {
  return toDecimalString(parts.reduce((sum, p) => add(sum, parseDecimal(p.pct)), rational(0n)))
}

/** What can be changed on this agreement, with the signed values as defaults. */
export function leversOf(
  spec: AgreementSpec,
  indices: IndexSeriesSet,
  lastYear: number | null,
): WhatIfLevers {
  const first = spec.term.firstYear
  const signedLast = spec.term.lastYear
  const max = extendableRule(spec) ? Math.max(signedLast, first + 9) : signedLast
  const last = lastYear === null ? signedLast : Math.min(max, Math.max(first, lastYear))
  const inputs = new Map<string, IndexInput>()
  for (const r of indexRules(spec)) {
    const years = [...r.years]
    if (extendableRule(spec)?.id === r.id)
      for (let y = signedLast + 1; y <= last; y++) years.push(y)
    for (const y of years.filter((x) => x <= last)) {
      const period = y - r.lag
      const key = `${r.series}:${period}`
      if (inputs.has(key)) continue
      inputs.set(key, {
        key,
        series: r.series,
        period,
        recordValue: lookupIndex(indices, [], r.series, period, r.vintage)?.value ?? null,
        precision: r.ratePrecision,
      })
    }
  }
  const firstRule = spec.rules.find((r) => r.kind === 'negotiated-increase' && r.year === first)
  const idx = indexRules(spec)[0]
  return {
    indexInputs: [...inputs.values()].sort((a, b) => a.period - b.period),
    cap: idx ? { pct: idx.cap.kind === 'rate' ? idx.cap.pct : null } : null,
    firstYearPct: firstRule?.kind === 'negotiated-increase' ? sumPct(firstRule.parts) : null,
    term: { first, last, min: first, max },
  }
}

/**
 * Applies a what-if through the domain's applyChanges (a validated copy of the spec). Returns the modified spec and the index
 * overrides, or the list of input problems (keys of the inputs that are not valid numbers).
 */
export function applyWhatIf(
  spec: AgreementSpec,
  indices: IndexSeriesSet,
  input: WhatIfInput,
):
  { ok: true; spec: AgreementSpec; overrides: IndexOverride[] } | { ok: false; invalid: string[] } {
  const invalid: string[] = []
  const levers = leversOf(spec, indices, input.lastYear)
  const changes: { -readonly [K in keyof AgreementChanges]: AgreementChanges[K] } = {}
  if (levers.term.last !== spec.term.lastYear) {
    changes.termYears = levers.term.last - spec.term.firstYear + 1
  }
  if (input.capPct !== null) {
    const cap = input.capPct.trim()
    if (cap !== '' && !isPercentText(cap)) invalid.push('cap')
    else changes.capPct = cap === '' ? 'none' : cap
  }
  if (input.firstYearPct !== null && levers.firstYearPct !== null) {
    const pct = input.firstYearPct.trim()
    if (!isPercentText(pct)) invalid.push('firstYear')
    else changes.firstYearIncreasePct = pct
  }

  // Index values.
  const overrides: IndexOverride[] = []
  for (const i of levers.indexInputs) {
    const typed = input.indexValues[i.key]
    if (typed === undefined) continue
    const v = typed.trim()
    if (v === '' || v === i.recordValue) continue
    if (!isPercentText(v)) {
      invalid.push(i.key)
      continue
    }
    overrides.push({ series: i.series, period: i.period, value: v })
  }
  if (invalid.length) return { ok: false, invalid }
  return { ok: true, spec: applyChanges(spec, changes), overrides }
}

/** Sum of the computed years, and how many years that covers. */
export function knownTotal(years: readonly { amount: string | null }[]): {
  total: string
  known: number
  all: number
} {
  let total = 0n
  let known = 0
  for (const y of years) {
    if (y.amount !== null) {
      total += BigInt(y.amount)
      known++
    }
  }
  return { total: total.toString(), known, all: years.length }
}
