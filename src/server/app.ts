import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyError } from 'fastify'
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { LoggerOptions } from 'pino'
import type { Delegation, Permission } from '../domain/access/permissions.js'
import type { InstanceKey } from '../services/signing/instance-key.js'
import type { DatabaseHandle } from '../db/open.js'
import { PROJECT_ROOT } from '../runtime-paths.js'
import { databaseRecordSource } from '../services/record/database-record-source.js'
import { createSpecCache } from '../services/record/spec-cache.js'
import { errorToProblem } from './error-handler.js'
import { COMPRESS_THRESHOLD, ResponseCache } from './http-cache.js'
import { documentRoute, registerOpenApi } from './openapi.js'
import { registerAuthHooks } from './plugins/auth.js'
import { clientErrorHandler, registerInputGuards } from './plugins/input-guards.js'
import { problem } from './problem.js'
import {
  routeKit,
  sendProblem,
  type App,
  type AuditCheckpointSource,
  type RouteContext,
} from './request-context.js'
import { deferredChildLogger, requestLogController, type RequestLog } from './request-log.js'
import { globalRateLimit } from './rate-limit.js'
import { apiSecurityHeaders, securityHeaders } from './security-headers.js'
import { registerAccountRoutes } from './routes/account.routes.js'
import { registerAgreementRoutes } from './routes/agreements.routes.js'
import { registerAnalysisRoutes } from './routes/analyses.routes.js'
import { registerAuditRoutes } from './routes/audit.routes.js'
import { registerAuthRoutes } from './routes/auth.routes.js'
import { registerLedgerRoutes } from './routes/ledger.routes.js'
import { registerMetaRoutes } from './routes/meta.routes.js'
import { registerNegotiationRoutes } from './routes/negotiations.routes.js'
import { registerPositionRoutes } from './routes/positions.routes.js'
import { registerProjectionRoutes } from './routes/projections.routes.js'
import { registerProposalRoutes } from './routes/proposals.routes.js'
import { registerExchangeRoutes } from './routes/exchange.routes.js'
import { registerHostSupportRoutes } from './routes/host-support.routes.js'
import { registerWebApp } from './web-app.js'
import { RunQueue } from '../services/heavy-work/run-queue.js'

export type { App, RouteContext } from './request-context.js'
export { SESSION_COOKIE, sendProblem } from './request-context.js'

export interface AppDeps {
  readonly store: DatabaseHandle
  /** The clock (tests pin it). */
  readonly now?: () => Date
  /** false for silence; a pino options object otherwise. */
  readonly logger?: boolean | LoggerOptions
  /** Which requests get log lines (default `all`; the server passes `errors-and-slow`). */
  readonly requestLog?: RequestLog
  /** With `errors-and-slow`: a response slower than this (ms) is logged (default 1000). */
  readonly slowRequestMs?: number
  /**
   * Which proxies to trust for the client address (Fastify's `trustProxy`: false, true, a hop
   * count, or addresses/CIDRs): the rate limits count per client address behind them.
   */
  readonly trustProxy?: boolean | number | string | readonly string[]
  /** Where log lines go (default stdout); tests pass a stream to inspect them. */
  readonly logStream?: { write(line: string): unknown }
  /** Requests per minute per IP for /api; 0 disables the global limit. */
  readonly rateLimitPerMinute?: number
  /** Login attempts per minute per IP and email. */
  readonly loginPerMinute?: number
  /** Built web app directory; null to never serve one. Defaults to ./web/dist if present. */
  readonly webDist?: string | null
  readonly version?: string
  /**
   * Set the `Secure` cookie attribute: the server passes `secureCookiesFor(host, trustProxy)`
   * (src/server/session-cookie.ts), on unless it plainly serves http on loopback.
   */
  readonly secureCookies?: boolean
  /** The clock TOTP codes are checked against (default the real one, whatever `now` is). */
  readonly otpNow?: () => Date
  /** Worker threads of the projection pool (default: available parallelism). */
  readonly projectionThreads?: number
  /** Heavy runs (projections on the pool, analyses) computing at once; the rest queue (default 2). */
  readonly maxConcurrentRuns?: number
  /** Signed audit checkpoints the verification compares against (none by default). */
  readonly auditCheckpoints?: AuditCheckpointSource
  /** The delegations with accounts here (SMA_PARTIES; default both: a shared instance). */
  readonly parties?: readonly Delegation[]
  /** The instance's signing key (signed exchange); none: exports are refused with a reason. */
  readonly instanceKey?: InstanceKey | undefined
}

const ROOT = PROJECT_ROOT

/**
 * Builds the HTTP app: security plugins, auth and permission hooks, error mapping to problem
 * details, the OpenAPI document, the REST routes and (if built) the web app. Everything it needs
 * is passed in; every route module registers like every other and declares its permission.
 */
