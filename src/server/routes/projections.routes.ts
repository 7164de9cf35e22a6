import {
  backtest,
  DEFAULT_SCENARIO,
  findShippedScenario,
  isStochastic,
  shippedScenarios,
} from '../../domain/projection/index.js'
import { evaluationContext } from '../../domain/record/record.js'
import { DomainError } from '../../domain/errors.js'
import { projectionOperations as ops } from '../../contracts/operations.js'
import { backtestResultSchema, projectionResultSchema } from '../../contracts/projections.js'
import { ProjectionPool } from '../../services/projections/projection-pool.js'
import {
  readProposalSpecs,
  projectionRangeError,
  resolveRequest,
  resolveScenario,
} from '../../services/projections/request.js'
import { IN_THREAD_BELOW, runProjection } from '../../services/projections/run-projection.js'
import { maxPathsFor } from '../../domain/projection/project.js'
import { ProjectionRuns } from '../../services/projections/runs.js'
import type { AccessScope } from '../../domain/access/scope.js'
import { projectionFile } from '../../exports/make.js'
import { bind } from '../bind.js'
import { cachedRead } from '../cached-read.js'
import { fileFormat, sendFile } from '../files.js'
import { scopeOfRequest, type RouteKit } from '../request-context.js'

/**
 * Projections (docs/projections.md): anyone may project (`public:read`); the agreements and index
 * values come from the asker's scope of the database, so results from private inputs reach only
 * those who may see them. Runs of IN_THREAD_BELOW paths or more go to a worker pool made on
 * first use and destroyed when the app closes, so the event loop stays free; smaller runs yield
 * between chunks. A client that disconnects cancels its run. Stored runs (decision 0006) run in
 * the background on the same pool; the web polls them for progress. The backtest refits a
 * shipped scenario's model on the record the asker sees.
 */
export function registerProjectionRoutes({ app, ctx, reader }: RouteKit): void {
  let pool: ProjectionPool | undefined
  const runs = new ProjectionRuns({
    db: ctx.store.db,
    now: ctx.now,
    pool: () => (pool ??= new ProjectionPool(ctx.projectionThreads, { background: true })),
    queue: ctx.runQueue,
  })
  app.addHook('onReady', async () => {
    await runs.recoverInterrupted()
  })
  app.addHook('onClose', async () => {
    ctx.runQueue.dropWaiting()
    await runs.close()
    await pool?.destroy()
  })

  bind(app, ops.listScenarios, (req, reply) =>
    cachedRead(
      req,
      reply,
      ctx,
      'scenarios',
      () => ({
        defaultScenario: DEFAULT_SCENARIO,
        scenarios: shippedScenarios().map((sc) => ({
          id: sc.id,
          version: sc.version,
          title: sc.title,
          description: sc.description,
          stochastic: isStochastic(sc),
          scenario: sc,
        })),
      }),
      'static',
    ),
  )

  bind(app, ops.runProjection, async (req, reply) => {
    const body = req.body
    const scope = scopeOfRequest(req)
    assertPathsAllowed(scope, body.paths)
    const record = await ctx.record.snapshot(scope)
    const { specs } = resolveRequest(record, body, await readProposalSpecs(reader(req), body))
    const scenario = resolveScenario(body.scenario)
    const ac = new AbortController()
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) ac.abort()
    })
    const usePool = body.paths >= IN_THREAD_BELOW
    const projection = { specs, scenario, paths: body.paths, seed: body.seed }
    const inputs = evaluationContext(record)
    let result
    try {
      // big runs wait for a slot of the server's limit on heavy work, then use the pool
      result = usePool
        ? await ctx.runQueue.run(
            req.id,
            () =>
              runProjection(projection, inputs, {
                pool: (pool ??= new ProjectionPool(ctx.projectionThreads, { background: true })),
                signal: ac.signal,
              }),
            { signal: ac.signal },
          )
        : await runProjection(projection, inputs, { workers: 0, signal: ac.signal })
    } catch (e) {
      if (e instanceof RangeError) throw projectionRangeError(e)
      throw e
    }
    const format = fileFormat(req, req.query.format)
    if (format !== null) {
      const table = req.query.table ?? 'projection'
      const file = await projectionFile(result, table, req.query.lang ?? 'en', format)
      return sendFile(reply, file)
    }
    // readonly domain types → the schema's mutable output type (also checks the contract)
    return projectionResultSchema.parse(result)
  })

  bind(app, ops.getBacktest, async (req) => {
    const q = req.query
    const scenario = findShippedScenario(q.scenario)
    if (!scenario || !isStochastic(scenario)) {
      throw new DomainError(
        'invalid',
        `"${q.scenario}" is not a shipped Monte Carlo scenario (${shippedScenarios()
          .filter(isStochastic)
          .map((s) => s.id)
          .join(', ')})`,
        {
          ko: `"${q.scenario}"은(는) 제공되는 몬테카를로 시나리오가 아닙니다. 제공되는 시나리오: ${shippedScenarios()
            .filter(isStochastic)
            .map((s) => s.id)
            .join(', ')}.`,
          errors: [{ pointer: '/querystring/scenario', detail: 'a shipped Monte Carlo scenario' }],
        },
      )
    }
    if (q.to < q.from) {
      throw new DomainError('invalid', 'to must not be before from', {
        ko: `검증 기간의 끝 연도(${q.to}년)가 시작 연도(${q.from}년)보다 앞설 수 없습니다.`,
        errors: [{ pointer: '/querystring/to', detail: 'not before from' }],
      })
    }
    const scope = scopeOfRequest(req)
    assertPathsAllowed(scope, q.paths)
    const record = await ctx.record.snapshot(scope)
    // readonly domain types → the schema's mutable output type (also checks the contract)
    return backtestResultSchema.parse(
      backtest(scenario, record.indices, {
        series: q.series,
        origins: { from: q.from, to: q.to },
        horizons: q.horizons,
        paths: q.paths,
        seed: q.seed,
      }),
    )
  })

  bind(app, ops.startProjectionRun, async (req, reply) => {
    const scope = scopeOfRequest(req)
    assertPathsAllowed(scope, req.body.paths)
    const created = await runs.start(
      { scope, userId: req.auth?.principal.userId ?? null },
      await ctx.record.snapshot(scope),
      req.body,
      await readProposalSpecs(reader(req), req.body),
    )
    return reply
      .code(201)
      .header('location', `/api/projection-runs/${created.run.id}`)
      .send(created)
  })
  bind(app, ops.getProjectionRun, async (req) => ({
    run: await runs.get(scopeOfRequest(req), req.params.id),
  }))
  bind(app, ops.cancelProjectionRun, async (req) => ({
    run: await runs.cancel(scopeOfRequest(req), req.params.id, req.body.cancelToken),
  }))
}

/** Bounded heavy work (issue 14): anonymous and PUBLIC users run fewer paths than delegations. */
function assertPathsAllowed(scope: AccessScope, paths: number): void {
  const limit = maxPathsFor(scope)
  if (paths <= limit) return
  const n = limit.toLocaleString('en-US')
  throw new DomainError('unprocessable', `At most ${n} paths per projection for your account.`, {
    ko: `이 계정은 예측 1회에 경로를 최대 ${n}개까지 쓸 수 있습니다.`,
    errors: [{ pointer: '/paths', detail: `at most ${n}` }],
  })
}
