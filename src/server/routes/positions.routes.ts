import { ifMatchHeaders } from '../../contracts/common.js'
import { childParams, negotiationParams } from '../../contracts/negotiations.js'
import { positionBody, positionResponse, positionsResponse } from '../../contracts/positions.js'
import {
  createPosition,
  getPosition,
  listPositions,
  updatePosition,
} from '../../services/negotiations/positions.js'
import { problemResponses, readErrors, writeErrors } from '../problem.js'
import {
  readerOf,
  requireIfMatch,
  writerOf,
  type App,
  type RouteContext,
} from '../request-context.js'

/** A delegation's positions: always private to its party, versioned by ETag. */
export function registerPositionRoutes(app: App, ctx: RouteContext): void {
  const tags = ['negotiations']

  app.get(
    '/api/negotiations/:id/positions',
    {
      config: { permission: 'position:read' },
      schema: {
        operationId: 'listPositions',
        summary: "Your delegation's positions in a negotiation",
        tags,
        params: negotiationParams,
        response: { 200: positionsResponse, ...readErrors },
      },
    },
    async (req) => {
      return { positions: await listPositions(readerOf(req, ctx), req.params.id) }
    },
  )

  app.post(
    '/api/negotiations/:id/positions',
    {
      config: { permission: 'position:write' },
      schema: {
        operationId: 'createPosition',
        summary: 'Record a position (private to your delegation)',
        tags,
        params: negotiationParams,
        body: positionBody,
        response: { 201: positionResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const p = await createPosition(writerOf(req, ctx), req.params.id, req.body)
      return reply.code(201).header('etag', `"${p.etag}"`).send({ position: p })
    },
  )

  app.get(
    '/api/negotiations/:id/positions/:pid',
    {
      config: { permission: 'position:read' },
      schema: {
        operationId: 'getPosition',
        summary: 'One of your positions, with its ETag',
        tags,
        params: childParams,
        response: { 200: positionResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const p = await getPosition(readerOf(req, ctx), req.params.id, req.params.pid)
      return reply.header('etag', `"${p.etag}"`).send({ position: p })
    },
  )

  app.put(
    '/api/negotiations/:id/positions/:pid',
    {
      config: { permission: 'position:write' },
      schema: {
        operationId: 'updatePosition',
        summary: 'Replace a position (If-Match required)',
        description: 'Stale ETag: 412 with currentETag; no If-Match: 428.',
        tags,
        params: childParams,
        headers: ifMatchHeaders,
        body: positionBody,
        response: { 200: positionResponse, ...writeErrors, ...problemResponses(412, 428) },
      },
    },
    async (req, reply) => {
      const etag = requireIfMatch(req.headers['if-match'])
      const p = await updatePosition(
        writerOf(req, ctx),
        req.params.id,
        req.params.pid,
        etag,
        req.body,
      )
      return reply.header('etag', `"${p.etag}"`).send({ position: p })
    },
  )
}