export async function buildApp(deps: AppDeps): Promise<App> {
  const now = deps.now ?? (() => new Date())
  const cache = createSpecCache()
  const ctx: RouteContext = {
    store: deps.store,
    now,
    today: () => now().toISOString().slice(0, 10),
    cache,
    responses: new ResponseCache(),
    record: databaseRecordSource(deps.store.db, cache, deps.store.label),
    secureCookies: deps.secureCookies ?? false,
    otpNow: deps.otpNow ?? (() => new Date()),
    loginPerMinute: deps.loginPerMinute ?? 5,
    projectionThreads: deps.projectionThreads,
    runQueue: new RunQueue(deps.maxConcurrentRuns ?? 2),
    auditCheckpoints: deps.auditCheckpoints,
    parties: deps.parties ?? ['KR', 'US'],
    instanceKey: deps.instanceKey,
  }
  const logger: boolean | LoggerOptions =
    deps.logger === undefined || deps.logger === false
      ? false
      : {
          ...(deps.logger === true ? {} : deps.logger),
          ...(deps.logStream === undefined ? {} : { stream: deps.logStream }),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
        }
  const app = Fastify({
    logger,
    logController: requestLogController(deps.requestLog ?? 'all', deps.slowRequestMs ?? 1000),
    childLoggerFactory: deferredChildLogger,
    trustProxy: trustProxyOption(deps.trustProxy),
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    // Errors of Node's HTTP parser (431, malformed requests) answer problem+json too.
    clientErrorHandler,
    // Router-level errors (bad URL encoding, over-long ids) answer problem+json too.
    frameworkErrors: (err, _req, reply) => {
      const p =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? problem('uri-too-long', 'A path segment is too long.', {
              detailKo: 'URL 경로의 한 부분이 너무 깁니다.',
            })
          : problem('bad-request', 'The URL could not be understood.', {
              detailKo: 'URL을 해석할 수 없습니다.',
            })
      void sendProblem(reply, p)
    },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const catalog: { method: string; url: string; permission: Permission | undefined }[] = []
  app.decorate('routeCatalog', catalog)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const permission = route.config?.permission
    const api = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')
    // Fail closed at start-up: an API route without a declared permission is a bug.
    if (api && permission === undefined) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`)
    }
    documentRoute(route, permission)
    for (const m of methods) {
      if (m !== 'HEAD' && m !== 'OPTIONS') catalog.push({ method: m, url: route.url, permission })
    }
  })

  const documentHeaders = securityHeaders(ctx.secureCookies)
  const apiHeaders = apiSecurityHeaders(ctx.secureCookies)
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApiUrl(req.url) ? apiHeaders : documentHeaders)
    done()
  })
  // br or gzip for answers over 1 KB (cached reads arrive compressed already and pass through)
  await app.register(fastifyCompress, { threshold: COMPRESS_THRESHOLD, encodings: ['br', 'gzip'] })
  await app.register(fastifyCookie)
  // The plugin serves the routes with a limit of their own (login); the app-wide limit per
  // client is a lighter hook of ours (src/server/rate-limit.ts).
  const perMinute = deps.rateLimitPerMinute ?? 600
  if (perMinute > 0) app.addHook('onRequest', globalRateLimit(perMinute))
  await app.register(fastifyRateLimit, {
    global: false,
    max: perMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `retry in ${context.after}`,
    }),
  })
  await registerOpenApi(app, deps.version ?? '0.1.0')
  registerAuthHooks(app, deps.store.db, now, ctx.parties)
  registerInputGuards(app)

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const p = errorToProblem(err, req)
    if (p.status >= 500) req.log.error({ reqId: req.id }, 'internal error answered')
    return sendProblem(reply, p)
  })

  const kit = routeKit(app, ctx)
  for (const register of [
    registerMetaRoutes,
    registerAgreementRoutes,
    registerLedgerRoutes,
    registerHostSupportRoutes,
    registerAuthRoutes,
    registerAccountRoutes,
    registerNegotiationRoutes,
    registerProposalRoutes,
    registerExchangeRoutes,
    registerPositionRoutes,
    registerAnalysisRoutes,
    registerProjectionRoutes,
    registerAuditRoutes,
  ])
    register(kit)

  await registerWebApp(app, deps.webDist === undefined ? join(ROOT, 'web/dist') : deps.webDist)
  return app
}

/** Fastify's `trustProxy` from ours: a hop count becomes the function proxy-addr calls per hop. */
function trustProxyOption(
  value: AppDeps['trustProxy'],
): boolean | string | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value
  if (typeof value === 'object') return [...value]
  return value ?? false
}

/** An API answer (JSON, problem details, exports), not a document: /api/ except the docs page. */
function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs')
}
