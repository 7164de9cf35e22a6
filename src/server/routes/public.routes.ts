import {
  indexValueSchema,
  parseIndexOverride,
  type IndexOverride,
} from '../../domain/index-series/index-series.js'
import { scopeOf } from '../../domain/access/scope.js'
import { EvaluationError } from '../../domain/agreement/evaluate.js'
import { actorOf } from '../../services/users.js'
import {
  addIndexValue,
  agreementStatus,
  getAgreement,
  listAgreements,
  listIndexValues,
  scheduleFor,
} from '../../services/record.js'
import { z } from 'zod'
import { problem, errorResponses } from '../problem.js'
import {
  agreementResponse,
  agreementsResponse,
  healthResponse,
  idParam,
  indexValueBody,
  indexValuesResponse,
  scheduleQuery,
  scheduleResponse,
  seriesParam,
} from '../schemas.js'
import { sendProblem, type App, type RouteContext } from '../app.js'

const agreementParams = z.strictObject({ id: idParam })

/** Health, the public record (agreements, schedules) and index series. */
export function registerPublicRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/health',
    {
      config: { permission: 'public:read' },
      schema: { tags: ['meta'], response: { 200: healthResponse } },
    },
    async () => {
      await ctx.store.db.selectFrom('agreements').select('id').limit(1).execute()
      return { status: 'ok' as const, database: ctx.store.dialect, version: '0.1.0' }
    },
  )

  app.get(
    '/api/agreements',
    {
      config: { permission: 'public:read' },
      schema: { tags: ['agreements'], response: { 200: agreementsResponse, ...errorResponses } },
    },
    async (req) => {
      const today = ctx.today()
      const list = await listAgreements(
        ctx.store.db,
        scopeOf(req.auth?.principal ?? null),
        ctx.cache,
      )
      return {
        agreements: list.map(({ spec, revisionId }) => {
          const known = (f: typeof spec.lifecycle.expiry): string | null =>
            f.status === 'known' ? f.date : null
          return {
            id: spec.id,
            title: spec.title,
            ordinal: spec.ordinal,
            hostNation: spec.hostNation,
            term: spec.term,
            currency:
              spec.currency.kind === 'single' ? spec.currency.code : spec.currency.reporting,
            status: agreementStatus(spec, today),
            revisionId,
            entryIntoForce: known(spec.lifecycle.entryIntoForce),
            expiry: known(spec.lifecycle.expiry),
          }
        }),
      }
    },
  )

  app.get(
    '/api/agreements/:id',
    {
      config: { permission: 'public:read' },
      schema: {
        tags: ['agreements'],
        params: agreementParams,
        response: { 200: agreementResponse, ...errorResponses },
      },
    },
    async (req) => {
      const a = await getAgreement(
        ctx.store.db,
        scopeOf(req.auth?.principal ?? null),
        ctx.cache,
        req.params.id,
      )
      return { agreement: a.spec, revisionId: a.revisionId }
    },
  )

  app.get(
    '/api/agreements/:id/schedule',
    {
      config: { permission: 'public:read' },
      schema: {
        tags: ['agreements'],
        description:
          'Yearly figures, computed from the stored index values; `index=SERIES:YEAR=VALUE` (repeatable) adds what-if values. Same JSON as `sma schedule --json`.',
        params: agreementParams,
        querystring: scheduleQuery,
        response: { 200: scheduleResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const raw = req.query.index
      const flags = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
      const overrides: IndexOverride[] = []
      for (const [i, f] of flags.entries()) {
        try {
          overrides.push(parseIndexOverride(f))
        } catch (err) {
          return sendProblem(
            reply,
            problem('validation-failed', 'The index parameter is not valid.', {
              errors: [
                {
                  pointer: `/querystring/index/${i}`,
                  detail: err instanceof Error ? err.message : 'invalid',
                },
              ],
            }),
          )
        }
      }
      const scope = scopeOf(req.auth?.principal ?? null)
      try {
        return await scheduleFor(ctx.store.db, scope, ctx.cache, req.params.id, overrides)
      } catch (err) {
        if (err instanceof EvaluationError) {
          return sendProblem(reply, problem('unprocessable', err.message))
        }
        throw err
      }
    },
  )

  app.get(
    '/api/indices/:series/values',
    {
      config: { permission: 'public:read' },
      schema: {
        tags: ['indices'],
        params: seriesParam,
        response: { 200: indexValuesResponse, ...errorResponses },
      },
    },
    async (req) => ({
      series: req.params.series,
      values: await listIndexValues(ctx.store.db, req.params.series),
    }),
  )

  app.post(
    '/api/indices/:series/values',
    {
      config: { permission: 'index:write' },
      schema: {
        tags: ['indices'],
        description:
          'Adds a release of one period (a new CPI figure, or a revision). Schedules use it at once.',
        params: seriesParam,
        body: indexValueBody,
        response: { 201: indexValueSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = req.auth?.principal
      if (!principal) throw new Error('unreachable: permission hook')
      const b = req.body
      const value = await addIndexValue(
        ctx.store,
        actorOf(principal),
        req.params.series,
        {
          period: b.period,
          value: b.value,
          vintage: b.vintage,
          releasedOn: b.releasedOn,
          sources: b.sources,
          ...(b.note === undefined ? {} : { note: b.note }),
        },
        ctx.now,
      )
      return reply.code(201).send(value)
    },
  )
}
