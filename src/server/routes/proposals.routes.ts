import { can } from '../../domain/access/permissions.js'
import { DomainError } from '../../domain/errors.js'
import { ifMatchHeaders } from '../../contracts/common.js'
import { childParams, negotiationParams } from '../../contracts/negotiations.js'
import {
  acceptedResponse,
  draftUpdated,
  proposalBody,
  proposalCreated,
  proposalResponse,
  proposalUpdateBody,
  proposalsResponse,
  tabledResponse,
} from '../../contracts/proposals.js'
import {
  acceptProposal,
  createProposal,
  getProposal,
  listProposals,
  tableProposal,
  updateDraft,
} from '../../services/negotiations/proposals.js'
import { problemResponses, readErrors, writeErrors } from '../problem.js'
import {
  requireIfMatch,
  scopeOfRequest,
  who,
  type App,
  type RouteContext,
} from '../request-context.js'

/** Proposals: private drafts, tabling (then immutable), acceptance by the other party. */
export function registerProposalRoutes(app: App, ctx: RouteContext): void {
  const tags = ['negotiations']

  app.get(
    '/api/negotiations/:id/proposals',
    {
      config: { permission: 'negotiation:read' },
      schema: {
        operationId: 'listProposals',
        summary: 'Proposals visible to you (tabled ones, and your own drafts), with schedules',
        tags,
        params: negotiationParams,
        response: { 200: proposalsResponse, ...readErrors },
      },
    },
    async (req) => {
      const scope = scopeOfRequest(req)
      return {
        proposals: await listProposals(ctx.store.db, scope, ctx.cache, req.params.id, () =>
          ctx.record.snapshot(scope),
        ),
      }
    },
  )

  app.post(
    '/api/negotiations/:id/proposals',
    {
      config: { permission: 'proposal:draft' },
      schema: {
        operationId: 'createProposal',
        summary: 'Store a private draft, or table a proposal at once',
        description:
          'A private draft (visibility "private"), or a proposal tabled at once ("shared", needs proposal:table). The spec is stored as a content-addressed revision.',
        tags,
        params: negotiationParams,
        body: proposalBody,
        response: { 201: proposalCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { actor, scope, principal } = who(req)
      if (req.body.visibility === 'shared' && !can(principal, 'proposal:table')) {
        throw new DomainError('forbidden', 'Tabling a proposal needs a negotiator.')
      }
      const created = await createProposal(
        ctx.store,
        actor,
        scope,
        req.params.id,
        req.body,
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
        operationId: 'getProposal',
        summary: 'One proposal with its schedule (ETag for drafts)',
        tags,
        params: childParams,
        response: { 200: proposalResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const scope = scopeOfRequest(req)
      const p = await getProposal(
        ctx.store.db,
        scope,
        ctx.cache,
        req.params.id,
        req.params.pid,
        () => ctx.record.snapshot(scope),
      )
      return reply.header('etag', `"${p.etag}"`).send({ proposal: p })
    },
  )

  app.put(
    '/api/negotiations/:id/proposals/:pid',
    {
      config: { permission: 'proposal:draft' },
      schema: {
        operationId: 'updateDraft',
        summary: 'Replace a private draft (If-Match required)',
        description: 'Tabled proposals are immutable: 409. Stale ETag: 412; no If-Match: 428.',
        tags,
        params: childParams,
        headers: ifMatchHeaders,
        body: proposalUpdateBody,
        response: { 200: draftUpdated, ...writeErrors, ...problemResponses(412, 428) },
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
        operationId: 'tableProposal',
        summary: 'Table your draft: it becomes visible to the other delegation and immutable',
        tags,
        params: childParams,
        response: { 200: tabledResponse, ...writeErrors },
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
        operationId: 'acceptProposal',
        summary: "Accept the other delegation's tabled proposal",
        tags,
        params: childParams,
        response: { 200: acceptedResponse, ...writeErrors },
      },
    },
    async (req) => {
      const { actor, scope } = who(req)
      return acceptProposal(ctx.store, actor, scope, req.params.id, req.params.pid, ctx.now)
    },
  )
}
