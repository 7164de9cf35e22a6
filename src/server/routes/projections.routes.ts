import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  agreementSpecSchema,
  loadRecord,
  publishedLookup,
  type SmaRecord,
} from '../../domain/index.js'
import {
  DEFAULT_SCENARIO,
  MAX_PATHS,
  MAX_SEED,
  ProjectionError,
  VARIANT_KINDS,
  projectionResultSchema,
  isStochastic,
  scenarioSchema,
  shippedScenarios,
} from '../../domain/projection/index.js'
import { ProjectionPool } from '../../projection/projection-pool.js'
import {
  ProjectionInputError,
  resolveCompare,
  resolveScenario,
  resolveSpec,
} from '../../projection/request.js'
import { IN_THREAD_BELOW, runProjection } from '../../projection/run-projection.js'
import { sendProblem } from '../app.js'
import { errorResponses, problem, problemSchema } from '../problem.js'

/** The body of `POST /api/projections` (see docs/projections.md). */
export const projectionRequestSchema = z
  .strictObject({
    /** An agreement id from the record… */
    agreement: z.string().min(1).max(100).optional(),
    /** …or a full agreement spec (a draft or proposal). Exactly one of the two. */
    spec: agreementSpecSchema.optional(),
    /** A shipped scenario name (default "ar1") or a scenario object. */
    scenario: z.union([z.string().min(1).max(100), scenarioSchema]).optional(),
    paths: z.int().min(1).max(MAX_PATHS).default(100_000),
    seed: z.int().min(0).max(MAX_SEED).default(1),
    /** Others to compare with the first, path by path: ids, specs, or a derived variant. */
    compare: z
      .array(
        z.union([
          z.string().min(1).max(100),
          z.strictObject({
            variant: z.enum(VARIANT_KINDS),
            fromYear: z.int().min(1900).max(2200).optional(),
          }),
          agreementSpecSchema,
        ]),
      )
      .max(4)
      .default([]),
  })
  .meta({ id: 'ProjectionRequest' })

/** The answer of `GET /api/projections/scenarios`. */
export const scenarioListSchema = z
  .strictObject({
    defaultScenario: z.string(),
    scenarios: z.array(
      z.strictObject({
        id: z.string(),
        version: z.int(),
        title: z.strictObject({ en: z.string(), ko: z.string() }),
        description: z.string(),
        stochastic: z.boolean(),
        /** The full scenario, for display of its assumptions and their basis. */
        scenario: scenarioSchema,
      }),
    ),
  })
  .meta({ id: 'ScenarioList' })

export interface ProjectionsRoutesOptions {
  /** Worker threads of the route's pool (default: available parallelism). */
  readonly threads?: number
  /**
   * Where agreements and index series come from for a request (default: the shipped record).
   * The server can pass one built from its database with the caller's access scope, e.g.
   * `async (req) => ({ agreements: (await listAgreements(db, scopeOf(req.auth?.principal ??
   * null), cache)).map((a) => a.spec), indices: await loadIndexSet(db) })`.
   */
  readonly record?: (req: FastifyRequest) => Promise<SmaRecord> | SmaRecord
}

/**
 * `POST /api/projections`: the JSON of `sma project --json`. Runs of IN_THREAD_BELOW paths or
 * more go to a worker pool made on first use and destroyed when the app closes, so the event
 * loop stays free; smaller runs yield between chunks. A client that disconnects cancels its run.
 */
const projectionsRoutes: FastifyPluginAsync<ProjectionsRoutesOptions> = (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  let pool: ProjectionPool | undefined
  const shipped = loadRecord()
  const record = options.record ?? (() => shipped)
  app.addHook('onClose', async () => {
    await pool?.destroy()
  })

  app.get(
    '/api/projections/scenarios',
    {
      config: { permission: 'public:read' },
      schema: {
        tags: ['projections'],
        summary: 'The shipped scenarios (for a scenario picker)',
        response: { 200: scenarioListSchema, ...errorResponses },
      },
    },
    () => ({
      defaultScenario: DEFAULT_SCENARIO,
      scenarios: shippedScenarios().map((sc) => ({
        id: sc.id,
        version: sc.version,
        title: sc.title,
        description: sc.description,
        stochastic: isStochastic(sc),
        scenario: sc,
      })),
    }),
  )

  app.post(
    '/api/projections',
    {
      config: { permission: 'public:read' },
      schema: {
        tags: ['projections'],
        summary: 'Project an agreement (and comparisons) under a scenario',
        body: projectionRequestSchema,
        response: { 200: projectionResultSchema, 422: problemSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = req.body
      if ((body.agreement === undefined) === (body.spec === undefined)) {
        return sendProblem(
          reply,
          problem('validation-failed', 'Send exactly one of "agreement" (an id) and "spec".', {
            errors: [{ pointer: '/agreement', detail: 'exactly one of agreement and spec' }],
          }),
        )
      }
      const rec = await record(req)
      let specs
      let scenario
      try {
        const primary = resolveSpec(rec, body.agreement ?? body.spec)
        scenario = resolveScenario(body.scenario)
        specs = [primary, ...body.compare.map((c) => resolveCompare(rec, primary, c))]
      } catch (e) {
        if (e instanceof ProjectionInputError) {
          const unknownId = /^unknown agreement/.test(e.message)
          return sendProblem(
            reply,
            unknownId ? problem('not-found', e.message) : problem('validation-failed', e.message),
          )
        }
        throw e
      }
      const ac = new AbortController()
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) ac.abort()
      })
      const usePool = body.paths >= IN_THREAD_BELOW
      if (usePool && pool === undefined) pool = new ProjectionPool(options.threads)
      try {
        const result = await runProjection(
          { specs, scenario, paths: body.paths, seed: body.seed },
          { indices: rec.indices, publishedOf: publishedLookup(rec.agreements) },
          { ...(usePool && pool ? { pool } : { workers: 0 }), signal: ac.signal },
        )
        // readonly domain types → the schema's mutable output type (also checks the contract)
        return projectionResultSchema.parse(result)
      } catch (e) {
        if (e instanceof ProjectionError || e instanceof RangeError) {
          return sendProblem(reply, problem('unprocessable', e.message))
        }
        throw e
      }
    },
  )
  return Promise.resolve()
}

export default projectionsRoutes
