import { reportingCurrency, type AgreementSpec } from '../agreement/spec.js'
import { evaluateSchedule, type EvaluationContext } from '../agreement/evaluate.js'
import type { CurrencyCode } from '../money/currency.js'
import { div, mul, parseDecimal, rational, type Rational } from '../money/rational.js'
import { roundToStep } from '../money/rounding.js'
import type { Provenance } from '../record/sources.js'
import type { ComparisonInputs, HostSupport } from './schema.js'

/**
 * Korea vs Japan, year by year: each host's yearly amount, in US dollars at the year's sourced
 * average rate, per stationed US service member, and as a share of the host's defence budget.
 * Every input comes from the record; a missing input makes the cell null (unknown), never an
 * interpolation. Arithmetic is exact (rationals over bigint); the only roundings are the named
 * ones below, applied once at the end.
 */

export type Host = 'KR' | 'JP'

/** One year of Korea's SMA contribution as the record's schedule gives it. */
export interface KoreaYear {
  readonly year: number
  readonly agreement: string
  /** Integer minor units of `currency`. */
  readonly amount: string
  readonly currency: CurrencyCode
  readonly provenance: Provenance
  readonly sources: readonly string[]
}

/**
 * Korea's yearly SMA amounts from the record's schedules (one source of truth with the
 * agreement pages): each year of each ROK–US agreement, in its reporting currency: the published
 * figure where the record holds one (with its provenance and sources), else the schedule's
 * computed amount (derived by SMA Desk from the rule, or stated in the agreement).
 * @example koreaYearly(snapshot.agreements, evaluationContext(snapshot)).find((y) => y.year === 2026)?.amount // "1519200000000"
 */
export function koreaYearly(
  agreements: readonly AgreementSpec[],
  ctx: EvaluationContext,
): KoreaYear[] {
  const out: KoreaYear[] = []
  for (const spec of agreements.filter((a) => a.hostNation === 'KR')) {
    const s = evaluateSchedule(spec, ctx)
    for (const f of s.years) {
      if (f.amount === null || f.provenance === null || out.some((y) => y.year === f.year)) continue
      const published = spec.published.find(
        (p) => p.year === f.year && p.currency === reportingCurrency(spec),
      )
      const d = f.derivation
      // A published figure is the amount where the record has one (its own provenance and
      // sources); otherwise the schedule's figure, derived or stated, with the rule's citations.
      if (published && f.published !== null && f.publishedProvenance !== null) {
        out.push({
          year: f.year,
          agreement: spec.id,
          amount: f.published,
          currency: s.currency,
          provenance: f.publishedProvenance,
          sources: [...published.sources],
        })
        continue
      }
      out.push({
        year: f.year,
        agreement: spec.id,
        amount: f.amount,
        currency: s.currency,
        provenance: f.provenance,
        sources: [...(d.type === 'stated' ? d.sources : d.rule.cite)],
      })
    }
  }
  return out.sort((a, b) => a.year - b.year)
}

export interface HostCell {
  readonly host: Host
  readonly year: number
  /** The host's amount for the year, as recorded; null when unknown. */
  readonly amount: {
    readonly value: string
    readonly currency: CurrencyCode
    readonly provenance: Provenance
    readonly sources: readonly string[]
    readonly agreement: string | null
  } | null
  /** The average rate used (currency units per dollar); null when none is needed or known. */
  readonly rate: {
    readonly currency: 'KRW' | 'JPY'
    readonly year: number
    readonly perUsd: string
    readonly sources: readonly string[]
  } | null
  /** The amount in US cents (half-even to the cent); derived by SMA Desk. */
  readonly usdCents: string | null
  readonly troops: {
    readonly count: number
    readonly basis: { readonly en: string; readonly ko: string }
    readonly sources: readonly string[]
  } | null
  /** US dollars per stationed service member, half-even to the whole dollar, in cents. */
  readonly usdCentsPerTroop: string | null
  readonly budget: {
    readonly amount: string
    readonly currency: 'KRW' | 'JPY'
    readonly basis: { readonly en: string; readonly ko: string }
    readonly sources: readonly string[]
  } | null
  /** The amount as a percentage of the defence budget, half-even to 0.01 (e.g. "3.03"). */
  readonly budgetSharePct: string | null
}

export interface HostComparison {
  readonly firstYear: number
  readonly lastYear: number
  readonly rows: readonly { readonly year: number; readonly kr: HostCell; readonly jp: HostCell }[]
  readonly rateSeries: { readonly en: string; readonly ko: string }
  /** How many rows have each derived figure, per host (coverage at a glance). */
  readonly coverage: Record<Host, { amount: number; usd: number; perTroop: number; share: number }>
}

const CENT = 100n

/** Hundredths as text with two decimals: 380n → "3.80". */
function fixed2(hundredths: bigint): string {
  const t = hundredths.toString().padStart(3, '0')
  return `${t.slice(0, -2)}.${t.slice(-2)}`
}

/** Minor units of a currency → major units as a rational (¥ and ₩ have none; $ has cents). */
function major(minor: string, currency: CurrencyCode): Rational {
  return currency === 'USD' ? rational(BigInt(minor), CENT) : rational(BigInt(minor))
}

