import type { Issue, OutcomeSpace } from './outcome-space.js'
import { issueNumericValue, issueSize } from './outcome-space.js'

/**
 * How one issue is evaluated, in [0, 1] per value:
 * - `table`: one utility per value index (GENIUS discrete evaluations already divided by the
 *   issue's largest evaluation; GeniusWeb value utilities as written);
 * - `linear`: GENIUS linear evaluator, offset + slope·(v − origin) clipped to [0, 1] (integer
 *   issues: origin = lower bound; real issues: origin = 0);
 * - `interpolate`: GeniusWeb NumberValueSetUtilities, linear from (lowValue, lowUtility) to
 *   (highValue, highUtility), 0 outside [lowValue, highValue];
 * - `triangular`: GENIUS real evaluator `ftype="triangular"` (parameter0 = lower, parameter1 =
 *   upper, parameter2 = top): 0 below lower, rising to 1 at top, falling to 0 at upper, 0 from
 *   upper on, computed in GENIUS's order of operations;
 * - `constant`: GENIUS real evaluator `ftype="constant"`: parameter0 for every value.
 */
export type IssueEvaluator =
  | { readonly kind: 'table'; readonly utilities: readonly number[] }
  | {
      readonly kind: 'linear'
      readonly offset: number
      readonly slope: number
      readonly origin: number
    }
  | {
      readonly kind: 'interpolate'
      readonly lowValue: number
      readonly lowUtility: number
      readonly highValue: number
      readonly highUtility: number
    }
  | {
      readonly kind: 'triangular'
      readonly lower: number
      readonly upper: number
      readonly top: number
    }
  | { readonly kind: 'constant'; readonly value: number }

/** Σ weightᵢ · evalᵢ(vᵢ), weights as given; `cap` caps the sum at 1 (GENIUS does, GeniusWeb not). */
export type LinearAdditiveUtility = {
  readonly kind: 'linear-additive'
  readonly weights: readonly number[]
  readonly evaluators: readonly IssueEvaluator[]
  readonly cap: boolean
}

/**
 * One bound of a hyper-rectangle on issue position `issue` (0-based in the outcome space), over
 * the issue's numeric value (integer/real value; 1-based item position for discrete issues).
 * `exclude` inverts it (GENIUS `EXCLUDES`).
 */
export type RectangleBound = {
  readonly issue: number
  readonly min: number
  readonly max: number
  readonly exclude: boolean
}

/** A constraint that adds `utility` when a bid lies inside every bound. */
export type HyperRectangle = {
  readonly utility: number
  readonly bounds: readonly RectangleBound[]
}

/** GENIUS nonlinear (ANAC 2014): Σ utility of the rectangles containing the bid ÷ maxUtility, capped at 1. */
export type HyperRectangleUtility = {
  readonly kind: 'hyper-rectangle'
  readonly rectangles: readonly HyperRectangle[]
  readonly maxUtility: number
}

/** A precomputed utility per outcome (e.g. SMA spaces built from costs). */
export type TableUtility = { readonly kind: 'table'; readonly utilities: Float64Array }

/**
 * One group of a GeniusWeb SumOfGroupsUtilitySpace: the utility of each combination of values
 * of its issues (positions in the outcome space, in the group's order). `utilities` is dense,
 * mixed-radix over those issues, first issue most significant; combinations the profile does
 * not list have utility 0.
 */
export type UtilityGroup = {
  readonly name: string
  readonly issues: readonly number[]
  readonly utilities: Float64Array
}

/** GeniusWeb SumOfGroupsUtilitySpace: Σ over groups of the utility of the bid's values in each. */
export type SumOfGroupsUtility = {
  readonly kind: 'sum-of-groups'
  readonly groups: readonly UtilityGroup[]
}

export type UtilityFunction =
  LinearAdditiveUtility | HyperRectangleUtility | TableUtility | SumOfGroupsUtility

/**
 * The index into a group's `utilities` of an outcome's value indices (`digits`, one per issue).
 *
 * Example: group over issues [2, 0] of sizes [3, 2] (issue 2 has 3 values), digits [1, 0, 2]
 * → 2·2 + 1 = 5.
 */
export function groupIndex(
  space: OutcomeSpace,
  group: UtilityGroup,
  digits: ArrayLike<number>,
): number {
  let index = 0
  for (const issue of group.issues) index = index * (space.sizes[issue] ?? 1) + (digits[issue] ?? 0)
  return index
}

/**
 * Whose view a utility is: a party's `own` preferences, a delegation's `estimate-of-other` (its
 * guess of the other side's preferences), or a `neutral` analyst's model.
 */
export type UtilityOwnership = 'own' | 'estimate-of-other' | 'neutral'

/**
 * A party's preferences. `reservationValue` is a utility in [0, 1] (null when the file has none);
 * `reservationOutcome` is a GeniusWeb reservation bid (its utility is the reservation value);
 * `discountFactor` in (0, 1] (null = none): utility at normalised time t is u·dfᵗ.
 */
