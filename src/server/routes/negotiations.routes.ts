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
import { readerOf, writerOf, type App, type RouteContext } from '../request-context.js'

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
      negotiations: await listNegotiations(readerOf(req, ctx), ctx.today()),
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
      return reply.code(201).send(await createNegotiation(writerOf(req, ctx), req.body))
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
      negotiation: await getNegotiation(readerOf(req, ctx), req.params.id, ctx.today()),
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
      return reply.code(201).send(await addRound(writerOf(req, ctx), req.params.id, req.body))
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
      return reply.code(201).send(await addEvent(writerOf(req, ctx), req.params.id, req.body))
    },
  )
}
