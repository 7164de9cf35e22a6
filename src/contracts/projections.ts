import { z } from 'zod'
import { agreementSpec, scenario } from './domain-shapes.js'
import { SERIES_IDS } from '../domain/index-series/index-series.js'
import {
  DEFAULT_SCENARIO,
  MAX_BACKTEST_PATHS,
  MAX_PATHS,
  MAX_SEED,
  VARIANT_KINDS,
  backtestResultSchema,
  projectionResultSchema,
} from '../domain/projection/index.js'
import { idParam, localized, party, wrap } from './common.js'

/**
 * A proposal of a negotiation, by reference: the server reads its spec with the asker's scope
 * (a private draft only for its own delegation), so a run over proposals never carries a spec
 * the asker may not see. A run that names one is private to the asker's delegation.
 */
export const proposalRef = z
  .strictObject({ negotiation: idParam, proposal: idParam })
  .meta({ id: 'ProposalRef' })
export type ProposalRef = z.infer<typeof proposalRef>

/** The body of `POST /api/projections` (see docs/projections.md). */
export const projectionRequestSchema = z
  .strictObject({
    /** An agreement id from the record… */
    agreement: z.string().min(1).max(100).optional(),
    /** …or a full agreement spec (a draft or proposal)… */
    spec: agreementSpec.optional(),
    /** …or a proposal of a negotiation the asker may see. Exactly one of the three. */
    proposal: proposalRef.optional(),
    /** A shipped scenario name (default "ar1") or a scenario object. */
    scenario: z.union([z.string().min(1).max(100), scenario]).optional(),
    paths: z.int().min(1).max(MAX_PATHS).default(100_000),
    seed: z.int().min(0).max(MAX_SEED).default(1),
    /** Others to compare with the first, path by path: ids, specs, proposals or a variant. */
    compare: z
      .array(
        z.union([
          z.string().min(1).max(100),
          z.strictObject({
            variant: z.enum(VARIANT_KINDS),
            fromYear: z.int().min(1900).max(2200).optional(),
          }),
          proposalRef,
          agreementSpec,
        ]),
      )
      .max(4)
      .default([]),
  })
  .meta({ id: 'ProjectionRequest' })
export type ProjectionRequest = z.infer<typeof projectionRequestSchema>

/** The answer of `GET /api/projections/scenarios`. */
export const scenarioListSchema = z
  .strictObject({
    defaultScenario: z.string(),
    scenarios: z.array(
      z.strictObject({
        id: z.string(),
        version: z.int(),
        title: localized,
        description: z.string(),
        stochastic: z.boolean(),
        /** The full scenario, for display of its assumptions and their basis. */
        scenario: scenario,
      }),
    ),
  })
  .meta({ id: 'ScenarioList' })
export type ScenarioList = z.infer<typeof scenarioListSchema>

export { projectionResultSchema }
export type ProjectionResultBody = z.infer<typeof projectionResultSchema>

const year = z.coerce.number().int().min(1900).max(2200)

/** The query of `GET /api/projections/backtest` (the flags of `sma project backtest`). */
export const backtestQuery = z.strictObject({
  /** A shipped stochastic scenario (default: the default scenario). */
  scenario: z.string().min(1).max(100).default(DEFAULT_SCENARIO),
  series: z.enum(SERIES_IDS).default('KR_CPI'),
  /** First and last origin: the last year each forecast knows. */
  from: year.default(2010),
  to: year.default(2024),
  horizons: z.coerce.number().int().min(1).max(10).default(3),
  paths: z.coerce.number().int().min(100).max(MAX_BACKTEST_PATHS).default(20_000),
  seed: z.coerce.number().int().min(0).max(MAX_SEED).default(1),
})
export type BacktestQuery = z.infer<typeof backtestQuery>
export { backtestResultSchema }
export type BacktestResultBody = z.infer<typeof backtestResultSchema>

/** Where a stored run is: running (paths done so far), or finished one way or another. */
export const RUN_STATUSES = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const

export const runParams = z.strictObject({
  id: z.uuid(),
})

/**
 * A stored projection run (`/api/projection-runs/{id}`): the request as sent (with its
 * defaults and the scenario named), the engine that ran it, a digest of its inputs (the
 * agreements' revisions, the scenario and the index series: a re-run with the same digest, engine
 * and seed gives the same figures), progress,
 * and the result once done. Public when its inputs are public; private to the delegation of a
 * member who supplied a spec or scenario of their own, or named an agreement only their party
 * sees.
 */
export const projectionRunView = z
  .object({
    id: z.string(),
    status: z.enum(RUN_STATUSES),
    visibility: z.enum(['public', 'private']),
    ownerParty: party,
    request: projectionRequestSchema,
    engine: z.string(),
    inputsDigest: z.string(),
    pathsDone: z.int().min(0),
    pathsTotal: z.int().min(1),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    /**
     * While the run waits for a free slot of its server's limit on heavy work (issue 14): how
     * many runs are ahead of it (0: it starts next). Null while it computes, once it has ended,
     * and for a run another server on the same database computes.
     */
    queuePosition: z.int().min(0).nullable(),
    result: projectionResultSchema.nullable(),
  })
  .meta({ id: 'ProjectionRun' })
export type ProjectionRunView = z.infer<typeof projectionRunView>
export const projectionRunResponse = wrap('run', projectionRunView, 'ProjectionRunResponse')
export const projectionRunCreated = z
  .object({
    run: projectionRunView,
    /** Only the starter receives it: `POST …/cancel` needs it. */
    cancelToken: z.string(),
  })
  .meta({ id: 'ProjectionRunCreated' })
export type ProjectionRunCreated = z.infer<typeof projectionRunCreated>
export const cancelRunBody = z
  .strictObject({ cancelToken: z.string().min(16).max(200) })
  .meta({ id: 'CancelRunBody' })
