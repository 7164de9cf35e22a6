import { createdResponse } from '../../contracts/common.js'
import {
  eventBody,
  negotiationBody,
  negotiationParams,
  negotiationResponse,
  negotiationsResponse,
  roundBody,
} from '../../contracts/negotiations.js'
import { addEvent, addRound } from '../../services/negotiations/events.js'
import {
  createNegotiation,
  getNegotiation,
  listNegotiations,
} from '../../services/negotiations/negotiation.js'
import { readErrors, writeErrors } from '../problem.js'
import { scopeOfRequest, who, type App, type RouteContext } from '../request-context.js'

/** Negotiations, their rounds and lifecycle events (proposals and positions: their own modules). */
export function registerNegotiationRoutes(app: App, ctx: RouteContext): void {
  const tags = ['negotiations']

  app.get(
    '/api/negotiations',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        operationId: 'listNegotiations',
        summary: 'Negotiations visible to you, with status, lapse and next deadline',
        tags,
        response: { 200: negotiationsResponse, ...readErrors },
      },
    },
    async (req) => ({
      negotiations: await listNegotiations(ctx.store.db, scopeOfRequest(req), ctx.today()),
    }),
  )

  app.post(
    '/api/negotiations',
    {
      config: { permission: 'negotiation:create' },
      schema: {
        operationId: 'createNegotiation',
        summary: 'Open a negotiation (private to your delegation, or shared with the other)',
        tags,
        body: negotiationBody,
        response: { 201: createdResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { actor } = who(req)
      return reply.code(201).send(await createNegotiation(ctx.store, actor, req.body, ctx.now))
    },
  )

  app.get(
    '/api/negotiations/:id',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        operationId: 'getNegotiation',
        summary: 'A negotiation: deadlines, delegations, rounds, events and acceptances',
        tags,
        params: negotiationParams,
        response: { 200: negotiationResponse, ...readErrors },
      },
    },
    async (req) => ({
      negotiation: await getNegotiation(
        ctx.store.db,
        scopeOfRequest(req),
        req.params.id,
        ctx.today(),
      ),
    }),
  )

  app.post(
    '/api/negotiations/:id/rounds',
    {
      config: { permission: 'round:write' },
      schema: {
        operationId: 'addRound',
        summary: 'Record a round of talks (shared between the delegations)',
        tags,
        params: negotiationParams,
        body: roundBody,
        response: { 201: createdResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const r = await addRound(ctx.store, actor, scope, req.params.id, req.body, ctx.now)
      return reply.code(201).send(r)
    },
  )

  app.post(
    '/api/negotiations/:id/events',
    {
      config: { permission: 'event:write' },
      schema: {
        operationId: 'addEvent',
        summary: 'Record a lifecycle event (text agreed, signed, a domestic procedure…)',
        description:
          'Signing and later steps need a mutual conclusion; entry into force needs both domestic procedures; a party records only its own domestic procedure.',
        tags,
        params: negotiationParams,
        body: eventBody,
        response: { 201: createdResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const r = await addEvent(ctx.store, actor, scope, req.params.id, req.body, ctx.now)
      return reply.code(201).send(r)
    },
  )
}
