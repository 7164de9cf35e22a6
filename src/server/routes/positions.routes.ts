import { positionOperations as ops } from '../../contracts/operations.js'
import {
  createPosition,
  getPosition,
  listPositions,
  updatePosition,
} from '../../services/negotiations/positions.js'
import { bind } from '../bind.js'
import {
  readerOf,
  requireIfMatch,
  writerOf,
  type App,
  type RouteContext,
} from '../request-context.js'

/** A delegation's positions: always private to its party, versioned by ETag. */
export function registerPositionRoutes(app: App, ctx: RouteContext): void {
  bind(app, ops.listPositions, async (req) => ({
    positions: await listPositions(readerOf(req, ctx), req.params.id),
  }))
  bind(app, ops.createPosition, async (req, reply) => {
    const p = await createPosition(writerOf(req, ctx), req.params.id, req.body)
    return reply.code(201).header('etag', `"${p.etag}"`).send({ position: p })
  })
  bind(app, ops.getPosition, async (req, reply) => {
    const p = await getPosition(readerOf(req, ctx), req.params.id, req.params.pid)
    return reply.header('etag', `"${p.etag}"`).send({ position: p })
  })
  bind(app, ops.updatePosition, async (req, reply) => {
    const etag = requireIfMatch(req.headers['if-match'])
    const p = await updatePosition(
      writerOf(req, ctx),
      req.params.id,
      req.params.pid,
      etag,
      req.body,
    )
    return reply.header('etag', `"${p.etag}"`).send({ position: p })
  })
}
