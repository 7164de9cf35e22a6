import type { AccessScope } from '../access/scope.js'
import type { AgreementSpec } from '../agreement/spec.js'
import { buildPlan, type ProjectionInputs, type ProjectionPlan } from './plan.js'
import { MAX_SEED } from './random-stream.js'
import { runInThread, summarise, type ProjectionResult } from './result.js'
import { isStochastic, type Scenario } from './scenario.js'

/** Most paths one projection may simulate. */
export const MAX_PATHS = 1_000_000
/** Anonymous visitors and PUBLIC users: at most this many paths per projection (issue 14). */
export const PUBLIC_MAX_PATHS = 100_000

/** The most paths one projection may take for a scope: delegations MAX_PATHS, others fewer. */
export function maxPathsFor(scope: AccessScope): number {
  return scope.kind === 'delegation' ? MAX_PATHS : PUBLIC_MAX_PATHS
}

export interface ProjectionRequest {
  /** The agreement projected first, then any it is compared with (differences are first − other). */
  readonly specs: readonly AgreementSpec[]
  readonly scenario: Scenario
  /** Monte Carlo paths (ignored when nothing is simulated: the run is then one exact path). */
  readonly paths: number
  readonly seed: number
}

/**
 * Checks a request's numbers and compiles its plan. Simulates when the scenario has stochastic
 * models; otherwise every year is exact under the scenario's deterministic values.
 * @example preparePlan({ specs: [sma12], scenario: ar1, paths: 1e5, seed: 1 }, inputs).programs[0].years.length // 5
 */
export function preparePlan(req: ProjectionRequest, inputs: ProjectionInputs): ProjectionPlan {
  if (!Number.isInteger(req.paths) || req.paths < 1 || req.paths > MAX_PATHS) {
    throw new RangeError(`paths must be an integer from 1 to ${MAX_PATHS}`)
  }
  if (!Number.isInteger(req.seed) || req.seed < 0 || req.seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}`)
  }
  return buildPlan(req.specs, req.scenario, inputs, { simulate: isStochastic(req.scenario) })
}

/**
 * Paths actually run for a plan: the request's when anything is simulated, else one.
 * @example effectivePaths(baselinePlan, 100_000) // 1 (deterministic: one exact path)
 */
export function effectivePaths(plan: ProjectionPlan, requested: number): number {
  return plan.stochastic ? requested : 1
}

/**
 * Projects agreements on the calling thread (browser, tests, small runs): plan, every chunk,
 * summary. Same numbers as the worker-thread runner for the same seed.
 * @example
 * // 12th SMA under AR(1): 2026 and 2027 exact (1,519.2 bn, 1,551.1 bn), 2028–2030 distributions
 * projectInThread({ specs: [sma12], scenario: ar1, paths: 10_000, seed: 1 }, inputs).projections[0].years[1].exact
 * // "1551100000000"
 */
export function projectInThread(
  req: ProjectionRequest,
  inputs: ProjectionInputs,
): ProjectionResult {
  const plan = preparePlan(req, inputs)
  const paths = effectivePaths(plan, req.paths)
  return summarise(plan, req.scenario, inputs.indices, runInThread(plan, req.seed, paths), req.seed)
}
