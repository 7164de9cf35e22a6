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
  readerOf,
  requireIfMatch,
  writerOf,
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
      const r = readerOf(req, ctx)
      return {
        proposals: await listProposals(r, req.params.id, () => ctx.record.snapshot(r.scope)),
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
      if (req.body.visibility === 'shared' && !can(req.auth?.principal ?? null, 'proposal:table')) {
        throw new DomainError('forbidden', 'Tabling a proposal needs a negotiator.')
      }
      const created = await createProposal(writerOf(req, ctx), req.params.id, req.body)
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
      const r = readerOf(req, ctx)
      const p = await getProposal(r, req.params.id, req.params.pid, () =>
        ctx.record.snapshot(r.scope),
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
      const etag = requireIfMatch(req.headers['if-match'])
      const r = await updateDraft(writerOf(req, ctx), req.params.id, req.params.pid, etag, req.body)
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
      return tableProposal(writerOf(req, ctx), req.params.id, req.params.pid)
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
      return acceptProposal(writerOf(req, ctx), req.params.id, req.params.pid)
    },
  )
}
