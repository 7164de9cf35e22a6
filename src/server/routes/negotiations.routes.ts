import { negotiationOperations as ops } from '../../contracts/operations.js'
import { addEvent, addRound, confirmEvent } from '../../services/negotiations/events.js'
import {
  createNegotiation,
  getNegotiation,
  listNegotiations,
} from '../../services/negotiations/negotiation.js'
import { bind } from '../bind.js'
import { type RouteKit } from '../request-context.js'

/** Negotiations, their rounds and lifecycle events (proposals and positions: their own modules). */
export function registerNegotiationRoutes({ app, ctx, reader, writer }: RouteKit): void {
  bind(app, ops.listNegotiations, async (req) => ({
    negotiations: await listNegotiations(reader(req), ctx.today()),
  }))
  bind(app, ops.createNegotiation, async (req, reply) =>
    reply.code(201).send(await createNegotiation(writer(req), req.body)),
  )
  bind(app, ops.getNegotiation, async (req) => ({
    negotiation: await getNegotiation(reader(req), req.params.id, ctx.today()),
  }))
  bind(app, ops.addRound, async (req, reply) =>
    reply.code(201).send(await addRound(writer(req), req.params.id, req.body)),
  )
  bind(app, ops.addEvent, async (req, reply) =>
    reply.code(201).send(await addEvent(writer(req), req.params.id, req.body)),
  )
  bind(app, ops.confirmEvent, async (req) =>
    confirmEvent(writer(req), req.params.id, req.params.eid),
  )
}
