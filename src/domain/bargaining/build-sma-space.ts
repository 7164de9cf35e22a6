import type { IssueValue, OutcomeSpace } from './outcome-space.js'
import type { Profile, UtilityOwnership } from './utility-function.js'
import { createOutcomeSpace } from './outcome-space.js'
import { extent } from './extent.js'
import { NegotiationInputError } from './negotiation-error.js'

/** One SMA issue with its candidate values, e.g. `{ name: 'term years', values: [3, 5, 10] }`. */
export type SmaIssueInput = { readonly name: string; readonly values: readonly IssueValue[] }

/**
 * A stated priority on one issue: `weight` ≥ 0 and a score in [0, 1] per value (same order as the
 * issue's values; higher is better for this party).
 */
export type SmaPriority = { readonly weight: number; readonly scores: readonly number[] }

/**
 * One party's utility inputs. `cost` is the party's cost over the term for every outcome (lower is
 * better, any currency unit): a precomputed table indexed by outcome, or a function of the
 * outcome's values (issue order) — typically backed by the agreement engine. `costWeight`
 * (default 1) and `priorities` (issue name → weight and scores) are combined as
 * raw = costWeight·(maxCost − cost)/(maxCost − minCost) + Σ weightᵢ·scoreᵢ, then normalised to
 * [0, 1] over all outcomes. `whose` labels whose estimate this is.
 * The reservation is `reservation` (a utility) or derived from `noDealCost`: the normalised raw
 * utility of a no-deal with that cost and no priority score.
 */
export type SmaPartyInput = {
  readonly name: string
  readonly whose: UtilityOwnership
  readonly cost: Float64Array | ((values: readonly IssueValue[], outcome: number) => number)
  readonly costWeight?: number
  readonly priorities?: Readonly<Record<string, SmaPriority>>
  readonly reservation?: number
  readonly noDealCost?: number
}

/**
 * How one party's utility was normalised (see `SmaPartyInput`): the cost range over the space's
 * outcomes, the cost weight, and the raw-utility range mapped to [0, 1]. With it any cost — a
 * package outside the space, a tabled proposal — can be placed on the same scale (`smaUtilityOf`).
 */
export type SmaUtilityScale = {
  readonly minCost: number
  readonly maxCost: number
  readonly costWeight: number
  readonly rawMin: number
  readonly rawMax: number
}

/**
 * The utility of a cost and a priority score (Σ weightᵢ·scoreᵢ) on a party's scale of a built
 * space: (costWeight·(maxCost − cost)/(maxCost − minCost) + priorityScore − rawMin)/(rawMax −
 * rawMin). Equals the space's utility for the space's own outcomes; not clamped, so a cost outside
 * the space's range gives a utility outside [0, 1]. A degenerate scale (rawMax = rawMin) gives 1.
 *
 * Example: minCost 1, maxCost 3, weight 1, raw 0..1, no priorities: cost 2 → 0.5, cost 4 → −0.5.
 */
export function smaUtilityOf(scale: SmaUtilityScale, cost: number, priorityScore = 0): number {
  const spread = scale.maxCost - scale.minCost
  const raw =
    (spread > 0 ? (scale.costWeight * (scale.maxCost - cost)) / spread : 0) + priorityScore
  return scale.rawMax > scale.rawMin ? (raw - scale.rawMin) / (scale.rawMax - scale.rawMin) : 1
}

export type SmaSpace = {
  readonly space: OutcomeSpace
  /** One profile per party (table utilities), in input order. */
  readonly profiles: readonly Profile[]
  /** The same utilities as typed arrays (index = outcome). */
  readonly utilities: readonly Float64Array[]
  /** Each party's cost per outcome as given. */
  readonly costs: readonly Float64Array[]
  /** Each party's normalisation (input order), for `smaUtilityOf`. */
  readonly scales: readonly SmaUtilityScale[]
}

/**
 * Builds a negotiation space for an SMA from issues (e.g. first-year increase %, cap %, term
 * years, index series) and, per party, a cost-over-the-term table or function plus priorities.
 * Every utility is normalised to [0, 1] and labelled `own`, `estimate-of-other` or `neutral`.
 * Pure: the cost function is supplied by the caller (e.g. the agreement engine).
 *
 * Example: one issue 'increase %' [1, 2, 3], payer cost = value, payee cost = −value →
 * payer utilities [1, 0.5, 0], payee [0, 0.5, 1].
 */
