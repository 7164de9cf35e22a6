import { analysisOperations as ops } from '../../contracts/operations.js'
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
import { bind } from '../bind.js'
import { requireIfMatch, who, type RouteKit } from '../request-context.js'

/**
 * Bargaining analyses (docs/negotiation-analysis.md): SMA analysis setups stored in a
 * negotiation, always private to the author's party; their results computed per request (never
 * cached across users); an SMA setup computed without storing; GENIUS/GeniusWeb texts analysed.
 */
export function registerAnalysisRoutes({ app, ctx, reader, writer }: RouteKit): void {
  bind(app, ops.listAnalyses, async (req) => ({
    analyses: await listAnalyses(reader(req), req.params.id),
  }))
  bind(app, ops.createAnalysis, async (req, reply) => {
    const a = await createAnalysis(writer(req), req.params.id, req.body)
    return reply.code(201).header('etag', `"${a.etag}"`).send({ analysis: a })
  })
  bind(app, ops.getAnalysis, async (req, reply) => {
    const a = await getAnalysis(reader(req), req.params.id, req.params.aid)
    return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
  })
  bind(app, ops.updateAnalysis, async (req, reply) => {
    const etag = requireIfMatch(req.headers['if-match'])
    const w = writer(req)
    const a = await updateAnalysis(w, req.params.id, req.params.aid, etag, req.body)
    return reply.header('etag', `"${a.etag}"`).send({ analysis: a })
  })
  bind(app, ops.getAnalysisResult, async (req) => {
    const r = reader(req)
    return analysisResult(r, await ctx.record.snapshot(r.scope), req.params.id, req.params.aid)
  })
  bind(app, ops.simulateAnalysis, async (req) => {
    const r = reader(req)
    const snapshot = await ctx.record.snapshot(r.scope)
    return simulateAnalysis(r, snapshot, req.params.id, req.params.aid, req.body, ctx.today())
  })
  bind(app, ops.runAnalysis, async (req) => {
    const { principal, scope } = who(req)
    const party = principal.party === 'PUBLIC' ? 'neutral' : principal.party
    checkSetup(req.body, [party, 'neutral'], '')
    return computeSmaAnalysis(await ctx.record.snapshot(scope), req.body)
  })
  bind(app, ops.analyzeGenius, (req) => analyzeGeniusTexts(req.body))
}
