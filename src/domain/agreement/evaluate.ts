import {
  baseInOtherCurrency,
  EvaluationError,
  missingBase,
  type MissingBase,
} from './evaluation-error.js'

export { EvaluationError }
import {
  add,
  compare,
  fromBigInt,
  mul,
  parseDecimal,
  pct,
  rational,
  toDecimalString,
  type Rational,
} from '../money/rational.js'
import { roundToStep, type RoundingMode } from '../money/rounding.js'
import { toMinorUnits, type CurrencyCode } from '../money/currency.js'
import {
  lookupIndex,
  type IndexOverride,
  type IndexSeriesSet,
  type ResolvedIndexValue,
  type SeriesId,
} from '../index-series/index-series.js'
import type { LocalizedText } from '../text/localized.js'
import type { Provenance } from '../record/sources.js'
import { reportingCurrency, type AgreementSpec, type PublishedFigure, type Rule } from './spec.js'

/** Everything outside the agreement that a computation reads. Pure data, no services. */
export interface EvaluationContext {
  readonly indices: IndexSeriesSet
  readonly overrides: readonly IndexOverride[]
  /** Published figures of other agreements, for bases such as "the 11th SMA's 2025 amount". */
  readonly publishedOf: (agreementId: string, year: number) => PublishedFigure | undefined
  /**
   * How a published figure is known from its citations (`published` when a government or
   * parliament states it, `reported` when only the press does); from the source registry.
   */
  readonly provenanceOf?: (sources: readonly string[]) => Provenance
  /**
   * Another agreement's computed figure for a year (bases with `use: 'schedule'`), evaluated in
   * this same context; undefined when the agreement or the year is not in the record.
   */
  readonly scheduleOf?: (
    agreementId: string,
    year: number,
  ) => { readonly figure: YearFigure; readonly currency: CurrencyCode } | undefined
}

export interface RuleRef {
  readonly id: string
  readonly kind: Rule['kind']
  readonly cite: readonly string[]
  readonly note?: LocalizedText
}

export interface BaseUsed {
  readonly agreement: string
  readonly year: number
  /** Minor units. */
  readonly amount: string
  /** `schedule`: this computation's own figure for that year; `published`: a published figure. */
  readonly from: 'schedule' | 'published'
}

export type Bound = { readonly kind: 'none' } | { readonly kind: 'rate'; readonly pct: string }

export type RateUsed =
  | { readonly kind: 'fixed'; readonly pct: string }
  | {
      readonly kind: 'parts'
      readonly pct: string
      readonly parts: readonly {
        readonly pct: string
        readonly label: { en: string; ko: string }
      }[]
    }
  | {
      readonly kind: 'index'
      /** The rate actually applied, after cap and floor. */
      readonly pct: string
      readonly index: ResolvedIndexValue
      readonly lag: number
      readonly cap: Bound
      readonly floor: Bound
      readonly binding: 'cap' | 'floor' | null
    }

export type Derivation =
  | {
      readonly type: 'stated'
      readonly rule: RuleRef
      readonly amount: string
      readonly sources: readonly string[]
      readonly components?: readonly { currency: CurrencyCode; amount: string }[]
      /**
       * `stated`: the agreement's text sets the amount; `published`/`reported`: the host's budget
       * as published or as reported (Japan's appropriated amounts).
       */
      readonly provenance: 'stated' | 'published' | 'reported'
    }
  | {
      readonly type: 'escalated'
      readonly rule: RuleRef
      readonly base: BaseUsed
      readonly rate: RateUsed
      /** Exact unrounded amount in minor units, as decimal text. */
      readonly exact: string
      readonly rounding: {
        readonly mode: RoundingMode
        readonly step: string
        /** Whether the agreement's text states the rounding or SMA Desk inferred it. */
        readonly basis: 'text' | 'inferred'
      }
      readonly amount: string
    }
  | {
      readonly type: 'pending'
      readonly rule: RuleRef
      readonly waitingFor: readonly { readonly series: SeriesId; readonly period: number }[]
      readonly reason: string
    }
  | { readonly type: 'unknown'; readonly rule: RuleRef; readonly reason: LocalizedText }

