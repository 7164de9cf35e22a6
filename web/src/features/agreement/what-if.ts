/**
 * What-if on an agreement: a modified **copy** of the spec plus index overrides, evaluated in the
 * browser by the same domain code as the signed agreement (no server round-trip).
 */
import {
  add,
  applyChanges,
  EvaluationError,
  extendableRule,
  lookupIndex,
  parseDecimal,
  parseIndexOverride,
  rational,
  toDecimalString,
  type AgreementChanges,
  type AgreementSpec,
  type IndexOverride,
  type IndexSeriesSet,
  type RecordSnapshot,
  type Rule,
  type Schedule,
  type SeriesId,
} from '../../../../src/domain/index.js'
import { scheduleOf } from '../../lib/record'

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

/** `?index=KR_CPI:2025=7.3` (repeatable), `cap=`, `first=`, `last=` preset a what-if. */
export function inputFromUrl(params: URLSearchParams): WhatIfInput {
  const indexValues: Record<string, string> = {}
  for (const text of params.getAll('index')) {
    try {
      const o = parseIndexOverride(text)
      indexValues[`${o.series}:${o.period}`] = o.value
    } catch {
      // A malformed preset is ignored; the inputs show the record's values.
    }
  }
  const last = params.get('last')
  return {
    ...EMPTY_WHAT_IF,
    indexValues,
    capPct: params.get('cap'),
    firstYearPct: params.get('first'),
    lastYear: last === null ? null : Number(last),
  }
}

/**
 * The what-if as URL parameters (the inverse of `inputFromUrl`), on top of the page's other
 * parameters (`lang`): a link to the page opens the same what-if. Unchanged levers stay out.
 */
export function whatIfParams(input: WhatIfInput, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base)
  for (const key of ['index', 'cap', 'first', 'last']) p.delete(key)
  for (const [key, value] of Object.entries(input.indexValues).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (value.trim() !== '') p.append('index', `${key}=${value.trim()}`)
  }
  if (input.capPct !== null) p.set('cap', input.capPct.trim())
  if (input.firstYearPct !== null && input.firstYearPct.trim() !== '')
    p.set('first', input.firstYearPct.trim())
  if (input.lastYear !== null) p.set('last', String(input.lastYear))
  return p
}

export interface WhatIfResult {
  readonly levers: WhatIfLevers
  /** Keys of the inputs that are not numbers. */
  readonly invalid: readonly string[]
  /** Why the what-if cannot be computed (the engine's words), or null. */
  readonly error: string | null
  /** The modified spec and its schedule, when the inputs are valid and it computes. */
  readonly spec: AgreementSpec | null
  readonly schedule: Schedule | null
}

/**
 * Applies a what-if and evaluates it against the record snapshot, in the browser (no round trip).
 */
export function computeWhatIf(
  snapshot: RecordSnapshot,
  spec: AgreementSpec,
  input: WhatIfInput,
): WhatIfResult {
  const levers = leversOf(spec, snapshot.indices, input.lastYear)
  const none = { levers, invalid: [], error: null, spec: null, schedule: null }
  const applied = applyWhatIf(spec, snapshot.indices, input)
  if (!applied.ok) return { ...none, invalid: applied.invalid }
  try {
    return {
      ...none,
      spec: applied.spec,
      schedule: scheduleOf(snapshot, applied.spec, applied.overrides),
    }
  } catch (e) {
    return { ...none, error: e instanceof EvaluationError ? e.message : String(e) }
  }
}

/** The changed index values in words, for a draft's default title ("KR_CPI 2025 = 7.3 %"). */
export function changedIndexSummary(levers: WhatIfLevers, input: WhatIfInput): string {
  return levers.indexInputs
    .filter((i) => {
      const v = input.indexValues[i.key]
      return v !== undefined && v !== i.recordValue && v !== ''
    })
    .map((i) => `${i.series} ${i.period} = ${input.indexValues[i.key] ?? ''} %`)
    .join(', ')
}

export interface CompareRow {
  readonly year: number
  /** The year's figure in each schedule, or undefined when the year is outside its term. */
  readonly signed: YearLike | undefined
  readonly whatIf: YearLike | undefined
  /** What-if minus as-signed, minor units; null when either has no figure. */
  readonly delta: bigint | null
}
type YearLike = Schedule['years'][number]

/** As signed and what-if side by side, every year of either term. */
export function compareRows(signed: Schedule, whatIf: Schedule): CompareRow[] {
  const years = [...new Set([...signed.years, ...whatIf.years].map((y) => y.year))].sort(
    (a, b) => a - b,
  )
  return years.map((year) => {
    const s = signed.years.find((f) => f.year === year)
    const w = whatIf.years.find((f) => f.year === year)
    const a = s?.amount ?? null
    const b = w?.amount ?? null
    return {
      year,
      signed: s,
      whatIf: w,
      delta: a === null || b === null ? null : BigInt(b) - BigInt(a),
    }
  })
}
