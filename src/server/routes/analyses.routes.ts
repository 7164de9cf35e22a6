import { smaAnalysisSetup } from '../../contracts/domain-shapes.js'
import {
  analysesResponse,
  analysisBody,
  analysisParams,
  analysisResponse,
  analysisResult as analysisResultSchema,
  geniusBody,
  simulationBody,
  simulationResult,
} from '../../contracts/analyses.js'
import { ifMatchHeaders } from '../../contracts/common.js'
import { negotiationParams } from '../../contracts/negotiations.js'
import { analyzeGeniusTexts } from '../../services/analyses/genius.js'
import { analysisResult, computeSmaAnalysis } from '../../services/analyses/results.js'
import {
  checkSetup,
  createAnalysis,
  getAnalysis,
  listAnalyses,
  updateAnalysis,
} from '../../services/analyses/setups.js'
import { simulateAnalysis } from '../../services/analyses/simulation.js'
import { problemResponses, readErrors, writeErrors } from '../problem.js'
import {
  readerOf,
  requireIfMatch,
  who,
  writerOf,
  type App,
  type RouteContext,
} from '../request-context.js'

const computeErrors = { ...writeErrors, ...problemResponses(422) }

/**
 * Bargaining analyses (docs/negotiation-analysis.md): SMA analysis setups stored in a
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
        operationId: 'listAnalyses',
        summary: "Your delegation's analyses of a negotiation (always party-private)",
        tags,
        params: negotiationParams,
        response: { 200: analysesResponse, ...readErrors },
      },
    },
    async (req) => {
      return { analyses: await listAnalyses(readerOf(req, ctx), req.params.id) }
    },
  )

  app.post(
    '/api/negotiations/:id/analyses',
    {
      config: { permission: 'analysis:write' },
      schema: {
        operationId: 'createAnalysis',
        summary: 'Store an SMA analysis setup (private to your delegation)',
        description: "The setup's viewpoint must be your party.",
        tags,
        params: negotiationParams,
        body: analysisBody,
        response: { 201: analysisResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const a = await createAnalysis(writerOf(req, ctx), req.params.id, req.body)
      return reply.code(201).header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.get(
    '/api/negotiations/:id/analyses/:aid',
    {
      config: { permission: 'analysis:read' },
      schema: {
        operationId: 'getAnalysis',
        summary: 'One of your analyses, with its ETag',
        tags,
        params: analysisParams,
        response: { 200: analysisResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const a = await getAnalysis(readerOf(req, ctx), req.params.id, req.params.aid)
      return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.put(
    '/api/negotiations/:id/analyses/:aid',
    {
      config: { permission: 'analysis:write' },
      schema: {
        operationId: 'updateAnalysis',
        summary: 'Replace an analysis (If-Match required)',
        description: 'Stale ETag: 412 with currentETag; no If-Match: 428.',
        tags,
        params: analysisParams,
        headers: ifMatchHeaders,
        body: analysisBody,
        response: { 200: analysisResponse, ...writeErrors, ...problemResponses(412, 428) },
      },
    },
    async (req, reply) => {
      const etag = requireIfMatch(req.headers['if-match'])
      const a = await updateAnalysis(
        writerOf(req, ctx),
        req.params.id,
        req.params.aid,
        etag,
        req.body,
      )
      return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
    },
  )

  app.get(
    '/api/negotiations/:id/analyses/:aid/result',
    {
      config: { permission: 'analysis:read' },
      schema: {
        operationId: 'getAnalysisResult',
        summary: 'Compute an analysis: frontier, solutions, ZOPA, proposals on the plane',
        description:
          'Prices every package with the agreement engine and analyses the space. Computed per request; a setup that cannot be priced → 422.',
        tags,
        params: analysisParams,
        response: { 200: analysisResultSchema, ...readErrors, ...problemResponses(422) },
      },
    },
    async (req) => {
      const r = readerOf(req, ctx)
      return analysisResult(r, await ctx.record.snapshot(r.scope), req.params.id, req.params.aid)
    },
  )

  app.post(
    '/api/negotiations/:id/analyses/:aid/simulate',
    {
      config: { permission: 'analysis:read' },
      schema: {
        operationId: 'simulateAnalysis',
        summary: "Simulate alternating offers on an analysis's package space",
        description:
          "Own party only, nothing stored: strategies for A and B, rounds (≤ 2000) or roundDays to end at the negotiation's next deadline, seed. Returns the agreement or null and both sides' offers as [uA, uB] (≤ 500 points each).",
        tags,
        params: analysisParams,
        body: simulationBody,
        response: { 200: simulationResult, ...computeErrors },
      },
    },
    async (req) => {
      const r = readerOf(req, ctx)
      const snapshot = await ctx.record.snapshot(r.scope)
      return simulateAnalysis(r, snapshot, req.params.id, req.params.aid, req.body, ctx.today())
    },
  )

  app.post(
    '/api/analysis/run',
    {
      config: { permission: 'analysis:write' },
      schema: {
        operationId: 'runAnalysis',
        summary: 'Compute an SMA analysis setup without storing it',
        description:
          'Viewpoint: your party or neutral. The result goes to you only; nothing is stored.',
        tags,
        body: smaAnalysisSetup,
        response: { 200: analysisResultSchema, ...computeErrors },
      },
    },
    async (req) => {
      const { principal, scope } = who(req)
      const party = principal.party === 'PUBLIC' ? 'neutral' : principal.party
      checkSetup(req.body, [party, 'neutral'], '')
      return computeSmaAnalysis(await ctx.record.snapshot(scope), req.body)
    },
  )

  app.post(
    '/api/analysis/genius',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'analyzeGenius',
        summary: 'Analyse a GENIUS (XML) or GeniusWeb (JSON) scenario given as texts',
        description:
          'Each text ≤ 256 KiB, ≤ 200,000 outcomes. Open to everyone: only your inputs are used and nothing is stored.',
        tags,
        body: geniusBody,
        response: { 200: analysisResultSchema, ...computeErrors },
      },
    },
    (req) => analyzeGeniusTexts(req.body),
  )
}