export interface YearFigure {
  readonly year: number
  /** Integer minor units as decimal text; null unless status is `computed`. */
  readonly amount: string | null
  /**
   * `computed`: the rules determine the figure. `pending`: an input does not exist yet (never
   * extrapolated). `unknown`: the record has no figure and no rule to derive one.
   */
  readonly status: 'computed' | 'pending' | 'unknown'
  /** Published figure in minor units, or null. */
  readonly published: string | null
  readonly matchesPublished: boolean | null
  /** Unit the published figure was stated in (minor units); comparison is at this precision. */
  readonly comparePrecision: string | null
  readonly publishedBasis: PublishedFigure['basis'] | null
  /** How the published figure is known, from its citations' tiers; null when there is none. */
  readonly publishedProvenance: Provenance | null
  /**
   * How this year's amount is known: `derived` by SMA Desk from the rule, `stated` in the
   * agreement's text, `published`/`reported` as the host's budget; null when there is no amount.
   */
  readonly provenance: Provenance | null
  readonly derivation: Derivation
}

export interface Schedule {
  readonly agreement: string
  readonly revision: number
  readonly currency: CurrencyCode
  readonly yearKind: AgreementSpec['term']['yearKind']
  readonly years: readonly YearFigure[]
  /** Sum over the term in minor units; null when any year is not computed. */
  readonly total: string | null
}

/** A yearly amount of a `negotiated` rule (no provenance: the text states it) or an `appropriated` one. */
type AmountEntry = Extract<Rule, { kind: 'negotiated' }>['amounts'][number] & {
  readonly provenance?: 'published' | 'reported'
}

function ruleRef(rule: Rule): RuleRef {
  return rule.note === undefined
    ? { id: rule.id, kind: rule.kind, cite: rule.cite }
    : { id: rule.id, kind: rule.kind, cite: rule.cite, note: rule.note }
}

