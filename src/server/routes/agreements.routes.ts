import { parseIndexOverride, type IndexOverride } from '../../domain/index-series/index-series.js'
import { DomainError } from '../../domain/errors.js'
import { scheduleInRecord } from '../../domain/record/record.js'
import {
  agreementList,
  agreementParams,
  agreementResponse,
  agreementsQuery,
  agreementsResponse,
  scheduleQuery,
  scheduleResponse,
} from '../../contracts/agreements.js'
import {
  indexValueBody,
  indexValueResponse,
  indexValuesResponse,
  seriesParam,
} from '../../contracts/indices.js'
import { recordBody, recordResponse } from '../../contracts/record.js'
import { getAgreement } from '../../services/record/agreements.js'
import { addIndexValue, listIndexValues } from '../../services/record/index-values.js'
import { problemResponses, readErrors, writeErrors } from '../problem.js'
import { scopeOfRequest, who, type App, type RouteContext } from '../request-context.js'

/** `index=SERIES:YEAR=VALUE` query values → overrides; a bad one names its position. */
function overridesOf(raw: string | readonly string[] | undefined): IndexOverride[] {
  const flags = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw
  return flags.map((f, i) => {
    try {
      return parseIndexOverride(f)
    } catch (err) {
      const detail = err instanceof Error ? err.message : 'invalid'
      throw new DomainError('invalid', 'The index parameter is not valid.', {
        errors: [{ pointer: `/querystring/index/${i}`, detail }],
      })
    }
  })
}

/** The public record: agreements, their schedules, the record as one document, index series. */
export function registerAgreementRoutes(app: App, ctx: RouteContext): void {
  const tags = ['agreements']

  app.get(
    '/api/agreements',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'listAgreements',
        summary: 'Every agreement visible to you, with its status as of a day',
        tags,
        querystring: agreementsQuery,
        response: { 200: agreementsResponse, ...readErrors },
      },
    },
    async (req) =>
      agreementList(await ctx.record.snapshot(scopeOfRequest(req)), req.query.asOf ?? ctx.today()),
  )

  app.get(
    '/api/agreements/:id',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'getAgreement',
        summary: 'One agreement: its full specification and revision id',
        tags,
        params: agreementParams,
        response: { 200: agreementResponse, ...readErrors },
      },
    },
    async (req) => {
      const a = await getAgreement(ctx.store.db, scopeOfRequest(req), ctx.cache, req.params.id)
      return { agreement: a.spec, revisionId: a.revisionId }
    },
  )

  app.get(
    '/api/agreements/:id/schedule',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'getAgreementSchedule',
        summary: 'Yearly figures of an agreement with their derivations',
        description:
          'Computed from the stored index values; `index=SERIES:YEAR=VALUE` (repeatable) adds what-if values. Same JSON as `sma schedule --json`.',
        tags,
        params: agreementParams,
        querystring: scheduleQuery,
        response: { 200: scheduleResponse, ...readErrors, ...problemResponses(422) },
      },
    },
    async (req) => {
      const overrides = overridesOf(req.query.index)
      const snapshot = await ctx.record.snapshot(scopeOfRequest(req))
      return scheduleInRecord(snapshot, req.params.id, overrides)
    },
  )

  app.get(
    '/api/record',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'getRecord',
        summary: 'The record in one document: every visible agreement and every index series',
        description:
          'What the web app and `sma … --server` compute schedules, explanations and checks from, with the same code as the server.',
        tags,
        response: { 200: recordResponse, ...readErrors },
      },
    },
    async (req) => recordBody(await ctx.record.snapshot(scopeOfRequest(req))),
  )

  app.get(
    '/api/indices/:series/values',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'listIndexValues',
        summary: 'Every release of an index series, in release order',
        tags,
        params: seriesParam,
        response: { 200: indexValuesResponse, ...readErrors },
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
        operationId: 'addIndexValue',
        summary: 'Record a release of one period (a new figure, or a revision)',
        description: 'Schedules, the record document and the web app use it at once.',
        tags,
        params: seriesParam,
        body: indexValueBody,
        response: { 201: indexValueResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { actor } = who(req)
      const b = req.body
      const value = await addIndexValue(
        ctx.store,
        actor,
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