/** An amount in US dollars (major units), exactly, or null when a needed rate is missing. */
function inUsd(minor: string, currency: CurrencyCode, perUsd: string | null): Rational | null {
  if (currency === 'USD') return major(minor, 'USD')
  return perUsd === null ? null : div(major(minor, currency), parseDecimal(perUsd))
}

/**
 * One host's cell for one year. The rate is the calendar-year average of the year the fiscal
 * year starts in (Korea's fiscal year is the calendar year; Japan's runs April–March, so FY2019
 * uses the 2019 average).
 * @example
 * // ¥197.4 bn at 109.0188 ¥/$ = $1,810,696,870.631…; half-even to the cent
 * cellOf('JP', 2019, { value: '197400000000', currency: 'JPY', … }, inputs).usdCents // "181069687063"
 */
export function cellOf(
  host: Host,
  year: number,
  amount: HostCell['amount'],
  inputs: ComparisonInputs,
): HostCell {
  const local: 'KRW' | 'JPY' = host === 'KR' ? 'KRW' : 'JPY'
  const r = inputs.exchangeRates.values.find((v) => v.year === year && v.currency === local)
  const t = inputs.troops.find((v) => v.host === host && v.year === year)
  const b = inputs.defenseBudgets.find((v) => v.host === host && v.year === year)
  const needsRate = amount !== null && amount.currency !== 'USD'
  const usd = amount ? inUsd(amount.value, amount.currency, r?.perUsd ?? null) : null
  let share: Rational | null = null
  let rateUsed = needsRate && usd !== null
  if (amount && b) {
    if (amount.currency === b.currency) {
      share = div(major(amount.value, amount.currency), major(b.amount, b.currency))
    } else if (usd && r) {
      share = div(usd, div(major(b.amount, b.currency), parseDecimal(r.perUsd)))
      rateUsed = true
    }
  }
  return {
    host,
    year,
    amount,
    rate:
      r && rateUsed
        ? { currency: r.currency, year: r.year, perUsd: r.perUsd, sources: r.sources }
        : null,
    usdCents: usd ? roundToStep(mul(usd, rational(CENT)), 1n, 'half-even').toString() : null,
    troops: t ? { count: t.count, basis: t.basis, sources: t.sources } : null,
    usdCentsPerTroop:
      usd && t
        ? roundToStep(
            mul(div(usd, rational(BigInt(t.count))), rational(CENT)),
            CENT,
            'half-even',
          ).toString()
        : null,
    budget: b
      ? { amount: b.amount, currency: b.currency, basis: b.basis, sources: b.sources }
      : null,
    budgetSharePct: share
      ? fixed2(roundToStep(mul(share, rational(10000n)), 1n, 'half-even'))
      : null,
  }
}

/**
 * The Korea–Japan comparison, one row per year from the earlier host's first recorded year to
 * the later one's last. Japan's amount is its host-nation support total on the file's stated
 * basis; Korea's is the SMA contribution of the record's schedule. Derived figures (dollars, per
 * service member, budget share) are SMA Desk's arithmetic on those inputs, never published ones.
 * @example
 * const c = compareHosts(koreaYearly(specs, ctx), japan, inputs)
 * // ¥205.6 bn ÷ 131.4589 ¥/$ ÷ 54,000 = $28,962.72… → $28,963
 * c.rows.find((r) => r.year === 2022)?.jp.usdCentsPerTroop // "2896300"
 */
export function compareHosts(
  korea: readonly KoreaYear[],
  japan: HostSupport,
  inputs: ComparisonInputs,
): HostComparison {
  const years = [...korea.map((k) => k.year), ...japan.years.map((y) => y.fy)]
  const firstYear = Math.min(...years)
  const lastYear = Math.max(...years)
  const rows: HostComparison['rows'][number][] = []
  const coverage: HostComparison['coverage'] = {
    KR: { amount: 0, usd: 0, perTroop: 0, share: 0 },
    JP: { amount: 0, usd: 0, perTroop: 0, share: 0 },
  }
  const count = (c: HostCell): void => {
    const k = coverage[c.host]
    if (c.amount) k.amount++
    if (c.usdCents) k.usd++
    if (c.usdCentsPerTroop) k.perTroop++
    if (c.budgetSharePct) k.share++
  }
  for (let year = firstYear; year <= lastYear; year++) {
    const k = korea.find((x) => x.year === year)
    const j = japan.years.find((x) => x.fy === year)
    const kr = cellOf(
      'KR',
      year,
      k
        ? {
            value: k.amount,
            currency: k.currency,
            provenance: k.provenance,
            sources: k.sources,
            agreement: k.agreement,
          }
        : null,
      inputs,
    )
    const jp = cellOf(
      'JP',
      year,
      j?.total
        ? {
            value: j.total.amount,
            currency: japan.currency,
            provenance: j.total.provenance,
            sources: j.total.sources,
            agreement: j.agreement,
          }
        : null,
      inputs,
    )
    count(kr)
    count(jp)
    rows.push({ year, kr, jp })
  }
  return { firstYear, lastYear, rows, rateSeries: inputs.exchangeRates.series, coverage }
}