function decimals(text: string): number {
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

function ruleForYear(spec: AgreementSpec, year: number): Rule {
  for (const r of spec.rules) {
    if (
      r.kind === 'negotiated' || r.kind === 'appropriated'
        ? r.amounts.some((a) => a.year === year)
        : r.kind === 'negotiated-increase'
          ? r.year === year
          : r.years.includes(year)
    )
      return r
  }
  throw new EvaluationError(
    `${spec.id}: no rule covers ${year}`,
    `"${spec.id}" 협정에는 ${year}년에 적용되는 규칙이 없습니다.`,
  )
}

/**
 * Computes every year of an agreement's term from its rules, exactly: amounts are bigint minor
 * units, rates exact rationals, and the only rounding is the one each rule names. A chain
 * compounds on this computation's own previous year, so a changed input flows through; a year
 * whose index value does not exist yet is `pending` (and so is every year built on it).
 *
 * @example
 * // 12th SMA, 2027: base 2026 ₩1,519,200,000,000; KR_CPI 2025 = 2.1 % (< 5 % cap)
 * // exact 1,551,103,200,000 → round half-up to ₩100,000,000 → ₩1,551,100,000,000
 * evaluateSchedule(sma12, ctx).years[1].amount // "1551100000000"
 */
export function evaluateSchedule(spec: AgreementSpec, ctx: EvaluationContext): Schedule {
  const currency = reportingCurrency(spec)
  const computed = new Map<number, bigint | null>()
  const years: YearFigure[] = []

  const resolveBase = (
    base: Extract<Rule, { base: unknown }>['base'],
    year: number,
  ):
    | { used: BaseUsed; value: bigint }
    | { pendingOn: number }
    | { waitingFor: readonly { series: SeriesId; period: number }[]; on: string }
    | { missing: MissingBase } => {
    if (base.kind === 'previous-year') {
      const prev = year - 1
      if (!computed.has(prev)) return { missing: missingBase('no-previous', spec.id, prev) }
      const v = computed.get(prev)
      if (v === null || v === undefined) return { pendingOn: prev }
      return {
        used: { agreement: spec.id, year: prev, amount: v.toString(), from: 'schedule' },
        value: v,
      }
    }
    if (base.use === 'schedule') {
      const other =
        base.agreement === spec.id ? undefined : ctx.scheduleOf?.(base.agreement, base.year)
      if (!other) return { missing: missingBase('not-computed', base.agreement, base.year) }
      // An amount in another currency is not a base: converting it needs a rate the rule lacks.
      if (other.currency !== currency) {
        return {
          missing: baseInOtherCurrency(
            base.agreement,
            base.year,
            'computed',
            other.currency,
            currency,
          ),
        }
      }
      const f = other.figure
      if (f.derivation.type === 'pending')
        return { waitingFor: f.derivation.waitingFor, on: `${base.agreement} ${base.year}` }
      if (f.amount === null) return { missing: missingBase('unknown', base.agreement, base.year) }
      return {
        used: { agreement: base.agreement, year: base.year, amount: f.amount, from: 'schedule' },
        value: BigInt(f.amount),
      }
    }
    const p = ctx.publishedOf(base.agreement, base.year)
    if (!p) return { missing: missingBase('not-published', base.agreement, base.year) }
    if (p.currency !== currency) {
      return {
        missing: baseInOtherCurrency(base.agreement, base.year, 'published', p.currency, currency),
      }
    }
    const v = toMinorUnits(p.amount, currency)
    return {
      used: { agreement: base.agreement, year: base.year, amount: v.toString(), from: 'published' },
      value: v,
    }
  }

  /** What the previous year of this schedule is waiting for, when it is pending. */
  const pendingUpstream = (
    base: Extract<Rule, { base: unknown }>['base'],
    year: number,
  ): readonly { series: SeriesId; period: number }[] => {
    if (base.kind !== 'previous-year') return []
    const prev = years.find((y) => y.year === year - 1)
    return prev?.derivation.type === 'pending' ? prev.derivation.waitingFor : []
  }

  for (let year = spec.term.firstYear; year <= spec.term.lastYear; year++) {
    const rule = ruleForYear(spec, year)
    const derivation = deriveYear(rule, year)
    const amount =
      derivation.type === 'stated' || derivation.type === 'escalated'
        ? BigInt(derivation.amount)
        : null
    computed.set(year, amount)
    years.push(withPublished(spec, year, amount, derivation, currency, ctx))
  }

  function deriveYear(rule: Rule, year: number): Derivation {
    const ref = ruleRef(rule)
    switch (rule.kind) {
      case 'unknown':
        return { type: 'unknown', rule: ref, reason: rule.reason }
      case 'flat':
        return {
          type: 'stated',
          rule: ref,
          amount: toMinorUnits(rule.amount, currency).toString(),
          sources: rule.cite,
          provenance: 'stated',
        }
      case 'negotiated':
      case 'appropriated': {
        const entry = (rule.amounts as readonly AmountEntry[]).find((a) => a.year === year)
        if (!entry) {
          throw new EvaluationError(
            `${rule.id}: no amount for ${year}`,
            `"${rule.id}" 규칙에 ${year}년 금액이 없습니다.`,
          )
        }
        const base = {
          type: 'stated' as const,
          rule: ref,
          amount: toMinorUnits(entry.amount, currency).toString(),
          sources: entry.sources,
          provenance: entry.provenance ?? ('stated' as const),
        }
        return entry.components ? { ...base, components: entry.components } : base
      }
      case 'fixed-percentage':
      case 'negotiated-increase':
      case 'index-linked': {
        let rate: RateUsed
        const waiting: { series: SeriesId; period: number }[] = []
        if (rule.kind === 'fixed-percentage') {
          rate = { kind: 'fixed', pct: rule.ratePct }
        } else if (rule.kind === 'negotiated-increase') {
          const sum = rule.parts.reduce<Rational>(
            (acc, p) => add(acc, parseDecimal(p.pct)),
            rational(0n),
          )
          rate = {
            kind: 'parts',
            pct: toDecimalString(sum),
            parts: rule.parts.map((p) => ({ pct: p.pct, label: p.label })),
          }
        } else {
          const period = year - rule.lag
          const idx = lookupIndex(ctx.indices, ctx.overrides, rule.series, period, rule.vintage)
          if (!idx) {
            waiting.push({ series: rule.series, period })
            const upstream = pendingUpstream(rule.base, year)
            return {
              type: 'pending',
              rule: ref,
              waitingFor: mergeWaiting([...waiting, ...upstream]),
              reason: `${rule.series} ${period} is not yet available`,
            }
          }
          if (decimals(idx.value) > rule.ratePrecision) {
            throw new EvaluationError(
              `${rule.series} ${period} = ${idx.value} has more decimals than the rule's rate precision (${rule.ratePrecision})`,
              `${period}년 ${rule.series} 값 ${idx.value}의 소수점 이하 자릿수가 규칙이 적용하는 자릿수(${rule.ratePrecision}자리)보다 많습니다.`,
            )
          }
          let applied = parseDecimal(idx.value)
          let binding: 'cap' | 'floor' | null = null
          if (rule.cap.kind === 'rate' && compare(applied, parseDecimal(rule.cap.pct)) > 0) {
            applied = parseDecimal(rule.cap.pct)
            binding = 'cap'
          }
          if (rule.floor.kind === 'rate' && compare(applied, parseDecimal(rule.floor.pct)) < 0) {
            applied = parseDecimal(rule.floor.pct)
            binding = 'floor'
          }
          rate = {
            kind: 'index',
            pct: toDecimalString(applied),
            index: idx,
            lag: rule.lag,
            cap: rule.cap,
            floor: rule.floor,
            binding,
          }
        }
        const base = resolveBase(rule.base, year)
        if ('missing' in base) {
          throw new EvaluationError(
            `${rule.id} (${year}): ${base.missing.en}`,
            `"${rule.id}" 규칙의 ${year}년 기준 금액을 정할 수 없습니다. ${base.missing.ko}`,
          )
        }
        if ('waitingFor' in base) {
          return {
            type: 'pending',
            rule: ref,
            waitingFor: mergeWaiting([...waiting, ...base.waitingFor]),
            reason: `${base.on} is not yet computed`,
          }
        }
        if ('pendingOn' in base) {
          const prev = years.find((y) => y.year === base.pendingOn)
          const upstream = prev?.derivation.type === 'pending' ? prev.derivation.waitingFor : []
          return {
            type: 'pending',
            rule: ref,
            waitingFor: upstream,
            reason: `${base.pendingOn} is not yet computed`,
          }
        }
        const factor = add(rational(1n), pct(parseDecimal(rate.pct)))
        const exact = mul(fromBigInt(base.value), factor)
        const step = toMinorUnits(rule.rounding.step, currency)
        const amount = roundToStep(exact, step, rule.rounding.mode)
        return {
          type: 'escalated',
          rule: ref,
          base: base.used,
          rate,
          exact: toDecimalString(exact),
          rounding: {
            mode: rule.rounding.mode,
            step: step.toString(),
            basis: rule.rounding.basis ?? 'inferred',
          },
          amount: amount.toString(),
        }
      }
    }
  }

  const all = years.map((y) => y.amount)
  const total = all.every((a): a is string => a !== null)
    ? all.reduce((s, a) => s + BigInt(a), 0n).toString()
    : null
  return {
    agreement: spec.id,
    revision: spec.revision,
    currency,
    yearKind: spec.term.yearKind,
    years,
    total,
  }
}

function mergeWaiting(
  list: readonly { series: SeriesId; period: number }[],
): { series: SeriesId; period: number }[] {
  const seen = new Map<string, { series: SeriesId; period: number }>()
  for (const w of list) seen.set(`${w.series}:${w.period}`, w)
  return [...seen.values()].sort((a, b) => a.period - b.period || (a.series < b.series ? -1 : 1))
}

function withPublished(
  spec: AgreementSpec,
  year: number,
  amount: bigint | null,
  derivation: Derivation,
  currency: CurrencyCode,
  ctx: EvaluationContext,
): YearFigure {
  const p = spec.published.find((f) => f.year === year && f.currency === currency)
  const status =
    derivation.type === 'pending'
      ? 'pending'
      : derivation.type === 'unknown'
        ? 'unknown'
        : 'computed'
  const provenance: Provenance | null =
    derivation.type === 'escalated'
      ? 'derived'
      : derivation.type === 'stated'
        ? derivation.provenance
        : null
  if (!p) {
    return {
      year,
      amount: amount?.toString() ?? null,
      status,
      published: null,
      matchesPublished: null,
      comparePrecision: null,
      publishedBasis: null,
      publishedProvenance: null,
      provenance,
      derivation,
    }
  }
  const published = toMinorUnits(p.amount, currency)
  const precision = toMinorUnits(p.precision, currency)
  const matches =
    amount === null ? null : roundToStep(fromBigInt(amount), precision, 'half-up') === published
  return {
    year,
    amount: amount?.toString() ?? null,
    status,
    published: published.toString(),
    matchesPublished: matches,
    comparePrecision: precision.toString(),
    publishedBasis: p.basis,
    publishedProvenance: ctx.provenanceOf?.(p.sources) ?? null,
    provenance,
    derivation,
  }
}
