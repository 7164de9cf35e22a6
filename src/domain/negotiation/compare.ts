import type { CurrencyCode } from '../money/currency.js'
import {
  fromBigInt,
  mul,
  parseDecimal,
  pct,
  add,
  rational,
  type Rational,
} from '../money/rational.js'
import { roundToStep } from '../money/rounding.js'
import { lookupIndex, type IndexSeriesSet } from '../index-series/index-series.js'

/**
 * Side by side (issue 11, decision 0014): agreements and proposals compared over their own
 * terms. Every amount is integer minor units (won) as decimal text; every division is exact and
 * then rounded half-up to one won, the rounding named where it happens. Nothing here is a float.
 */

/** What the comparison reads of a schedule (the engine's `Schedule` and the API's have it). */
export interface ComparedSchedule {
  readonly currency: CurrencyCode
  readonly years: readonly {
    readonly year: number
    readonly amount: string | null
    readonly status: 'computed' | 'pending' | 'unknown'
  }[]
}

export interface ComparedItem {
  readonly key: string
  readonly title: string
  /** Null when the item cannot be computed (its error is shown elsewhere). */
  readonly schedule: ComparedSchedule | null
}

/** Our saved position, won per year (the average over the term; decision 0014). */
export interface PositionPerYear {
  readonly reservationValue: string | null
  readonly target: string | null
}

/** One year of one item: nominal won and, deflated, won of the base year. */
export interface ComparedYear {
  readonly year: number
  readonly amount: string | null
  readonly status: 'computed' | 'pending' | 'unknown'
  /** In won of the CPI base year, half-up; null while a CPI value it needs is not published. */
  readonly real: string | null
}

/** How a difference to the first item was measured: totals only over the same years. */
export type DifferenceBasis = 'total' | 'yearly-average'

export interface ComparedRow {
  readonly key: string
  readonly title: string
  readonly currency: CurrencyCode | null
  readonly firstYear: number | null
  readonly lastYear: number | null
  readonly years: readonly ComparedYear[]
  /** Sum over the term; null when a year is not computed. */
  readonly total: string | null
  /** total ÷ years, half-up to one won. */
  readonly averagePerYear: string | null
  /** Sum of the real amounts; null while any is pending. */
  readonly realTotal: string | null
  /** realTotal ÷ years, half-up to one won. */
  readonly realAveragePerYear: string | null
  /**
   * This item minus the reference (`Comparison.reference`): the totals' difference when both cover the same years, else the
   * yearly averages' (`basis` says which). Null for the reference, an unknown figure,
   * or another currency.
   */
  readonly difference: { readonly basis: DifferenceBasis; readonly won: string } | null
  /** Yearly average minus our reservation value / target (won per year); null without one. */
  readonly vsReservation: string | null
  readonly vsTarget: string | null
  /** Yearly average ÷ stationed service members, half-up; null without a sourced count. */
  readonly perServiceMember: string | null
}

export interface Comparison {
  /** The CPI year whose won the real amounts are in: the latest published KR_CPI year. */
  readonly cpiBaseYear: number | null
  readonly rows: readonly ComparedRow[]
  /** Key of the reference of differences: the first item whose yearly average is known. */
  readonly reference: string | null
  /** Every year of any item, ascending (the yearly table's rows). */
  readonly allYears: readonly number[]
}

const ONE_WON = 1n

/**
 * Exact quotient rounded half-up to one won.
 * @example divideHalfUp(41n, 2n) // 21n (20.5 → 21); divideHalfUp(-41n, 2n) // -21n (ties away from zero, as roundToStep)
 */
export function divideHalfUp(total: bigint, by: bigint): bigint {
  return roundToStep(rational(total, by), ONE_WON, 'half-up')
}

/** The latest year with a published KR_CPI value (the base of real amounts), or null. */
export function latestCpiYear(indices: IndexSeriesSet): number | null {
  const periods = indices.KR_CPI?.values.map((v) => v.period) ?? []
  return periods.length === 0 ? null : Math.max(...periods)
}

/**
 * The factor that turns won of `year` into won of `base`: Π (1 + π_t/100) for t = year+1…base,
 * with π the KR_CPI annual average change (latest release), exactly. Null when `year` is after
 * `base` or a needed year is not published: a real amount is then pending, never extrapolated.
 * @example cpiFactor(indices, 2023, 2025) // (1 + 2.3/100)(1 + 2.1/100) = 1.044483 with π₂₀₂₄ = 2.3, π₂₀₂₅ = 2.1
 */
export function cpiFactor(indices: IndexSeriesSet, year: number, base: number): Rational | null {
  if (year > base) return null
  let f = rational(1n)
  for (let t = year + 1; t <= base; t++) {
    const v = lookupIndex(indices, [], 'KR_CPI', t, 'latest')
    if (v === undefined) return null
    f = mul(f, add(rational(1n), pct(parseDecimal(v.value))))
  }
  return f
}

