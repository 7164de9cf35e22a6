import type { OutcomeSpace } from './outcome-space.js'
import type { OfferIndex } from './offer-index.js'
import type { NegotiatorSpec } from './negotiator-spec.js'
import type { Rng } from './create-rng.js'
import { buildOfferIndex, lowerBound } from './offer-index.js'
import { timeDependentTarget } from './negotiator-spec.js'
import { UTILITY_TOLERANCE } from './tolerance.js'
import { NegotiationInputError } from './negotiation-error.js'

/**
 * What a simulation needs, prepared once and reusable across runs: both utility vectors, their
 * offer indexes (outcomes sorted by each party's utility), reservation values (utilities) and
 * discount factors (null = none).
 */
export type SimulationScenario = {
  readonly space: OutcomeSpace
  readonly utilities: readonly [Float64Array, Float64Array]
  readonly indexes: readonly [OfferIndex, OfferIndex]
  readonly reservation: readonly [number, number]
  readonly discount: readonly [number | null, number | null]
}

/**
 * Prepares a scenario: sorts outcomes by each party's utility (O(n log n), done once).
 *
 * Example: `prepareSimulation(space, [ua, ub], [0, 0])` then run `simulateNegotiation` many times.
 */
export function prepareSimulation(
  space: OutcomeSpace,
  utilities: readonly [Float64Array, Float64Array],
  reservation: readonly [number, number],
  discount: readonly [number | null, number | null] = [null, null],
): SimulationScenario {
  if (utilities[0].length !== space.size || utilities[1].length !== space.size)
    throw new NegotiationInputError(
      `utility vectors do not match the ${space.size} outcomes of "${space.name}"`,
      `효용 벡터의 길이가 "${space.name}"의 결과 수 ${space.size}개와 맞지 않습니다.`,
    )
  return {
    space,
    utilities,
    indexes: [buildOfferIndex(utilities[0]), buildOfferIndex(utilities[1])],
    reservation,
    discount,
  }
}

/** One offer of the trajectory; `utility` is [u_A, u_B] undiscounted; `date` only with dates. */
export type Offer = {
  readonly round: number
  readonly party: 0 | 1
  readonly time: number
  readonly outcome: number
  readonly utility: readonly [number, number]
  readonly date?: number
}

/** Per-party concession summary (own utility of own offers). */
export type ConcessionStats = {
  readonly offers: number
  readonly firstUtility: number
  readonly lastUtility: number
  /** firstUtility − lastUtility. */
  readonly concession: number
  /** How often an offer was better for the party than its previous one (0 = monotone concession). */
  readonly reversals: number
}

export type Agreement = {
  readonly outcome: number
  readonly round: number
  /** Who accepted. */
  readonly acceptedBy: 0 | 1
  readonly time: number
  readonly utility: readonly [number, number]
  /** u·dfᵗ per party (equals `utility` without discount factors). */
  readonly discountedUtility: readonly [number, number]
  readonly date?: number
}

export type SimulationResult = {
  readonly agreement: Agreement | null
  /** Payoffs: the agreement's discounted utilities, else each party's (discounted) reservation value. */
  readonly payoff: readonly [number, number]
  readonly roundsPlayed: number
  readonly offers: readonly Offer[]
  readonly concession: readonly [ConcessionStats, ConcessionStats]
}

/**
 * Deadline and options. `rounds`: each round is one offer by A then one by B; the move of party p
 * in round r (0-based) happens at normalised time (r + p/2)/rounds. `timeLimit` ∈ (0, 1] stops
 * earlier (no deal at t ≥ timeLimit). `dates` maps moves to real dates: start + (r + p/2)·roundLength
 * (any unit; no clock is read). `reservation` overrides the scenario's (e.g. no-deal values).
 */
export type SimulationOptions = {
  readonly rounds: number
  readonly timeLimit?: number
  readonly rng: Rng
  readonly recordOffers?: boolean
  readonly reservation?: readonly [number, number]
  readonly dates?: { readonly start: number; readonly roundLength: number }
  /** Candidates considered around the target utility (default 32). */
  readonly window?: number
  /** Own-utility band above the target within which candidates are compared (default 0.01). */
  readonly band?: number
}