export function buildSmaSpace(
  name: string,
  issues: readonly SmaIssueInput[],
  parties: readonly SmaPartyInput[],
): SmaSpace {
  const space = createOutcomeSpace(
    name,
    // values become discrete labels (numbers as written); the cost function gets the originals
    issues.map((i) => ({ kind: 'discrete' as const, name: i.name, values: i.values.map(String) })),
  )
  const n = space.size
  const k = issues.length
  const costs = parties.map((party) => {
    if (party.cost instanceof Float64Array) {
      if (party.cost.length !== n)
        throw new NegotiationInputError(
          `party "${party.name}": cost table has ${party.cost.length} entries for ${n} outcomes`,
          `"${party.name}" 측: 비용표의 항목은 ${party.cost.length}개이지만 패키지는 ${n}개입니다.`,
        )
      return party.cost
    }
    const fn = party.cost
    const out = new Float64Array(n)
    const digits = new Int32Array(k)
    const values: IssueValue[] = issues.map((i) => i.values[0] ?? '')
    for (let o = 0; o < n; o++) {
      const c = fn(values, o)
      if (!Number.isFinite(c))
        throw new NegotiationInputError(
          `party "${party.name}": cost of outcome ${o} is not a number`,
          `"${party.name}" 측: 패키지 ${o}의 비용이 숫자가 아닙니다.`,
        )
      out[o] = c
      for (let i = k - 1; i >= 0; i--) {
        const d = (digits[i] ?? 0) + 1
        const issue = issues[i]
        if (issue !== undefined && d < issue.values.length) {
          digits[i] = d
          values[i] = issue.values[d] ?? ''
          break
        }
        digits[i] = 0
        values[i] = issue?.values[0] ?? ''
      }
    }
    return out
  })
  const utilities = parties.map((party, p) => {
    const cost = costs[p] ?? new Float64Array(n)
    const { min: minC, max: maxC } = extent(cost)
    const cw = party.costWeight ?? 1
    if (cw < 0)
      throw new NegotiationInputError(
        `party "${party.name}": cost weight must be ≥ 0`,
        `"${party.name}" 측: 금액의 가중치는 0 이상이어야 합니다.`,
      )
    const spread = maxC - minC
    const prio = issues.map((issue, i) => {
      const pr = party.priorities?.[issue.name]
      if (pr === undefined) return null
      if (pr.weight < 0)
        throw new NegotiationInputError(
          `party "${party.name}": weight of "${issue.name}" must be ≥ 0`,
          `"${party.name}" 측: "${issue.name}"의 가중치는 0 이상이어야 합니다.`,
        )
      if (pr.scores.length !== issue.values.length)
        throw new NegotiationInputError(
          `party "${party.name}": "${issue.name}" needs ${issue.values.length} scores`,
          `"${party.name}" 측: "${issue.name}"에는 점수가 ${issue.values.length}개 있어야 합니다.`,
        )
      return { i, table: pr.scores.map((s) => pr.weight * s) }
    })
    for (const name of Object.keys(party.priorities ?? {}))
      if (!issues.some((i) => i.name === name))
        throw new NegotiationInputError(
          `party "${party.name}": unknown issue "${name}"`,
          `"${party.name}" 측: 알 수 없는 쟁점입니다("${name}").`,
        )
    const raw = new Float64Array(n)
    for (let o = 0; o < n; o++) {
      let u = spread > 0 ? (cw * (maxC - (cost[o] ?? 0))) / spread : 0
      for (const pr of prio) {
        if (pr === null) continue
        const d = Math.floor(o / (space.strides[pr.i] ?? 1)) % (space.sizes[pr.i] ?? 1)
        u += pr.table[d] ?? 0
      }
      raw[o] = u
    }
    const { min: lo, max: hi } = extent(raw)
    const norm = (x: number): number => (hi > lo ? (x - lo) / (hi - lo) : 1)
    for (let o = 0; o < n; o++) raw[o] = norm(raw[o] ?? 0)
    const scale: SmaUtilityScale = {
      minCost: minC,
      maxCost: maxC,
      costWeight: cw,
      rawMin: lo,
      rawMax: hi,
    }
    return {
      utilities: raw,
      scale,
      noDeal: party.noDealCost === undefined ? null : smaUtilityOf(scale, party.noDealCost),
    }
  })
  const profiles = parties.map((party, p): Profile => {
    const u = utilities[p]
    const r = party.reservation ?? u?.noDeal ?? null
    return {
      name: party.name,
      utility: { kind: 'table', utilities: u?.utilities ?? new Float64Array(n) },
      reservationValue: r === null ? null : Math.min(1, Math.max(0, r)),
      reservationOutcome: null,
      discountFactor: null,
      whose: party.whose,
    }
  })
  return {
    space,
    profiles,
    utilities: utilities.map((u) => u.utilities),
    costs,
    scales: utilities.map((u) => u.scale),
  }
}
