import { NegotiationInputError } from './negotiation-error.js'

/**
 * A deadline tied to real dates, given as numbers in one unit chosen by the caller (e.g. days since
 * 1970-01-01): negotiation starts at `start`, must end before `deadline`, one round (an offer by
 * each side) takes `roundLength`. `noDealValues` are each party's utility of no agreement
 * (e.g. what the current arrangement is worth to it); they become the reservation values.
 */
export type DatedDeadlineInput = {
  readonly start: number
  readonly deadline: number
  readonly roundLength: number
  readonly noDealValues: readonly [number, number]
}

/** Simulation settings derived from a dated deadline (spread into `SimulationOptions`). */
export type DatedDeadline = {
  readonly rounds: number
  readonly reservation: readonly [number, number]
  readonly dates: { readonly start: number; readonly roundLength: number }
}

/**
 * Turns dates into a round deadline: rounds = ⌊(deadline − start) / roundLength⌋, and move dates
 * start + (r + p/2)·roundLength. No clock is read.
 *
 * Example: start 20000 (days), deadline 20090, roundLength 7, no-deal values [0.3, 0.4] →
 * `{ rounds: 12, reservation: [0.3, 0.4], dates: { start: 20000, roundLength: 7 } }`.
 */
export function datedDeadline(input: DatedDeadlineInput): DatedDeadline {
  const { start, deadline, roundLength, noDealValues } = input
  if (![start, deadline, roundLength].every(Number.isFinite))
    throw new NegotiationInputError(
      'dated deadline: start, deadline and round length must be numbers',
      '협상 시한: 시작일, 시한과 라운드 길이는 숫자여야 합니다.',
    )
  if (roundLength <= 0)
    throw new NegotiationInputError(
      'dated deadline: round length must be positive',
      '협상 시한: 라운드 길이는 0보다 커야 합니다.',
    )
  const rounds = Math.floor((deadline - start) / roundLength + 1e-9)
  if (rounds < 1)
    throw new NegotiationInputError(
      'dated deadline: the deadline leaves no full round',
      '협상 시한: 시한까지 남은 기간이 라운드 하나에도 미치지 못합니다.',
    )
  for (const v of noDealValues)
    if (!Number.isFinite(v) || v < 0 || v > 1)
      throw new NegotiationInputError(
        `dated deadline: no-deal value ${v} is not a utility in [0, 1]`,
        `협상 시한: 결렬 시 효용 ${v}은(는) [0, 1] 범위의 효용이 아닙니다.`,
      )
  return { rounds, reservation: [noDealValues[0], noDealValues[1]], dates: { start, roundLength } }
}
