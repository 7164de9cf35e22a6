import { negotiationOperations as ops } from '../../contracts/operations.js'
import { addEvent, addRound } from '../../services/negotiations/events.js'
import {
  createNegotiation,
  getNegotiation,
  listNegotiations,
} from '../../services/negotiations/negotiation.js'
import { bind } from '../bind.js'
import { readerOf, writerOf, type App, type RouteContext } from '../request-context.js'

/** Negotiations, their rounds and lifecycle events (proposals and positions: their own modules). */
export function registerNegotiationRoutes(app: App, ctx: RouteContext): void {
  bind(app, ops.listNegotiations, async (req) => ({
    negotiations: await listNegotiations(readerOf(req, ctx), ctx.today()),
  }))
  bind(app, ops.createNegotiation, async (req, reply) =>
    reply.code(201).send(await createNegotiation(writerOf(req, ctx), req.body)),
  )
  bind(app, ops.getNegotiation, async (req) => ({
    negotiation: await getNegotiation(readerOf(req, ctx), req.params.id, ctx.today()),
  }))
  bind(app, ops.addRound, async (req, reply) =>
    reply.code(201).send(await addRound(writerOf(req, ctx), req.params.id, req.body)),
  )
  bind(app, ops.addEvent, async (req, reply) =>
    reply.code(201).send(await addEvent(writerOf(req, ctx), req.params.id, req.body)),
  )
}