/**
 * A nominal won amount of `year` in won of `base`, half-up to one won; null when pending.
 * @example realWon(1_000_000n, indices, 2023, 2025) // 1_044_483n (× 1.023 × 1.021, exact)
 */
export function realWon(
  nominal: bigint,
  indices: IndexSeriesSet,
  year: number,
  base: number,
): bigint | null {
  const f = cpiFactor(indices, year, base)
  return f === null ? null : roundToStep(mul(fromBigInt(nominal), f), ONE_WON, 'half-up')
}

const sumOrNull = (xs: readonly (string | null)[]): bigint | null =>
  xs.length === 0 || xs.some((x) => x === null)
    ? null
    : xs.reduce((s, x) => s + BigInt(x ?? '0'), 0n)

/**
 * Compares items with a reference, the first whose yearly average is known (a pending item,
 * such as an index-linked agreement whose index is not yet published, is listed but not used): yearly amounts (nominal and in won of the latest CPI year),
 * totals, yearly averages (half-up), the difference to the first item (of totals over the same
 * years, else of yearly averages), and each yearly average against our position (won per year).
 * Items in another currency than the first are shown but not compared.
 * @example
 * // first: 2026–2030, 10, 11, 12, 13, 14 won → total 60, average 12
 * // other: 2031–2032, 20, 21 won → total 41, average 20.5 → 21 (half-up);
 * //   other years, so its difference is of averages: 21 − 12 = 9 (basis 'yearly-average')
 * compareItems([a, b], { reservationValue: '15', target: '12' }, indices, null).rows[1].difference
 * // { basis: 'yearly-average', won: '9' }; vsReservation '6', vsTarget '9'
 */
export function compareItems(
  items: readonly ComparedItem[],
  position: PositionPerYear | null,
  indices: IndexSeriesSet,
  servicemembers: bigint | null,
): Comparison {
  const base = latestCpiYear(indices)
  const rows = items.map((it): Omit<ComparedRow, 'difference'> => {
    const s = it.schedule
    const n = BigInt(s?.years.length ?? 0)
    const years: ComparedYear[] = (s?.years ?? []).map((y) => {
      const real =
        y.amount !== null && base !== null && s?.currency === 'KRW'
          ? realWon(BigInt(y.amount), indices, y.year, base)
          : null
      return { year: y.year, amount: y.amount, status: y.status, real: real?.toString() ?? null }
    })
    const total = sumOrNull(years.map((y) => y.amount))
    const realTotal = sumOrNull(years.map((y) => y.real))
    const avg = total === null || n === 0n ? null : divideHalfUp(total, n)
    const krw = s?.currency === 'KRW'
    const vs = (x: string | null) =>
      avg === null || x === null || !krw ? null : (avg - BigInt(x)).toString()
    return {
      key: it.key,
      title: it.title,
      currency: s?.currency ?? null,
      firstYear: years[0]?.year ?? null,
      lastYear: years[years.length - 1]?.year ?? null,
      years,
      total: total?.toString() ?? null,
      averagePerYear: avg?.toString() ?? null,
      realTotal: realTotal?.toString() ?? null,
      realAveragePerYear:
        realTotal === null || n === 0n ? null : divideHalfUp(realTotal, n).toString(),
      vsReservation: vs(position?.reservationValue ?? null),
      vsTarget: vs(position?.target ?? null),
      perServiceMember:
        avg === null || servicemembers === null || servicemembers <= 0n || !krw
          ? null
          : divideHalfUp(avg, servicemembers).toString(),
    }
  })
  // the reference: the first item whose yearly average is known (a pending agreement stays listed)
  const first = rows.find((r) => r.averagePerYear !== null)
  const sameYears = (a: readonly ComparedYear[], b: readonly ComparedYear[]) =>
    a.length === b.length && a.every((y, i) => y.year === b[i]?.year)
  return {
    cpiBaseYear: base,
    allYears: [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b),
    reference: first?.key ?? null,
    rows: rows.map((r): ComparedRow => {
      let difference: ComparedRow['difference'] = null
      if (
        first !== undefined &&
        r !== first &&
        r.currency !== null &&
        r.currency === first.currency
      ) {
        if (sameYears(r.years, first.years) && r.total !== null && first.total !== null) {
          difference = { basis: 'total', won: (BigInt(r.total) - BigInt(first.total)).toString() }
        } else if (r.averagePerYear !== null && first.averagePerYear !== null) {
          difference = {
            basis: 'yearly-average',
            won: (BigInt(r.averagePerYear) - BigInt(first.averagePerYear)).toString(),
          }
        }
      }
      return { ...r, difference }
    }),
  }
}
