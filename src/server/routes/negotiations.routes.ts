import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { scopeOf, type AccessScope } from '../../domain/access/scope.js'
import type { Principal } from '../../domain/access/permissions.js'
import type { Actor } from '../../services/audit.js'
import { ServiceError } from '../../services/errors.js'
import {
  acceptProposal,
  addEvent,
  addRound,
  createNegotiation,
  createPosition,
  createProposal,
  getNegotiation,
  getPosition,
  getProposal,
  listNegotiations,
  listPositions,
  listProposals,
  tableProposal,
  updateDraft,
  updatePosition,
} from '../../services/negotiations.js'
import { actorOf } from '../../services/users.js'
import { errorResponses } from '../problem.js'
import {
  acceptedResponse,
  childParams,
  createdResponse,
  draftUpdated,
  eventBody,
  negotiationBody,
  negotiationParams,
  negotiationResponse,
  negotiationsResponse,
  positionBody,
  positionResponse,
  positionsResponse,
  proposalBody,
  proposalCreated,
  proposalResponse,
  proposalUpdateBody,
  proposalsResponse,
  roundBody,
  tabledResponse,
} from '../schemas.js'
import type { App, RouteContext } from '../app.js'

const ifMatchHeaders = z.object({ 'if-match': z.string().max(200).optional() })

/** `If-Match: "<etag>"` → the etag; missing → 428; malformed → 400 (never 412). */
export function requireIfMatch(value: string | undefined): string {
  if (value === undefined) {
    throw new ServiceError('precondition-required', 'Send If-Match with the ETag you read.')
  }
  const m = /^(?:W\/)?"([A-Za-z0-9-]{1,100})"$/.exec(value.trim())
  if (!m?.[1]) {
    throw new ServiceError('invalid', 'If-Match must be a quoted ETag, e.g. "3f2c…".', {
      errors: [{ pointer: '/headers/if-match', detail: 'a quoted entity tag' }],
    })
  }
  return m[1]
}

function who(req: FastifyRequest): { principal: Principal; actor: Actor; scope: AccessScope } {
  const principal = req.auth?.principal
  if (!principal) throw new ServiceError('unauthorized', 'Log in first.')
  return { principal, actor: actorOf(principal), scope: scopeOf(principal) }
}

const scopeOfReq = (req: FastifyRequest): AccessScope => scopeOf(req.auth?.principal ?? null)

