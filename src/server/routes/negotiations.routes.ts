import { negotiationOperations as ops } from '../../contracts/operations.js'
import { addEvent, addRound } from '../../services/negotiations/events.js'
import {
  createNegotiation,
  getNegotiation,
  listNegotiations,
} from '../../services/negotiations/negotiation.js'
import { notFound } from '../../domain/errors.js'
import { negotiationBriefFile, negotiationFile } from '../../exports/make.js'
import {
  negotiationBriefInput,
  negotiationTimeline,
} from '../../services/exports/negotiation-brief.js'
import { bind } from '../bind.js'
import { fileFormat, sendFile } from '../files.js'
import { type RouteKit } from '../request-context.js'

/** Negotiations, their rounds and lifecycle events (proposals and positions: their own modules). */
export function registerNegotiationRoutes({ app, ctx, reader, writer }: RouteKit): void {
  bind(app, ops.listNegotiations, async (req) => ({
    negotiations: await listNegotiations(reader(req), ctx.today()),
  }))
  bind(app, ops.createNegotiation, async (req, reply) =>
    reply.code(201).send(await createNegotiation(writer(req), req.body)),
  )
  bind(app, ops.getNegotiation, async (req, reply) => {
    const format = fileFormat(req, req.query.format)
    if (format === null)
      return { negotiation: await getNegotiation(reader(req), req.params.id, ctx.today()) }
    const r = reader(req)
    const timeline = await negotiationTimeline(r, req.params.id, ctx.today(), () =>
      ctx.record.snapshot(r.scope),
    )
    const file = await negotiationFile(timeline, req.query.lang ?? 'en', format, ctx.today())
    return sendFile(reply, file, timeline.visibility !== 'public')
  })
  bind(app, ops.getNegotiationBrief, async (req, reply) => {
    // Outsiders (anonymous, PUBLIC) get the 404 of a missing negotiation, not a 401 or 403.
    const party = req.auth?.principal.party
    if (party !== 'KR' && party !== 'US') throw notFound()
    const w = writer(req)
    const input = await negotiationBriefInput(w, req.params.id, ctx.today(), () =>
      ctx.record.snapshot(w.scope),
    )
    return sendFile(reply, await negotiationBriefFile(input, req.query.lang, ctx.now()), true)
  })
  bind(app, ops.addRound, async (req, reply) =>
    reply.code(201).send(await addRound(writer(req), req.params.id, req.body)),
  )
  bind(app, ops.addEvent, async (req, reply) =>
    reply.code(201).send(await addEvent(writer(req), req.params.id, req.body)),
  )
}
