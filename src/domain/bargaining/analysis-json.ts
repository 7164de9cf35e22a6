import type { NegotiationAnalysis } from './analyze-negotiation.js'
import type { Solution } from './bargaining-solutions.js'
import { bidOf, type OutcomeSpace } from './outcome-space.js'
import type { SmaAnalysisSetup, SmaPackageSpace } from './sma-package-space.js'

/** Spaces up to this many outcomes carry their whole utility cloud in SMA analysis JSON. */
export const UTILITY_CLOUD_LIMIT = 20_000

function solutionJson(space: OutcomeSpace, s: Solution | null) {
  if (s === null) return null
  return {
    utility: s.utility,
    bid: bidOf(space, s.outcome),
    outcomes: s.outcomes,
    ties: s.ties,
    tiedWith: s.tiedWith.map((t) => ({ utility: t.utility, bid: bidOf(space, t.outcome) })),
  }
}

/**
 * The JSON contract of `sma analyze --json` and of the analysis API (see
 * docs/negotiation-analysis.md): issues, frontier points with a representative bid, every named
 * solution, ZOPA and opposition.
 */
export function analysisJson(
  space: OutcomeSpace,
  a: NegotiationAnalysis,
  names: readonly [string, string],
) {
  const at = (p: { utility: readonly [number, number]; outcome: number } | null) =>
    p === null ? null : { utility: p.utility, bid: bidOf(space, p.outcome) }
  return {
    convention: a.convention,
    domain: space.name,
    profiles: names,
    issues: space.issues.map((i, k) => ({
      name: i.name,
      kind: i.kind,
      values: space.sizes[k],
    })),
    outcomes: a.outcomes,
    reservation: a.reservation,
    frontier: a.frontier.points.map((p) => ({
      utility: p.utility,
      bid: bidOf(space, p.outcome),
      outcomes: p.count,
    })),
    frontierPoints: a.frontier.points.length,
    frontierOutcomes: a.frontier.outcomeCount,
    nash: solutionJson(space, a.nash),
    kalaiSmorodinsky: solutionJson(space, a.kalaiSmorodinsky),
    equalUtility: solutionJson(space, a.equalUtility),
    egalitarian: solutionJson(space, a.egalitarian),
    maxWelfare: solutionJson(space, a.maxWelfare),
    ideal: a.ideal,
    zopa: {
      outcomes: a.zopa.outcomes,
      fraction: a.zopa.fraction,
      frontierPoints: a.zopa.frontierPoints,
      bestForA: at(a.zopa.bestForA),
      bestForB: at(a.zopa.bestForB),
    },
    opposition: a.opposition,
    tolerance: a.tolerance,
  }
}
export type AnalysisJson = ReturnType<typeof analysisJson>

/** [u_A, u_B] of every outcome (index = outcome), or null above `limit` outcomes. */
export function utilityCloud(
  utilities: readonly [Float64Array, Float64Array],
  limit = UTILITY_CLOUD_LIMIT,
): [number, number][] | null {
  const [ua, ub] = utilities
  if (ua.length > limit) return null
  return Array.from(ua, (a, i) => [a, ub[i] ?? 0])
}

/**
 * `analysisJson` of an SMA package space plus what the package pricing adds: the measured amount
 * (won, exact decimal text) of every frontier point and solution, whose utility each profile is,
 * the setup's viewpoint and measure, and (with `utilities`) the utility cloud.
 */
export function smaAnalysisJson(
  setup: SmaAnalysisSetup,
  built: SmaPackageSpace,
  analysis: NegotiationAnalysis,
  names: readonly [string, string],
) {
  const out = analysisJson(built.space, analysis, names)
  const byLabel = new Map<string, string>()
  built.labels.forEach((l, i) => {
    const amount = built.amounts[i]
    if (amount !== undefined && !byLabel.has(l)) byLabel.set(l, amount)
  })
  const amountOf = (bid: Readonly<Record<string, unknown>>): string | null =>
    byLabel.get(
      Object.entries(bid)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', '),
    ) ?? null
  const withAmount = <T extends { bid: Readonly<Record<string, unknown>> } | null>(s: T) =>
    s === null ? null : { ...s, amount: amountOf(s.bid) }
  return {
    ...out,
    measure: setup.measure,
    viewpoint: setup.viewpoint,
    whose: built.profiles.map((p) => p.whose),
    frontier: out.frontier.map((f) => ({ ...f, amount: amountOf(f.bid) })),
    nash: withAmount(out.nash),
    kalaiSmorodinsky: withAmount(out.kalaiSmorodinsky),
    equalUtility: withAmount(out.equalUtility),
    egalitarian: withAmount(out.egalitarian),
    maxWelfare: withAmount(out.maxWelfare),
  }
}