/** Negotiations, rounds, lifecycle events, proposals and party-private positions. */
export function registerNegotiationRoutes(app: App, ctx: RouteContext): void {
  const tags = ['negotiations']

  app.get(
    '/api/negotiations',
    {
      config: { permission: 'negotiation:read' },
      schema: { tags, response: { 200: negotiationsResponse, ...errorResponses } },
    },
    async (req) => ({
      negotiations: await listNegotiations(ctx.store.db, scopeOfReq(req), ctx.today()),
    }),
  )

  app.post(
    '/api/negotiations',
    {
      config: { permission: 'negotiation:create' },
      schema: {
        tags,
        body: negotiationBody,
        response: { 201: createdResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor } = who(req)
      const created = await createNegotiation(ctx.store, actor, req.body, ctx.now)
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/api/negotiations/:id',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        tags,
        params: negotiationParams,
        response: { 200: negotiationResponse, ...errorResponses },
      },
    },
    async (req) => ({
      negotiation: await getNegotiation(ctx.store.db, scopeOfReq(req), req.params.id, ctx.today()),
    }),
  )

  app.post(
    '/api/negotiations/:id/rounds',
    {
      config: { permission: 'round:write' },
      schema: {
        tags,
        params: negotiationParams,
        body: roundBody,
        response: { 201: createdResponse, ...errorResponses },
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
        tags,
        description:
          'Records a lifecycle event (text agreed, signed, a domestic procedure, entry into force, an external event, a note). Signing and later steps need a mutual conclusion; entry into force needs both domestic procedures.',
        params: negotiationParams,
        body: eventBody,
        response: { 201: createdResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const r = await addEvent(ctx.store, actor, scope, req.params.id, req.body, ctx.now)
      return reply.code(201).send(r)
    },
  )

  // ---------------------------------------------------------------- proposals
  app.get(
    '/api/negotiations/:id/proposals',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        tags,
        params: negotiationParams,
        response: { 200: proposalsResponse, ...errorResponses },
      },
    },
    async (req) => ({
      proposals: await listProposals(ctx.store.db, scopeOfReq(req), ctx.cache, req.params.id),
    }),
  )

  app.post(
    '/api/negotiations/:id/proposals',
    {
      config: { permission: 'proposal:draft' },
      schema: {
        tags,
        description:
          'A private draft (visibility "private"), or a proposal tabled at once ("shared", needs proposal:table). The spec is stored as a content-addressed revision.',
        params: negotiationParams,
        body: proposalBody,
        response: { 201: proposalCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope, principal } = who(req)
      if (req.body.visibility === 'shared' && !['negotiator', 'admin'].includes(principal.role)) {
        throw new ServiceError('forbidden', 'Tabling a proposal needs a negotiator.')
      }
      const created = await createProposal(
        ctx.store,
        actor,
        scope,
        req.params.id,
        {
          title: req.body.title,
          visibility: req.body.visibility,
          spec: req.body.spec,
          roundId: req.body.roundId ?? null,
          revises: req.body.revises ?? null,
        },
        ctx.now,
      )
      return reply.code(201).header('etag', `"${created.etag}"`).send(created)
    },
  )

  app.get(
    '/api/negotiations/:id/proposals/:pid',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        tags,
        params: childParams,
        response: { 200: proposalResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = await getProposal(
        ctx.store.db,
        scopeOfReq(req),
        ctx.cache,
        req.params.id,
        req.params.pid,
      )
      return reply.header('etag', `"${p.etag}"`).send({ proposal: p })
    },
  )

  app.put(
    '/api/negotiations/:id/proposals/:pid',
    {
      config: { permission: 'proposal:draft' },
      schema: {
        tags,
        description:
          'Replaces a private draft (If-Match required). Tabled proposals are immutable: 409.',
        params: childParams,
        headers: ifMatchHeaders,
        body: proposalUpdateBody,
        response: { 200: draftUpdated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const etag = requireIfMatch(req.headers['if-match'])
      const r = await updateDraft(
        ctx.store,
        actor,
        scope,
        req.params.id,
        req.params.pid,
        etag,
        req.body,
        ctx.now,
      )
      return reply.header('etag', `"${r.etag}"`).send(r)
    },
  )

  app.post(
    '/api/negotiations/:id/proposals/:pid/table',
    {
      config: { permission: 'proposal:table' },
      schema: {
        tags,
        params: childParams,
        response: { 200: tabledResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { actor, scope } = who(req)
      return tableProposal(ctx.store, actor, scope, req.params.id, req.params.pid, ctx.now)
    },
  )

  app.post(
    '/api/negotiations/:id/proposals/:pid/accept',
    {
      config: { permission: 'proposal:accept' },
      schema: {
        tags,
        params: childParams,
        response: { 200: acceptedResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { actor, scope } = who(req)
      return acceptProposal(ctx.store, actor, scope, req.params.id, req.params.pid, ctx.now)
    },
  )

  // ---------------------------------------------------------------- positions
  app.get(
    '/api/negotiations/:id/positions',
    {
      config: { permission: 'position:read' },
      schema: {
        tags,
        params: negotiationParams,
        response: { 200: positionsResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { scope } = who(req)
      return { positions: await listPositions(ctx.store.db, scope, req.params.id) }
    },
  )

  app.post(
    '/api/negotiations/:id/positions',
    {
      config: { permission: 'position:write' },
      schema: {
        tags,
        params: negotiationParams,
        body: positionBody,
        response: { 201: positionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const p = await createPosition(ctx.store, actor, scope, req.params.id, req.body, ctx.now)
      return reply.code(201).header('etag', `"${p.etag}"`).send({ position: p })
    },
  )

  app.get(
    '/api/negotiations/:id/positions/:pid',
    {
      config: { permission: 'position:read' },
      schema: {
        tags,
        params: childParams,
        response: { 200: positionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { scope } = who(req)
      const p = await getPosition(ctx.store.db, scope, req.params.id, req.params.pid)
      return reply.header('etag', `"${p.etag}"`).send({ position: p })
    },
  )

  app.put(
    '/api/negotiations/:id/positions/:pid',
    {
      config: { permission: 'position:write' },
      schema: {
        tags,
        description:
          'Replaces a position. Needs If-Match: "<etag>"; stale → 412 (with currentETag), missing → 428.',
        params: childParams,
        headers: ifMatchHeaders,
        body: positionBody,
        response: { 200: positionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const etag = requireIfMatch(req.headers['if-match'])
      const p = await updatePosition(
        ctx.store,
        actor,
        scope,
        req.params.id,
        req.params.pid,
        etag,
        req.body,
        ctx.now,
      )
      return reply.header('etag', `"${p.etag}"`).send({ position: p })
    },
  )
}
