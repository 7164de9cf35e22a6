import { positionOperations as ops } from '../../contracts/operations.js'
import {
  createPosition,
  getPosition,
  listPositions,
  updatePosition,
} from '../../services/negotiations/positions.js'
import { bind } from '../bind.js'
import { requireIfMatch, type RouteKit } from '../request-context.js'

/** A delegation's positions: always private to its party, versioned by ETag. */
export function registerPositionRoutes({ app, reader, writer }: RouteKit): void {
  bind(app, ops.listPositions, async (req) => ({
    positions: await listPositions(reader(req), req.params.id),
  }))
  bind(app, ops.createPosition, async (req, reply) => {
    const p = await createPosition(writer(req), req.params.id, req.body)
    return reply.code(201).header('etag', `"${p.etag}"`).send({ position: p })
  })
  bind(app, ops.getPosition, async (req, reply) => {
    const p = await getPosition(reader(req), req.params.id, req.params.pid)
    return reply.header('etag', `"${p.etag}"`).send({ position: p })
  })
  bind(app, ops.updatePosition, async (req, reply) => {
    const etag = requireIfMatch(req.headers['if-match'])
    const p = await updatePosition(writer(req), req.params.id, req.params.pid, etag, req.body)
    return reply.header('etag', `"${p.etag}"`).send({ position: p })
  })
}
