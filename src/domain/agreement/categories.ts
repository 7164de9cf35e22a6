import { allocate } from '../money/allocate.js'
import { toMinorUnits, type CurrencyCode } from '../money/currency.js'
import { compare, parseDecimal, rational } from '../money/rational.js'
import { reportingCurrency, type AgreementSpec } from './spec.js'

export type CategoryCode = 'labor' | 'construction' | 'logistics' | 'cdip'

/**
 * The published category split of one year (minor units), or null when none is published.
 * @example categoryAmounts(sma09, 2015, 'KRW') // { labor: 349000000000n, construction: 414800000000n, logistics: 168200000000n }
 */
export function categoryAmounts(
  spec: AgreementSpec,
  year: number,
  currency: CurrencyCode,
): Partial<Record<CategoryCode, bigint>> | null {
  const entry = spec.categories?.amounts.find((a) => a.year === year)
  if (!entry) return null
  const out: Partial<Record<CategoryCode, bigint>> = {}
  for (const [code, amount] of Object.entries(entry.parts)) {
    out[code as CategoryCode] = toMinorUnits(amount, currency)
  }
  return out
}

/**
 * Splits a total over categories in proportion to integer weights (e.g. a published split used
 * as shares), by largest remainder; `remainderTo` is served first on equal remainders. The parts
 * always sum to the total exactly.
 * @example splitByCategories(100n, { labor: 1n, construction: 1n, logistics: 1n }, 'construction')
 * // { construction: 34n, labor: 33n, logistics: 33n }
 */
export function splitByCategories(
  total: bigint,
  weights: Partial<Record<CategoryCode, bigint>>,
  remainderTo: CategoryCode,
): Partial<Record<CategoryCode, bigint>> {
  const given = Object.keys(weights) as CategoryCode[]
  // allocate breaks ties by position: the named category goes first, the rest keep their order
  const codes = given.includes(remainderTo)
    ? [remainderTo, ...given.filter((c) => c !== remainderTo)]
    : given
  const parts = allocate(
    total,
    codes.map((c) => weights[c] ?? 0n),
  )
  return Object.fromEntries(codes.map((c, i) => [c, parts[i] ?? 0n]))
}

/**
 * Whether SMA-funded labor respects the agreement's labor rules, as a share of the total cost of
 * Korean employees (9th SMA: at most 75 %; 11th: at least 87 %). Exact comparison, no rounding.
 * @example laborRulesHold(sma11, 870n, 1000n) // true (87 % ≥ 87 %)
 */
export function laborRulesHold(
  spec: AgreementSpec,
  smaFundedLabor: bigint,
  totalLaborCost: bigint,
): boolean {
  if (totalLaborCost <= 0n) throw new RangeError('total labor cost must be positive')
  const share = rational(smaFundedLabor * 100n, totalLaborCost)
  return (spec.categories?.laborRules ?? []).every((r) =>
    r.kind === 'max-share-of-labor-cost'
      ? compare(share, parseDecimal(r.pct)) <= 0
      : compare(share, parseDecimal(r.pct)) >= 0,
  )
}

/** One published category split: each category's amount and share, and their total. */
export interface CategoryRow {
  readonly year: number
  /** Minor units per category code of the agreement (null where the split does not give it). */
  readonly parts: Readonly<Partial<Record<CategoryCode, bigint | null>>>
  /** Sum of the known parts, minor units. */
  readonly total: bigint
  /**
   * Each known part's share of the total in tenths of a percent, rounded half-up
   * (exact bigint arithmetic): 349,000 of 932,000 → 374 (37.4 %).
   */
  readonly shareTenths: Readonly<Partial<Record<CategoryCode, bigint>>>
}

/**
 * The published category splits of an agreement, year by year, with totals and shares: the one
 * computation the agreement page, exports and the ledger show.
 * @example categoryRows(sma09)[0] // { year: 2015, parts: { labor: 349000000000n, … }, total: 932000000000n, shareTenths: { labor: 374n, … } }
 */
export function categoryRows(spec: AgreementSpec): CategoryRow[] {
  const cats = spec.categories
  if (!cats) return []
  const currency = reportingCurrency(spec)
  return cats.amounts.map((a) => {
    const parts: Partial<Record<CategoryCode, bigint | null>> = {}
    let total = 0n
    for (const c of cats.codes) {
      const v = a.parts[c]
      const minor = v === undefined ? null : toMinorUnits(v, currency)
      parts[c] = minor
      if (minor !== null) total += minor
    }
    const shareTenths: Partial<Record<CategoryCode, bigint>> = {}
    if (total > 0n) {
      for (const c of cats.codes) {
        const p = parts[c]
        if (typeof p === 'bigint') shareTenths[c] = (p * 2000n + total) / (2n * total)
      }
    }
    return { year: a.year, parts, total, shareTenths }
  })
}