export type Profile = {
  readonly name: string
  readonly utility: UtilityFunction
  readonly reservationValue: number | null
  readonly reservationOutcome: number | null
  readonly discountFactor: number | null
  readonly whose: UtilityOwnership
}

/**
 * GENIUS's triangular evaluation of x (unitless): (x − lower)/(top − lower) below the top,
 * 1 − (x − top)/(upper − top) from the top to upper, 0 outside [lower, upper).
 *
 * Example: lower 0, upper 10, top 4: x = 2 → 0.5; x = 4 → 1; x = 7 → 0.5; x = 10 → 0.
 */
export function triangular(x: number, lower: number, upper: number, top: number): number {
  if (x < lower) return 0
  if (x < top) return (x - lower) / (top - lower)
  if (x < upper) return 1 - (x - top) / (upper - top)
  return 0
}

/**
 * Utility of one issue value under an evaluator, in [0, 1] for GENIUS linear evaluators.
 *
 * Example: integer issue 1..10, `{ kind: 'linear', offset: 0, slope: 0.2, origin: 1 }`, value
 * index 3 (v = 4) → 0.6; value index 9 (v = 10) → 1.8 clipped to 1.
 */
export function evaluateIssueValue(issue: Issue, evaluator: IssueEvaluator, k: number): number {
  switch (evaluator.kind) {
    case 'table':
      return evaluator.utilities[k] ?? 0
    case 'linear': {
      const v = issueNumericValue(issue, k)
      const u = evaluator.offset + evaluator.slope * (v - evaluator.origin)
      return u < 0 ? 0 : u > 1 ? 1 : u
    }
    case 'interpolate': {
      const v = issueNumericValue(issue, k)
      const { lowValue, lowUtility, highValue, highUtility } = evaluator
      if (v < lowValue - 1e-12 || v > highValue + 1e-12) return 0
      if (highValue === lowValue) return lowUtility
      return lowUtility + ((highUtility - lowUtility) * (v - lowValue)) / (highValue - lowValue)
    }
    case 'triangular':
      return triangular(
        issueNumericValue(issue, k),
        evaluator.lower,
        evaluator.upper,
        evaluator.top,
      )
    case 'constant':
      return evaluator.value
  }
}

/**
 * The per-value utilities of one issue as a table (unweighted), one entry per value index.
 *
 * Example: discrete issue of 3 values with `{ kind: 'table', utilities: [0.4, 1, 0.3] }` →
 * Float64Array [0.4, 1, 0.3].
 */
export function issueUtilityTable(issue: Issue, evaluator: IssueEvaluator): Float64Array {
  const n = issueSize(issue)
  const table = new Float64Array(n)
  for (let k = 0; k < n; k++) table[k] = evaluateIssueValue(issue, evaluator, k)
  return table
}

/**
 * Whether a hyper-rectangle contains the outcome given by its value indices.
 *
 * Example: bound `{ issue: 0, min: 2, max: 4, exclude: false }` on integer issue 1..9 contains
 * value index 2 (v = 3) but not value index 5 (v = 6).
 */
export function rectangleContains(
  space: OutcomeSpace,
  rectangle: HyperRectangle,
  valueIndices: readonly number[],
): boolean {
  for (const b of rectangle.bounds) {
    const issue = space.issues[b.issue]
    if (issue === undefined) return false
    const v = issueNumericValue(issue, valueIndices[b.issue] ?? 0)
    const inside = v >= b.min && v <= b.max
    if (inside === b.exclude) return false
  }
  return true
}

/**
 * Utility of one outcome (slow path: for single bids, not for enumeration; see
 * `enumerateUtilities`). Outcome is a mixed-radix index of the space.
 *
 * Example: Laptop buyer profile, outcome of (HP, 60 Gb, 19'' LCD) → 1 (1.0000518 capped at 1).
 */
export function utilityOfOutcome(
  space: OutcomeSpace,
  utility: UtilityFunction,
  outcome: number,
): number {
  if (utility.kind === 'table') return utility.utilities[outcome] ?? 0
  const digits = space.sizes.map((size, i) => Math.floor(outcome / (space.strides[i] ?? 1)) % size)
  if (utility.kind === 'linear-additive') {
    let sum = 0
    space.issues.forEach((issue, i) => {
      const evaluator = utility.evaluators[i]
      if (evaluator !== undefined)
        sum += (utility.weights[i] ?? 0) * evaluateIssueValue(issue, evaluator, digits[i] ?? 0)
    })
    return utility.cap && sum > 1 ? 1 : sum
  }
  if (utility.kind === 'sum-of-groups') {
    let sum = 0
    for (const g of utility.groups) sum += g.utilities[groupIndex(space, g, digits)] ?? 0
    return sum
  }
  let sum = 0
  for (const r of utility.rectangles) if (rectangleContains(space, r, digits)) sum += r.utility
  const u = utility.maxUtility === 0 ? 0 : sum / utility.maxUtility
  return u > 1 ? 1 : u
}
