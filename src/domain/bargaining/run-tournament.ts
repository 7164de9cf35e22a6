import type { NegotiatorSpec } from './negotiator-spec.js'
import type { SimulationOptions, SimulationScenario } from './simulate-negotiation.js'
import { simulateNegotiation } from './simulate-negotiation.js'
import { createRng } from './create-rng.js'
import { NegotiationInputError } from './negotiation-error.js'

/** One row of the summary: strategy `a` as party A against strategy `b` as party B, averaged over repetitions. */
export type TournamentRow = {
  readonly a: string
  readonly b: string
  readonly runs: number
  /** Fraction of runs that ended in agreement. */
  readonly agreementRate: number
  /** Mean round of agreement (agreed runs only), null when none agreed. */
  readonly meanRound: number | null
  /** Mean payoffs (discounted agreement utility, else reservation). */
  readonly meanPayoff: readonly [number, number]
  /** Mean u_A + u_B of the payoffs. */
  readonly meanWelfare: number
  /** Mean Euclidean distance of the payoff from the reference point (e.g. Nash), if given. */
  readonly meanDistanceToReference: number | null
}

export type TournamentOptions = Pick<SimulationOptions, 'rounds' | 'timeLimit'> & {
  readonly repetitions?: number
  readonly seed: number
  /** A reference point on the utility plane, e.g. the Nash point, to measure payoff distances. */
  readonly reference?: readonly [number, number]
}

/**
 * Plays every ordered pair of negotiators (each as A against each as B, self-play included) for
 * `repetitions` runs with seeds seed, seed + 1, …, reusing one prepared scenario; returns the
 * summary table in pair order. Deterministic for a given seed.
 *
 * Example: [boulware, conceder], 1 repetition → 4 rows: boulware–boulware, boulware–conceder,
 * conceder–boulware, conceder–conceder.
 */
export function runTournament(
  scenario: SimulationScenario,
  negotiators: readonly NegotiatorSpec[],
  options: TournamentOptions,
): TournamentRow[] {
  const reps = options.repetitions ?? 1
  if (!Number.isInteger(reps) || reps < 1)
    throw new NegotiationInputError(
      'repetitions must be a whole number ≥ 1',
      '반복 횟수는 1 이상의 정수여야 합니다.',
    )
  if (negotiators.length === 0)
    throw new NegotiationInputError(
      'a tournament needs at least one negotiator',
      '토너먼트에는 협상 전략이 하나 이상 있어야 합니다.',
    )
  const rows: TournamentRow[] = []
  for (const a of negotiators) {
    for (const b of negotiators) {
      let agreed = 0
      let roundSum = 0
      let pa = 0
      let pb = 0
      let dist = 0
      for (let rep = 0; rep < reps; rep++) {
        const res = simulateNegotiation(scenario, [a, b], {
          rounds: options.rounds,
          rng: createRng(options.seed + rep),
          recordOffers: false,
          ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
        })
        if (res.agreement !== null) {
          agreed++
          roundSum += res.agreement.round
        }
        pa += res.payoff[0]
        pb += res.payoff[1]
        if (options.reference !== undefined)
          dist += Math.hypot(
            res.payoff[0] - options.reference[0],
            res.payoff[1] - options.reference[1],
          )
      }
      rows.push({
        a: a.name,
        b: b.name,
        runs: reps,
        agreementRate: agreed / reps,
        meanRound: agreed === 0 ? null : roundSum / agreed,
        meanPayoff: [pa / reps, pb / reps],
        meanWelfare: (pa + pb) / reps,
        meanDistanceToReference: options.reference === undefined ? null : dist / reps,
      })
    }
  }
  return rows
}
