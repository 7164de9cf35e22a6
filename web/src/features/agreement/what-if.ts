/**
 * What-if on an agreement: a modified **copy** of the spec plus index overrides, evaluated in the
 * browser by the same domain code as the signed agreement (no server round-trip).
 */
import {
  lookupIndex,
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
  // Exact decimal sum of short percent texts (scaled integers; no float).
  const scale = Math.max(0, ...parts.map((p) => (p.pct.split('.')[1] ?? '').length))
  const total = parts.reduce((s, p) => {
    const [i = '0', f = ''] = p.pct.replace('-', '').split('.')
    const v = BigInt(i + f.padEnd(scale, '0'))
    return s + (p.pct.startsWith('-') ? -v : v)
  }, 0n)
  if (scale === 0) return total.toString()
  const neg = total < 0n
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0')
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** The rule that covers the signed last year, if it can be extended (compounds on the previous year). */
function extendableRule(spec: AgreementSpec): Rule | undefined {
  const last = spec.term.lastYear
  const r = spec.rules.find(
    (x) => (x.kind === 'index-linked' || x.kind === 'fixed-percentage') && x.years.includes(last),
  )
  return r && 'base' in r && r.base.kind === 'previous-year' ? r : undefined
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
 * Applies a what-if to a deep copy of the spec. Returns the modified spec and the index
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
  const copy = structuredClone(spec) as AgreementSpec & {
    term: { lastYear: number }
    rules: Rule[]
  }
  const m = copy as { term: { lastYear: number }; rules: Rule[] }

  // Term.
  const newLast = levers.term.last
  if (newLast < spec.term.lastYear) {
    m.rules = m.rules
      .map((r): Rule | null => {
        switch (r.kind) {
          case 'negotiated': {
            const amounts = r.amounts.filter((a) => a.year <= newLast)
            return amounts.length ? { ...r, amounts } : null
          }
          case 'negotiated-increase':
            return r.year <= newLast ? r : null
          default: {
            const years = r.years.filter((y) => y <= newLast)
            return years.length ? { ...r, years } : null
          }
        }
      })
      .filter((r): r is Rule => r !== null)
  } else if (newLast > spec.term.lastYear) {
    const ext = extendableRule(spec)
    m.rules = m.rules.map((r) => {
      if (r.id !== ext?.id || !('years' in r)) return r
      const years = [...r.years]
      for (let y = spec.term.lastYear + 1; y <= newLast; y++) years.push(y)
      return { ...r, years }
    })
  }
  m.term.lastYear = newLast

  // Cap.
  if (input.capPct !== null) {
    const cap = input.capPct.trim()
    if (cap !== '' && !isPercentText(cap)) invalid.push('cap')
    else {
      m.rules = m.rules.map((r) =>
        r.kind === 'index-linked'
          ? {
              ...r,
              cap: cap === '' ? { kind: 'none' as const } : { kind: 'rate' as const, pct: cap },
            }
          : r,
      )
    }
  }

  // First-year increase.
  if (input.firstYearPct !== null && levers.firstYearPct !== null) {
    const pct = input.firstYearPct.trim()
    if (!isPercentText(pct)) invalid.push('firstYear')
    else {
      m.rules = m.rules.map((r) =>
        r.kind === 'negotiated-increase' && r.year === spec.term.firstYear
          ? {
              ...r,
              parts: [
                { pct, label: { en: 'what-if first-year increase', ko: '가정 첫해 인상률' } },
              ],
            }
          : r,
      )
    }
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
  return { ok: true, spec: copy, overrides }
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
