import { UTILITY_TOLERANCE } from './tolerance.js'
import { NegotiationInputError } from './negotiation-error.js'
import { extent } from './extent.js'

/** A distinct utility point of the frontier, one representative outcome, and how many outcomes share it. */
export type FrontierPoint = {
  /** [u_A, u_B] of the representative outcome. */
  readonly utility: readonly [number, number]
  /**
   * The representative outcome: the lowest outcome index with this utility pair (within the
   * tolerance), or the lowest by `FrontierOptions.order` when one is given.
   */
  readonly outcome: number
  /** Number of frontier outcomes with this utility pair (duplicates, GENIUS counts each). */
  readonly count: number
}

/**
 * The exact 2-D Pareto frontier. `points` are distinct utility pairs in ascending u_A (descending
 * u_B) order; `outcomeCount` counts outcomes on the frontier including duplicates (GENIUS's
 * count), so `outcomeCount = Σ points[i].count`.
 */
export type ParetoFrontier = {
  readonly points: readonly FrontierPoint[]
  readonly outcomeCount: number
  /** Outcomes that survived the O(n) bucket pre-filter and were sorted (diagnostics). */
  readonly candidates: number
}

/** How a frontier compares utilities and names a point's representative outcome. */
export type FrontierOptions = {
  /** Absolute tolerance ε (unitless); 0 compares floats exactly. Default {@link UTILITY_TOLERANCE}. */
  readonly tolerance?: number
  /** A rank per outcome: a point's representative is its outcome of lowest rank (default: index). */
  readonly order?: (outcome: number) => number
}

/**
 * Exact Pareto frontier of two utility vectors (index = outcome), O(n) pre-filter plus an
 * O(c log c) sort-and-sweep over the c surviving candidates (worst case c = n).
 *
 * Dominance uses the absolute tolerance ε (default {@link UTILITY_TOLERANCE}): x dominates y when
 * x ≥ y − ε in both utilities and x > y + ε in at least one. An outcome is on the frontier when no
 * outcome dominates it; frontier outcomes whose utilities agree within ε form one point.
 *
 * Pre-filter: outcomes are bucketed by u_A into K equal-width buckets; an outcome in bucket b is
 * dominated when some outcome two or more buckets higher has u_B ≥ its u_B − ε (those have
 * u_A larger by more than a bucket width > ε).
 *
 * Example: u_A = [0.2, 0.5, 0.5, 0.9], u_B = [0.9, 0.6, 0.6, 0.1] → points (0.2, 0.9),
 * (0.5, 0.6) with count 2, (0.9, 0.1); `outcomeCount` = 4. Adding (0.4, 0.5) changes nothing:
 * (0.5, 0.6) dominates it. With `tolerance: 0` (GENIUS), u_A = [0.3, 0.1 + 0.2] are two points
 * (0.30000000000000004 > 0.3), and the second dominates the first if their u_B are equal.
 */
export function paretoFrontier(
  ua: Float64Array,
  ub: Float64Array,
  options: FrontierOptions = {},
): ParetoFrontier {
  const n = ua.length
  if (ub.length !== n)
    throw new NegotiationInputError(
      `utility arrays differ in length (${n} vs ${ub.length})`,
      `두 효용 배열의 길이가 다릅니다(${n}, ${ub.length}).`,
    )
  if (n === 0) return { points: [], outcomeCount: 0, candidates: 0 }
  const eps = options.tolerance ?? UTILITY_TOLERANCE
  const rank = options.order ?? ((o: number) => o)
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(ua[i] ?? 0) || Number.isNaN(ub[i] ?? 0))
      throw new NegotiationInputError(
        `utility of outcome ${i} is not a number`,
        `결과 ${i}의 효용이 숫자가 아닙니다.`,
      )
  }
  const { min: minA, max: maxA } = extent(ua)
  const range = maxA - minA
  let k = Math.max(1, Math.min(1 << 20, Math.floor(n / 16)))
  if (range / k <= 1e3 * eps) k = 1
  const scale = k === 1 ? 0 : k / range
  const bucketMax = new Float64Array(k + 2).fill(-Infinity)
  for (let i = 0; i < n; i++) {
    let b = Math.floor(((ua[i] ?? 0) - minA) * scale)
    if (b >= k) b = k - 1
    const v = ub[i] ?? 0
    if (v > (bucketMax[b] ?? -Infinity)) bucketMax[b] = v
  }
  // suffix maxima: bucketMax[b] := max over buckets ≥ b
  for (let b = k - 1; b >= 0; b--) {
    const next = bucketMax[b + 1] ?? -Infinity
    if (next > (bucketMax[b] ?? -Infinity)) bucketMax[b] = next
  }
  const cand: number[] = []
  for (let i = 0; i < n; i++) {
    let b = Math.floor(((ua[i] ?? 0) - minA) * scale)
    if (b >= k) b = k - 1
    if ((bucketMax[b + 2] ?? -Infinity) < (ub[i] ?? 0) - eps) cand.push(i)
  }
  const order = Uint32Array.from(cand)
  order.sort((x, y) => {
    const dx = (ua[y] ?? 0) - (ua[x] ?? 0)
    if (dx !== 0) return dx
    const dy = (ub[y] ?? 0) - (ub[x] ?? 0)
    return dy !== 0 ? dy : x - y
  })
  const c = order.length
  // prefix maxima of u_B in sorted (u_A descending) order; prefMax[j] = max over the first j
  const prefMax = new Float64Array(c + 1)
  prefMax[0] = -Infinity
  for (let j = 0; j < c; j++) {
    const v = ub[order[j] ?? 0] ?? 0
    prefMax[j + 1] = Math.max(prefMax[j] ?? -Infinity, v)
  }
  const onFrontier: number[] = []
  let strictlyAbove = 0 // count of sorted items with u_A > a + ε
  let notBelow = 0 // count of sorted items with u_A ≥ a − ε
  for (let j = 0; j < c; j++) {
    const o = order[j] ?? 0
    const a = ua[o] ?? 0
    const bv = ub[o] ?? 0
    while (strictlyAbove < c && (ua[order[strictlyAbove] ?? 0] ?? 0) > a + eps) strictlyAbove++
    if (notBelow < j + 1) notBelow = j + 1
    while (notBelow < c && (ua[order[notBelow] ?? 0] ?? 0) >= a - eps) notBelow++
    const dominatedByBetterA = (prefMax[strictlyAbove] ?? -Infinity) >= bv - eps
    const dominatedByBetterB = (prefMax[notBelow] ?? -Infinity) > bv + eps
    if (!dominatedByBetterA && !dominatedByBetterB) onFrontier.push(o)
  }
  // group into distinct points (consecutive in sorted order), then ascending u_A
  const points: FrontierPoint[] = []
  let g = 0
  while (g < onFrontier.length) {
    const first = onFrontier[g] ?? 0
    const a = ua[first] ?? 0
    const bv = ub[first] ?? 0
    let rep = first
    let h = g + 1
    while (h < onFrontier.length) {
      const o = onFrontier[h] ?? 0
      if (Math.abs((ua[o] ?? 0) - a) > eps || Math.abs((ub[o] ?? 0) - bv) > eps) break
      if (rank(o) < rank(rep)) rep = o
      h++
    }
    points.push({ utility: [ua[rep] ?? 0, ub[rep] ?? 0], outcome: rep, count: h - g })
    g = h
  }
  points.reverse()
  return { points, outcomeCount: onFrontier.length, candidates: c }
}
