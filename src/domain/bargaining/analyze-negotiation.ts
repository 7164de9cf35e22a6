import type { OutcomeSpace } from './outcome-space.js'
import { geniusIterationPosition } from './outcome-space.js'
import type { Profile } from './utility-function.js'
import type { ParetoFrontier } from './pareto-frontier.js'
import type { BargainingSolutions } from './bargaining-solutions.js'
import { paretoFrontier } from './pareto-frontier.js'
import { bargainingSolutions, opposition } from './bargaining-solutions.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import { geniusOpposition, geniusSolutions, type AnalysisConvention } from './genius-conventions.js'
import { UTILITY_TOLERANCE } from './tolerance.js'
import { NegotiationInputError } from './negotiation-error.js'

/** The zone of possible agreement: outcomes at or above both reservation values (within ε). */
export type Zopa = {
  readonly outcomes: number
  /** outcomes ÷ all outcomes. */
  readonly fraction: number
  /** Distinct frontier points inside the ZOPA. */
  readonly frontierPoints: number
  /** Rational outcome best for A (highest u_A, then highest u_B, then lowest index), or null. */
  readonly bestForA: {
    readonly utility: readonly [number, number]
    readonly outcome: number
  } | null
  readonly bestForB: {
    readonly utility: readonly [number, number]
    readonly outcome: number
  } | null
}

/** Full analysis of a two-party outcome space (all utilities undiscounted, t = 0). */
export type NegotiationAnalysis = BargainingSolutions & {
  readonly convention: AnalysisConvention
  readonly outcomes: number
  readonly reservation: readonly [number, number]
  readonly frontier: ParetoFrontier
  readonly zopa: Zopa
  readonly opposition: number | null
  readonly tolerance: number
}

/**
 * Effective reservation value of a profile as a utility: the written reservation value, else the
 * utility of the reservation outcome (GeniusWeb reservation bid), else 0.
 *
 * Example: `{ reservationValue: null, reservationOutcome: 5 }` with u[5] = 0.3 → 0.3.
 */
export function reservationOf(profile: Profile, utilities: Float64Array): number {
  if (profile.reservationValue !== null) return profile.reservationValue
  if (profile.reservationOutcome !== null) return utilities[profile.reservationOutcome] ?? 0
  return 0
}

/**
 * Zone of possible agreement of two utility vectors, O(n): outcomes with uᵢ ≥ rᵢ − ε (ε =
 * `tolerance`, unitless; default {@link UTILITY_TOLERANCE}, 0 for exact comparisons).
 *
 * Example: u_A = [0.2, 0.6, 0.9], u_B = [0.9, 0.5, 0.1], r = [0.5, 0.3] → 1 outcome (index 1).
 */
export function zoneOfAgreement(
  ua: Float64Array,
  ub: Float64Array,
  reservation: readonly [number, number],
  frontier: ParetoFrontier,
  tolerance: number = UTILITY_TOLERANCE,
): Zopa {
  const eps = tolerance
  const ra = reservation[0] - eps
  const rb = reservation[1] - eps
  const n = ua.length
  let count = 0
  let bestA = -1
  let bestB = -1
  for (let i = 0; i < n; i++) {
    const a = ua[i] ?? 0
    const b = ub[i] ?? 0
    if (a < ra || b < rb) continue
    count++
    if (bestA < 0) bestA = i
    else {
      const ba = ua[bestA] ?? 0
      if (a > ba || (a === ba && b > (ub[bestA] ?? 0))) bestA = i
    }
    if (bestB < 0) bestB = i
    else {
      const bb = ub[bestB] ?? 0
      if (b > bb || (b === bb && a > (ua[bestB] ?? 0))) bestB = i
    }
  }
  const at = (i: number) =>
    i < 0 ? null : { utility: [ua[i] ?? 0, ub[i] ?? 0] as const, outcome: i }
  return {
    outcomes: count,
    fraction: n === 0 ? 0 : count / n,
    frontierPoints: frontier.points.filter((p) => p.utility[0] >= ra && p.utility[1] >= rb).length,
    bestForA: at(bestA),
    bestForB: at(bestB),
  }
}

/** How to analyse: the convention, and (GENIUS) which outcome represents a point of equal bids. */
export type AnalysisOptions = {
  readonly convention?: AnalysisConvention
  /** A rank per outcome; a frontier point's representative is its outcome of lowest rank. */
  readonly order?: (outcome: number) => number
}

/**
 * Analyses two utility vectors (index = outcome): exact frontier, every named solution, ZOPA and
 * opposition. Reservation values are utilities (0 when a party has none). The `genius`
 * convention compares floats exactly and uses GENIUS 10.4's Nash and Kalai–Smorodinsky
 * ({@link geniusSolutions}); the default merges utilities within {@link UTILITY_TOLERANCE}.
 *
 * Example: u_A = [0.2, 0.7, 1], u_B = [1, 0.7, 0.3], r = [0, 0] → frontier of 3 points,
 * nash = equalUtility = outcome 1, opposition ≈ 0.4243.
 */
export function analyzeUtilities(
  ua: Float64Array,
  ub: Float64Array,
  reservation: readonly [number, number],
  options: AnalysisOptions = {},
): NegotiationAnalysis {
  const convention = options.convention ?? 'sma-desk'
  const tolerance = convention === 'genius' ? 0 : UTILITY_TOLERANCE
  const frontier = paretoFrontier(ua, ub, {
    tolerance,
    ...(options.order === undefined ? {} : { order: options.order }),
  })
  return {
    convention,
    outcomes: ua.length,
    reservation,
    frontier,
    ...(convention === 'genius'
      ? geniusSolutions(frontier, reservation)
      : bargainingSolutions(frontier, reservation)),
    zopa: zoneOfAgreement(ua, ub, reservation, frontier, tolerance),
    opposition: convention === 'genius' ? geniusOpposition(frontier) : opposition(frontier),
    tolerance,
  }
}

/**
 * Enumerates both profiles over the space and analyses them (see {@link analyzeUtilities});
 * returns the utility vectors too, for callers that simulate next. Under the `genius`
 * convention a point of equal bids is represented by the first of them in GENIUS's order.
 *
 * Example: Laptop buyer vs seller → 27 outcomes, 4 frontier points, nash (1, 0.8151).
 */
export function analyzeNegotiation(
  space: OutcomeSpace,
  profiles: readonly [Profile, Profile],
  convention: AnalysisConvention = 'sma-desk',
): {
  readonly analysis: NegotiationAnalysis
  readonly utilities: readonly [Float64Array, Float64Array]
} {
  const ua = enumerateUtilities(space, profiles[0].utility)
  const ub = enumerateUtilities(space, profiles[1].utility)
  const reservation: [number, number] = [
    reservationOf(profiles[0], ua),
    reservationOf(profiles[1], ub),
  ]
  for (const r of reservation)
    if (!Number.isFinite(r))
      throw new NegotiationInputError(
        `reservation value ${r} is not a number`,
        `유보 효용 ${r}은(는) 숫자가 아닙니다.`,
      )
  const options: AnalysisOptions =
    convention === 'genius' ? { convention, order: geniusIterationPosition(space) } : { convention }
  return { analysis: analyzeUtilities(ua, ub, reservation, options), utilities: [ua, ub] }
}
