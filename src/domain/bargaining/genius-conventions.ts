import type { BargainingSolutions, Solution } from './bargaining-solutions.js'
import { bargainingSolutions } from './bargaining-solutions.js'
import type { FrontierPoint, ParetoFrontier } from './pareto-frontier.js'

/**
 * How an analysis reads and compares utilities (docs/negotiation-analysis.md, "Conventions"):
 * - `sma-desk` (default): utilities within 1e-12 are equal (one frontier point, one tie), and
 *   every named solution is a rational point, or none when no outcome is rational;
 * - `genius`: GENIUS 10.4 bit for bit: float utilities summed in its order, exact comparisons
 *   (two bids whose utilities differ in the last bit are two points, and one may dominate the
 *   other), its Nash and "Kalai–Smorodinsky" points even when no outcome is rational, real
 *   issues in its 21 steps.
 */
export type AnalysisConvention = 'sma-desk' | 'genius'

/** Every convention, default first. */
export const ANALYSIS_CONVENTIONS = ['sma-desk', 'genius'] as const

/** Values per real issue in GENIUS 10.4's analysis (IssueReal's discretisation). */
export const GENIUS_REAL_STEPS = 21

/** A frontier point as a solution: its score, and the points that score exactly the same. */
function solutionAt(
  points: readonly FrontierPoint[],
  chosen: FrontierPoint | null,
  score: (p: FrontierPoint) => number,
): Solution | null {
  if (chosen === null) return null
  const best = score(chosen)
  const tied = points.filter((p) => score(p) === best)
  return {
    utility: chosen.utility,
    outcome: chosen.outcome,
    outcomes: chosen.count,
    score: best,
    ties: tied.length,
    tiedWith: tied
      .filter((p) => p !== chosen)
      .map((p) => ({ utility: p.utility, outcome: p.outcome })),
  }
}

/**
 * GENIUS 10.4's bargaining points on an exact frontier (tolerance 0, ascending u_A), with
 * reservation values r (utilities, 0 when a profile has none), as its BidSpace computes them:
 * - `nash`: scanning in ascending u_A from a best product of −1, the first point whose
 *   (u_A − r_A)·(u_B − r_B) is strictly larger; the differences are not clipped at 0, so a point
 *   is found even when no outcome is individually rational (null only if no product exceeds −1);
 * - `kalaiSmorodinsky` and `equalUtility`: the first point with the smallest |u_A − u_B| (GENIUS
 *   calls this Kalai–Smorodinsky; it is not the textbook point), reservation values ignored;
 * - `egalitarian`, `maxWelfare`, `ideal`: not GENIUS notions; as in the default convention with
 *   exact comparisons.
 * Scores are unitless; `ties` counts points with exactly the same score.
 *
 * Example: frontier (0.2, 0.9), (0.5, 0.4), r = [0.6, 0.6] → no rational point, but nash is
 * (0.5, 0.4) (product (−0.1)(−0.2) = 0.02 > (−0.4)(0.3) = −0.12); equalUtility (0.5, 0.4).
 */
export function geniusSolutions(
  frontier: ParetoFrontier,
  reservation: readonly [number, number],
): BargainingSolutions {
  const points = frontier.points
  const [ra, rb] = reservation
  const product = (p: FrontierPoint): number => (p.utility[0] - ra) * (p.utility[1] - rb)
  const asymmetry = (p: FrontierPoint): number => Math.abs(p.utility[0] - p.utility[1])
  let nash: FrontierPoint | null = null
  let maxp = -1
  let ks: FrontierPoint | null = null
  let minAsym = 2
  for (const p of points) {
    const u = product(p)
    if (u > maxp) {
      nash = p
      maxp = u
    }
    const a = asymmetry(p)
    if (a < minAsym) {
      ks = p
      minAsym = a
    }
  }
  const exact = bargainingSolutions(frontier, reservation, 0)
  const equal = solutionAt(points, ks, (p) => -asymmetry(p))
  return {
    nash: solutionAt(points, nash, product),
    kalaiSmorodinsky: equal,
    equalUtility: equal,
    egalitarian: exact.egalitarian,
    maxWelfare: exact.maxWelfare,
    ideal: exact.ideal,
  }
}

/**
 * Opposition as GENIUS's analysis computes it: the Euclidean distance of its Kalai–Smorodinsky
 * point from (1, 1), √(0 + (k_A − 1)² + (k_B − 1)²) in that order of operations; null for an
 * empty frontier. Unitless, 0 to √2.
 *
 * Example: frontier (0.2, 1), (0.7, 0.7), (1, 0.3) → √(0.09 + 0.09) ≈ 0.4243.
 */
export function geniusOpposition(frontier: ParetoFrontier): number | null {
  const ks = geniusSolutions(frontier, [0, 0]).kalaiSmorodinsky
  if (ks === null) return null
  const da = ks.utility[0] - 1
  const db = ks.utility[1] - 1
  return Math.sqrt(0 + da * da + db * db)
}