type Runtime = {
  readonly spec: NegotiatorSpec
  readonly own: Float64Array
  readonly index: OfferIndex
  readonly pmin: number
  readonly pmax: number
  readonly reservation: number
  /** Opponent-offer counts per issue and value (frequency opponent model). */
  readonly freq: Uint32Array[]
  seen: number
  firstOppOwn: number
  lastOppOwn: number
}

/**
 * Runs stacked alternating offers between A (`negotiators[0]`, opens) and B until one accepts or
 * the deadline passes. Each move: compute the target utility (strategy), pick an offer among the
 * outcomes whose own utility is at or just above the target (binary search in the offer index,
 * then the candidate with the best frequency-model estimate of the opponent's utility; ties broken
 * by the RNG), then decide on the pending offer (acceptance rule; never below the reservation
 * value). Deterministic for a given RNG seed. O(rounds · window · issues) after preparation.
 *
 * Example: Boulware vs Conceder on Laptop, 100 rounds → agreement within the deadline, payoff
 * near the frontier; Hardliner vs Hardliner → no agreement, payoff = reservation values.
 */
export function simulateNegotiation(
  scenario: SimulationScenario,
  negotiators: readonly [NegotiatorSpec, NegotiatorSpec],
  options: SimulationOptions,
): SimulationResult {
  const { rounds, rng } = options
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new NegotiationInputError(
      `rounds must be a whole number ≥ 1 (got ${rounds})`,
      `라운드 수는 1 이상의 정수여야 합니다(입력값 ${rounds}).`,
    )
  const timeLimit = options.timeLimit ?? 1
  const window = options.window ?? 32
  const band = options.band ?? 0.01
  const record = options.recordOffers ?? true
  const reservation = options.reservation ?? scenario.reservation
  const space = scenario.space
  const k = space.sizes.length
  const runtime = ([0, 1] as const).map((p): Runtime => {
    const index = scenario.indexes[p]
    const n = index.sorted.length
    const worst = index.sorted[0] ?? 0
    const best = index.sorted[n - 1] ?? 0
    const r = reservation[p]
    return {
      spec: negotiators[p],
      own: scenario.utilities[p],
      index,
      pmax: best,
      pmin: Math.min(best, Math.max(r, worst)),
      reservation: r,
      freq: space.sizes.map((s) => new Uint32Array(s)),
      seen: 0,
      firstOppOwn: Number.NaN,
      lastOppOwn: Number.NaN,
    }
  }) as [Runtime, Runtime]

  const target = (me: Runtime, t: number): number => {
    const s = me.spec.strategy
    if (s.kind === 'hardliner') return me.pmax
    if (s.kind === 'time-dependent') return timeDependentTarget(s.exponent, t, me.pmin, me.pmax)
    if (me.seen === 0) return me.pmax
    const conceded = Math.max(0, me.lastOppOwn - me.firstOppOwn)
    return Math.max(me.pmin, me.pmax - s.factor * conceded)
  }

  const estimate = (me: Runtime, outcome: number): number => {
    if (me.seen === 0) return 0
    let sum = 0
    for (let i = 0; i < k; i++) {
      const d = Math.floor(outcome / (space.strides[i] ?? 1)) % (space.sizes[i] ?? 1)
      sum += me.freq[i]?.[d] ?? 0
    }
    return sum / (me.seen * k)
  }

  const choose = (me: Runtime, t: number): number => {
    const { sorted, order } = me.index
    const n = sorted.length
    let lo = lowerBound(sorted, target(me, t) - UTILITY_TOLERANCE)
    if (lo >= n) lo = n - 1
    const ceiling = (sorted[lo] ?? 0) + band
    let best = order[lo] ?? 0
    let bestScore = estimate(me, best)
    let tiesSeen = 1
    for (let j = lo + 1; j < n && j < lo + window && (sorted[j] ?? 0) <= ceiling; j++) {
      const o = order[j] ?? 0
      const sc = estimate(me, o)
      if (sc > bestScore + 1e-15) {
        best = o
        bestScore = sc
        tiesSeen = 1
      } else if (sc >= bestScore - 1e-15) {
        tiesSeen++
        if (rng.next() * tiesSeen < 1) best = o
      }
    }
    return best
  }

  const accepts = (me: Runtime, offered: number, planned: number, t: number): boolean => {
    const u = me.own[offered] ?? 0
    if (u < me.reservation - UTILITY_TOLERANCE) return false
    const a = me.spec.acceptance
    if (a.kind === 'next') return u >= (me.own[planned] ?? 0) - UTILITY_TOLERANCE
    if (a.kind === 'const') return u >= a.threshold - UTILITY_TOLERANCE
    return t >= a.time
  }

  const ua = scenario.utilities[0]
  const ub = scenario.utilities[1]
  const offers: Offer[] = []
  const stats = [0, 1].map(() => ({ offers: 0, first: Number.NaN, last: Number.NaN, reversals: 0 }))
  const dateOf = (r: number, p: number): number | undefined =>
    options.dates === undefined
      ? undefined
      : options.dates.start + (r + p / 2) * options.dates.roundLength
  let pending = -1
  let agreement: Agreement | null = null
  let roundsPlayed = 0
  outer: for (let r = 0; r < rounds; r++) {
    for (const p of [0, 1] as const) {
      const t = (r + p / 2) / rounds
      if (t >= timeLimit) break outer
      roundsPlayed = r + 1
      const me = runtime[p]
      const planned = choose(me, t)
      if (pending >= 0 && accepts(me, pending, planned, t)) {
        const u: [number, number] = [ua[pending] ?? 0, ub[pending] ?? 0]
        const df = scenario.discount
        const date = dateOf(r, p)
        agreement = {
          outcome: pending,
          round: r,
          acceptedBy: p,
          time: t,
          utility: u,
          discountedUtility: [u[0] * Math.pow(df[0] ?? 1, t), u[1] * Math.pow(df[1] ?? 1, t)],
          ...(date === undefined ? {} : { date }),
        }
        break outer
      }
      const own = me.own[planned] ?? 0
      const st = stats[p]
      if (st !== undefined) {
        if (st.offers === 0) st.first = own
        else if (own > st.last + UTILITY_TOLERANCE) st.reversals++
        st.last = own
        st.offers++
      }
      // the opponent observes the offer
      const opp = runtime[p === 0 ? 1 : 0]
      const oppOwn = opp.own[planned] ?? 0
      if (opp.seen === 0) opp.firstOppOwn = oppOwn
      opp.lastOppOwn = oppOwn
      opp.seen++
      for (let i = 0; i < k; i++) {
        const d = Math.floor(planned / (space.strides[i] ?? 1)) % (space.sizes[i] ?? 1)
        const f = opp.freq[i]
        if (f !== undefined) f[d] = (f[d] ?? 0) + 1
      }
      pending = planned
      if (record) {
        const date = dateOf(r, p)
        offers.push({
          round: r,
          party: p,
          time: t,
          outcome: planned,
          utility: [ua[planned] ?? 0, ub[planned] ?? 0],
          ...(date === undefined ? {} : { date }),
        })
      }
    }
  }
  const endTime = Math.min(1, timeLimit)
  const payoff: [number, number] =
    agreement === null
      ? [
          reservation[0] *
            (reservation[0] === 0 ? 1 : Math.pow(scenario.discount[0] ?? 1, endTime)),
          reservation[1] *
            (reservation[1] === 0 ? 1 : Math.pow(scenario.discount[1] ?? 1, endTime)),
        ]
      : [agreement.discountedUtility[0], agreement.discountedUtility[1]]
  const concession = stats.map((s) => ({
    offers: s.offers,
    firstUtility: s.first,
    lastUtility: s.last,
    concession: s.offers === 0 ? 0 : s.first - s.last,
    reversals: s.reversals,
  })) as [ConcessionStats, ConcessionStats]
  return { agreement, payoff, roundsPlayed, offers, concession }
}
