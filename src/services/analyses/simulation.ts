import { toDays } from '../../domain/calendar/civil-date.js'
import { DomainError } from '../../domain/errors.js'
import {
  bidOf,
  createRng,
  datedDeadline,
  NegotiationInputError,
  negotiatorByName,
  prepareSimulation,
  reservationOf,
  simulateNegotiation,
} from '../../domain/bargaining/index.js'
import type { RecordSnapshot } from '../../domain/record/record.js'
import type { SimulationInput, SimulationResult } from '../../contracts/analyses.js'
import type { Reader } from '../context.js'
import { getNegotiation } from '../negotiations/negotiation.js'
import { priceSetup, unprocessable } from './results.js'
import { getAnalysis } from './setups.js'

/** Offer points returned per side at most (every k-th offer, the last one always). */
export const MAX_TRAJECTORY_POINTS = 500

function thin(points: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const k = Math.max(1, Math.ceil(points.length / MAX_TRAJECTORY_POINTS))
  const out = points.filter((_, i) => i % k === 0)
  const last = points[points.length - 1]
  if (last !== undefined && (points.length - 1) % k !== 0) {
    if (out.length >= MAX_TRAJECTORY_POINTS) out[out.length - 1] = last
    else out.push(last)
  }
  return out
}

/**
 * Simulates stacked alternating offers on a stored analysis's package space (own party only,
 * computed per request, nothing stored): A (the setup's first party) against B with the named
 * strategies, `rounds` rounds (or, with `roundDays`, the rounds until the negotiation's next
 * deadline from `today`, the parties' reservation values as no-deal values), seeded.
 */
export async function simulateAnalysis(
  r: Reader,
  snapshot: RecordSnapshot,
  negotiationId: string,
  id: string,
  input: SimulationInput,
  today: string,
): Promise<SimulationResult> {
  const a = await getAnalysis(r, negotiationId, id)
  const { built } = priceSetup(snapshot, a.setup)
  const [pa, pb] = built.profiles
  const [ua, ub] = built.utilities
  if (!pa || !pb || !ua || !ub)
    throw new DomainError('unprocessable', 'two parties are needed', {
      ko: '모의 협상에는 양측 당사자의 설정이 모두 있어야 합니다.',
    })
  const reservation: [number, number] = [reservationOf(pa, ua), reservationOf(pb, ub)]
  let rounds = input.rounds
  let deadline: string | null = null
  if (input.roundDays !== undefined) {
    const next = (await getNegotiation(r, negotiationId, today)).nextDeadline
    if (!next)
      throw new DomainError('unprocessable', 'the negotiation has no upcoming deadline', {
        ko: '이 협상에는 앞으로 다가올 시한이 없어 회차별 일정으로 모의할 수 없습니다.',
      })
    try {
      const d = datedDeadline({
        start: toDays(today.slice(0, 10)),
        deadline: toDays(next.date.slice(0, 10)),
        roundLength: input.roundDays,
        noDealValues: reservation,
      })
      rounds = Math.min(d.rounds, 2000)
    } catch (err) {
      if (err instanceof NegotiationInputError) throw unprocessable(err)
      throw err
    }
    deadline = next.date
  }
  const scenario = prepareSimulation(built.space, [ua, ub], reservation)
  const result = simulateNegotiation(
    scenario,
    [negotiatorByName(input.strategyA), negotiatorByName(input.strategyB)],
    { rounds, rng: createRng(input.seed), recordOffers: true },
  )
  const side = (p: 0 | 1): (readonly [number, number])[] =>
    result.offers.filter((o) => o.party === p).map((o) => [o.utility[0], o.utility[1]] as const)
  const offersA = side(0)
  const offersB = side(1)
  const ag = result.agreement
  return {
    strategies: [input.strategyA, input.strategyB],
    rounds,
    deadline,
    seed: input.seed,
    roundsPlayed: result.roundsPlayed,
    reservation,
    agreement:
      ag === null
        ? null
        : {
            bid: bidOf(built.space, ag.outcome),
            utility: [ag.utility[0], ag.utility[1]],
            amount: built.amounts[ag.outcome] ?? null,
            round: ag.round,
            acceptedBy: ag.acceptedBy === 0 ? pa.name : pb.name,
          },
    offerCounts: [offersA.length, offersB.length],
    offers: [thin(offersA), thin(offersB)],
  }
}
