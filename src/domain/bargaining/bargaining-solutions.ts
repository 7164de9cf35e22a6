import type { FrontierPoint, ParetoFrontier } from './pareto-frontier.js'
import { UTILITY_TOLERANCE } from './tolerance.js'

/** A bargaining solution: the chosen frontier point, plus every other frontier point tied with it. */
export type Solution = {
  readonly utility: readonly [number, number]
  /** Representative outcome (lowest index with this utility pair). */
  readonly outcome: number
  /** Outcomes sharing this utility pair. */
  readonly outcomes: number
  /** Value of the criterion at the chosen point (product, ratio, gap, minimum gain, sum). */
  readonly score: number
  /** Number of distinct frontier points achieving the optimum within the tolerance (1 = unique). */
  readonly ties: number
  /** The other tied points (ascending u_A); the chosen one is the first tied point in that order. */
  readonly tiedWith: readonly {
    readonly utility: readonly [number, number]
    readonly outcome: number
  }[]
}

/** All named solutions; null when no frontier point is rational (empty ZOPA). */
export type BargainingSolutions = {
  readonly nash: Solution | null
  readonly kalaiSmorodinsky: Solution | null
  readonly equalUtility: Solution | null
  readonly egalitarian: Solution | null
  readonly maxWelfare: Solution | null
  /** Ideal point over rational outcomes (each party's best rational utility), or null. */
  readonly ideal: readonly [number, number] | null
}

/**
 * Chooses the frontier point maximising `score` (only over `eligible` points), reports ties
 * within `tolerance` (default {@link UTILITY_TOLERANCE}; 0 = exactly equal scores); the first
 * point in ascending u_A order wins ties (as GENIUS's ascending scan).
 *
 * Example: scores [0.2, 0.5, 0.5] → the second point, ties = 2.
 */
export function bestFrontierPoint(
  points: readonly FrontierPoint[],
  eligible: (p: FrontierPoint) => boolean,
  score: (p: FrontierPoint) => number,
  tolerance: number = UTILITY_TOLERANCE,
): Solution | null {
  let best = -Infinity
  const scores = points.map((p) => (eligible(p) ? score(p) : Number.NaN))
  for (const s of scores) if (s > best) best = s
  if (best === -Infinity) return null
  const tied: FrontierPoint[] = []
  points.forEach((p, i) => {
    const s = scores[i] ?? Number.NaN
    if (s >= best - tolerance) tied.push(p)
  })
  const chosen = tied[0]
  if (chosen === undefined) return null
  return {
    utility: chosen.utility,
    outcome: chosen.outcome,
    outcomes: chosen.count,
    score: scores[points.indexOf(chosen)] ?? best,
    ties: tied.length,
    tiedWith: tied.slice(1).map((p) => ({ utility: p.utility, outcome: p.outcome })),
  }
}

/**
 * The named bargaining solutions on an exact frontier, with reservation values r = [r_A, r_B]
 * (utilities; use 0 when a profile has none). Every solution is a rational frontier point
 * (uᵢ ≥ rᵢ − ε):
 * - `nash`: max Π(uᵢ − rᵢ);
 * - `kalaiSmorodinsky`: max minᵢ (uᵢ − rᵢ)/(idealᵢ − rᵢ), ideal over rational outcomes (a party
 *   whose ideal equals its reservation value counts as ratio 1);
 * - `equalUtility`: min |u_A − u_B| (GENIUS's "Kalai–Smorodinsky");
 * - `egalitarian`: max minᵢ (uᵢ − rᵢ);
 * - `maxWelfare`: max u_A + u_B.
 * The maximiser of each criterion over all rational outcomes is always attained on the frontier,
 * so searching frontier points is exact.
 *
 * `tolerance` (unitless, absolute) is ε: default {@link UTILITY_TOLERANCE}, 0 for exact floats.
 *
 * Example: frontier (0.2, 1), (0.7, 0.7), (1, 0.3), r = [0, 0] → nash (0.7, 0.7) with score 0.49,
 * maxWelfare (0.7, 0.7), equalUtility (0.7, 0.7).
 */
export function bargainingSolutions(
  frontier: ParetoFrontier,
  reservation: readonly [number, number],
  tolerance: number = UTILITY_TOLERANCE,
): BargainingSolutions {
  const eps = tolerance
  const [ra, rb] = reservation
  const points = frontier.points
  const choose = (
    eligible: (p: FrontierPoint) => boolean,
    score: (p: FrontierPoint) => number,
  ): Solution | null => bestFrontierPoint(points, eligible, score, eps)
  const rational = (p: FrontierPoint): boolean =>
    p.utility[0] >= ra - eps && p.utility[1] >= rb - eps
  let idealA = -Infinity
  let idealB = -Infinity
  for (const p of points) {
    if (!rational(p)) continue
    if (p.utility[0] > idealA) idealA = p.utility[0]
    if (p.utility[1] > idealB) idealB = p.utility[1]
  }
  const ideal: readonly [number, number] | null = idealA === -Infinity ? null : [idealA, idealB]
  const gain = (u: number, r: number): number => Math.max(0, u - r)
  const ratio = (u: number, r: number, best: number): number =>
    best - r <= eps ? 1 : gain(u, r) / (best - r)
  return {
    nash: choose(rational, (p) => gain(p.utility[0], ra) * gain(p.utility[1], rb)),
    kalaiSmorodinsky: choose(rational, (p) =>
      Math.min(ratio(p.utility[0], ra, idealA), ratio(p.utility[1], rb, idealB)),
    ),
    equalUtility: choose(rational, (p) => -Math.abs(p.utility[0] - p.utility[1])),
    egalitarian: choose(rational, (p) => Math.min(p.utility[0] - ra, p.utility[1] - rb)),
    maxWelfare: choose(rational, (p) => p.utility[0] + p.utility[1]),
    ideal,
  }
}

/**
 * Opposition of a domain: Euclidean distance from (1, 1) of the equal-utility frontier point over
 * the whole frontier (reservation values ignored, as the ANL scripts do). 0 = no conflict,
 * √2 ≈ 1.414 = total conflict; null for an empty frontier.
 *
 * Example: frontier (0.2, 1), (0.7, 0.7), (1, 0.3) → |(1, 1) − (0.7, 0.7)| ≈ 0.4243.
 */
export function opposition(
  frontier: ParetoFrontier,
  tolerance: number = UTILITY_TOLERANCE,
): number | null {
  const eq = bestFrontierPoint(
    frontier.points,
    () => true,
    (p) => -Math.abs(p.utility[0] - p.utility[1]),
    tolerance,
  )
  if (eq === null) return null
  return Math.hypot(1 - eq.utility[0], 1 - eq.utility[1])
}
