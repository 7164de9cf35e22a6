import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { scopeOf, type AccessScope } from '../../domain/access/scope.js'
import type { Principal } from '../../domain/access/permissions.js'
import { smaAnalysisSetupSchema } from '../../domain/bargaining/sma-package-space.js'
import {
  analysisResult,
  analyzeGeniusTexts,
  checkSetup,
  computeSmaAnalysis,
  createAnalysis,
  getAnalysis,
  listAnalyses,
  simulateAnalysis,
  updateAnalysis,
} from '../../services/analyses.js'
import type { Actor } from '../../services/audit.js'
import { ServiceError } from '../../services/errors.js'
import { actorOf } from '../../services/users.js'
import { errorResponses, problemSchema } from '../problem.js'
import {
  analysesResponse,
  analysisBody,
  analysisParams,
  analysisResponse,
  analysisResult as analysisResultSchema,
  geniusBody,
  negotiationParams,
  simulationBody,
  simulationResult,
} from '../schemas.js'
import type { App, RouteContext } from '../app.js'
import { requireIfMatch } from './negotiations.routes.js'

const ifMatchHeaders = z.object({ 'if-match': z.string().max(200).optional() })

function who(req: FastifyRequest): { principal: Principal; actor: Actor; scope: AccessScope } {
  const principal = req.auth?.principal
  if (!principal) throw new ServiceError('unauthorized', 'Log in first.')
  return { principal, actor: actorOf(principal), scope: scopeOf(principal) }
}

/**
 * Bargaining analyses (issue 5, docs/negotiation-analysis.md): SMA analysis setups stored in a
 * negotiation, always private to the author's party; their results computed per request (never
 * cached across users); an SMA setup computed without storing; GENIUS/GeniusWeb texts analysed.
 */
export function registerAnalysisRoutes(app: App, ctx: RouteContext): void {
  const tags = ['analyses']

  app.get(
    '/api/negotiations/:id/analyses',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        description: "The own party's analyses of the negotiation (always party-private).",
        params: negotiationParams,
        response: { 200: analysesResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { scope } = who(req)
      return { analyses: await listAnalyses(ctx.store.db, scope, req.params.id) }
    },
  )

  app.post(
    '/api/negotiations/:id/analyses',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        description:
          "Stores an SMA analysis setup, private to the author's party; its viewpoint must be that party.",
        params: negotiationParams,
        body: analysisBody,
        response: { 201: analysisResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const a = await createAnalysis(ctx.store, actor, scope, req.params.id, req.body, ctx.now)
      return reply.code(201).header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.get(
    '/api/negotiations/:id/analyses/:aid',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        params: analysisParams,
        response: { 200: analysisResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { scope } = who(req)
      const a = await getAnalysis(ctx.store.db, scope, req.params.id, req.params.aid)
      return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.put(
    '/api/negotiations/:id/analyses/:aid',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        description:
          'Replaces an analysis. Needs If-Match: "<etag>"; stale → 412 (with currentETag), missing → 428.',
        params: analysisParams,
        headers: ifMatchHeaders,
        body: analysisBody,
        response: { 200: analysisResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { actor, scope } = who(req)
      const etag = requireIfMatch(req.headers['if-match'])
      const a = await updateAnalysis(
        ctx.store,
        actor,
        scope,
        req.params.id,
        req.params.aid,
        etag,
        req.body,
        ctx.now,
      )
      return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.get(
    '/api/negotiations/:id/analyses/:aid/result',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        description:
          'Prices every package with the agreement engine and analyses the space: frontier (with amounts), solutions, ZOPA, the utility cloud. Computed per request; a setup that cannot be priced → 422.',
        params: analysisParams,
        response: { 200: analysisResultSchema, ...errorResponses, 422: problemSchema },
      },
    },
    async (req) => {
      const { scope } = who(req)
      return analysisResult(ctx.store.db, scope, ctx.cache, req.params.id, req.params.aid)
    },
  )

  app.post(
    '/api/negotiations/:id/analyses/:aid/simulate',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        description:
          "Simulates alternating offers on the analysis's package space (own party only, nothing stored): strategies for A and B, rounds (≤ 2000) or roundDays to end at the negotiation's next deadline, seed. Returns the agreement or null and both sides' offers as [uA, uB] (≤ 500 points each).",
        params: analysisParams,
        body: simulationBody,
        response: { 200: simulationResult, ...errorResponses, 422: problemSchema },
      },
    },
    async (req) => {
      const { scope } = who(req)
      return simulateAnalysis(
        ctx.store.db,
        scope,
        ctx.cache,
        req.params.id,
        req.params.aid,
        req.body,
        ctx.today(),
      )
    },
  )

  app.post(
    '/api/analysis/run',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        description:
          "Computes an SMA analysis setup without storing it (viewpoint: the caller's party or neutral). The result goes to the caller only.",
        body: smaAnalysisSetupSchema,
        response: { 200: analysisResultSchema, ...errorResponses, 422: problemSchema },
      },
    },
    async (req) => {
      const { principal, scope } = who(req)
      const party = principal.party === 'PUBLIC' ? 'neutral' : principal.party
      checkSetup(req.body, [party, 'neutral'], '')
      return computeSmaAnalysis(ctx.store.db, scope, ctx.cache, req.body)
    },
  )

  app.post(
    '/api/analysis/genius',
    {
      config: { permission: 'public:read' },
      schema: {
        tags,
        description:
          'Analyses a GENIUS (XML) or GeniusWeb (JSON) scenario given as texts (each ≤ 256 KiB, ≤ 200,000 outcomes). Open to everyone: only the caller’s inputs are used and nothing is stored.',
        body: geniusBody,
        response: { 200: analysisResultSchema, ...errorResponses, 422: problemSchema },
      },
    },
    (req) => analyzeGeniusTexts(req.body),
  )
}
