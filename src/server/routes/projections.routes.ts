import { DEFAULT_SCENARIO, isStochastic, shippedScenarios } from '../../domain/projection/index.js'
import { evaluationContext } from '../../domain/record/record.js'
import { DomainError } from '../../domain/errors.js'
import { projectionOperations as ops } from '../../contracts/operations.js'
import { projectionResultSchema } from '../../contracts/projections.js'
import { ProjectionPool } from '../../services/projections/projection-pool.js'
import { resolveCompare, resolveScenario, resolveSpec } from '../../services/projections/request.js'
import { IN_THREAD_BELOW, runProjection } from '../../services/projections/run-projection.js'
import { maxPathsFor } from '../../domain/projection/project.js'
import { bind } from '../bind.js'
import { scopeOfRequest, type RouteKit } from '../request-context.js'

/**
 * Projections (docs/projections.md): anyone may project (`public:read`); the agreements and index
 * values come from the asker's scope of the database, so results from private inputs reach only
 * those who may see them. Runs of IN_THREAD_BELOW paths or more go to a worker pool made on
 * first use and destroyed when the app closes, so the event loop stays free; smaller runs yield
 * between chunks. A client that disconnects cancels its run.
 */
export function registerProjectionRoutes({ app, ctx }: RouteKit): void {
  let pool: ProjectionPool | undefined
  app.addHook('onClose', async () => {
    await pool?.destroy()
  })

  bind(app, ops.listScenarios, () => ({
    defaultScenario: DEFAULT_SCENARIO,
    scenarios: shippedScenarios().map((sc) => ({
      id: sc.id,
      version: sc.version,
      title: sc.title,
      description: sc.description,
      stochastic: isStochastic(sc),
      scenario: sc,
    })),
  }))

  bind(app, ops.runProjection, async (req, reply) => {
    const body = req.body
    if ((body.agreement === undefined) === (body.spec === undefined)) {
      throw new DomainError('invalid', 'Send exactly one of "agreement" (an id) and "spec".', {
        errors: [{ pointer: '/agreement', detail: 'exactly one of agreement and spec' }],
      })
    }
    const scope = scopeOfRequest(req)
    const limit = maxPathsFor(scope)
    if (body.paths > limit) {
      const n = limit.toLocaleString('en-US')
      throw new DomainError(
        'unprocessable',
        `At most ${n} paths per projection for your account.`,
        {
          ko: `이 계정은 예측 1회에 경로를 최대 ${n}개까지 쓸 수 있습니다.`,
          errors: [{ pointer: '/paths', detail: `at most ${n}` }],
        },
      )
    }
    const record = await ctx.record.snapshot(scope)
    const primary = resolveSpec(record, body.agreement ?? body.spec)
    const scenario = resolveScenario(body.scenario)
    const specs = [primary, ...body.compare.map((c) => resolveCompare(record, primary, c))]
    const ac = new AbortController()
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) ac.abort()
    })
    const usePool = body.paths >= IN_THREAD_BELOW
    if (usePool && pool === undefined) pool = new ProjectionPool(ctx.projectionThreads)
    try {
      const result = await runProjection(
        { specs, scenario, paths: body.paths, seed: body.seed },
        evaluationContext(record),
        { ...(usePool && pool ? { pool } : { workers: 0 }), signal: ac.signal },
      )
      // readonly domain types → the schema's mutable output type (also checks the contract)
      return projectionResultSchema.parse(result)
    } catch (e) {
      if (e instanceof RangeError) throw new DomainError('unprocessable', e.message)
      throw e
    }
  })
}
