import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { LoggerOptions } from 'pino'
import { can, type Permission } from '../domain/access/permissions.js'
import type { DatabaseHandle } from '../db/open.js'
import { ServiceError } from '../services/errors.js'
import { createSpecCache, type SpecCache } from '../services/spec-cache.js'
import { cachedIndexSet, listAgreements } from '../services/record.js'
import { scopeOf } from '../domain/access/scope.js'
import type { SmaRecord } from '../domain/record/record.js'
import { csrfMatches, fromApiToken, fromSession, type Authenticated } from '../services/users.js'
import { NOT_FOUND_DETAIL, problem, type Problem, type ProblemType } from './problem.js'
import { registerAnalysisRoutes } from './routes/analyses.routes.js'
import { registerAuditRoutes } from './routes/audit.routes.js'
import { registerAuthRoutes } from './routes/auth.routes.js'
import { registerNegotiationRoutes } from './routes/negotiations.routes.js'
import { registerPublicRoutes } from './routes/public.routes.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null for an anonymous visitor. Set by the onRequest auth hook. */
    auth: Authenticated | null
  }
  interface FastifyContextConfig {
    /** The one permission a route needs (src/domain/access/permissions.ts). */
    permission?: Permission
  }
  interface FastifyInstance {
    /** Every route registered on this app, for the authorization-matrix completeness check. */
    routeCatalog: readonly { method: string; url: string; permission: Permission | undefined }[]
  }
}

export interface AppDeps {
  readonly store: DatabaseHandle
  /** The clock (tests pin it). */
  readonly now?: () => Date
  /** false for silence; a pino options object otherwise. */
  readonly logger?: boolean | LoggerOptions
  /** Where log lines go (default stdout); tests pass a stream to inspect them. */
  readonly logStream?: { write(line: string): unknown }
  /** Requests per minute per IP for /api; 0 disables the global limit. */
  readonly rateLimitPerMinute?: number
  /** Login attempts per minute per IP and email. */
  readonly loginPerMinute?: number
  /** Built web app directory; null to never serve one. Defaults to ./web/dist if present. */
  readonly webDist?: string | null
  readonly version?: string
  /** Set the `Secure` cookie attribute (on behind HTTPS; off for plain-http localhost). */
  readonly secureCookies?: boolean
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/** What every route module receives. */
export interface RouteContext {
  readonly store: DatabaseHandle
  readonly now: () => Date
  readonly today: () => string
  readonly cache: SpecCache
  readonly secureCookies: boolean
  readonly loginPerMinute: number
}

export const SESSION_COOKIE = 'sma_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Sends a problem+json body (pre-serialized: error paths never depend on a response schema). */
export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply
    .code(p.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(p))
}

function serviceProblem(err: ServiceError): Problem {
  const map: Record<ServiceError['code'], ProblemType> = {
    'not-found': 'not-found',
    conflict: 'conflict',
    'precondition-failed': 'precondition-failed',
    'precondition-required': 'precondition-required',
    invalid: 'validation-failed',
    forbidden: 'forbidden',
    unauthorized: 'unauthorized',
    unprocessable: 'unprocessable',
  }
  const type = map[err.code]
  const extra: Parameters<typeof problem>[2] = {}
  if (typeof err.extra.currentETag === 'string') extra.currentETag = err.extra.currentETag
  if (Array.isArray(err.extra.errors)) extra.errors = err.extra.errors as Problem['errors'] & object
  return problem(type, type === 'not-found' ? NOT_FOUND_DETAIL : err.message, extra)
}

function toPointer(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

/** Maps any error to a problem; never leaks a stack, SQL or internal message. */
function errorToProblem(err: FastifyError, req: FastifyRequest): Problem {
  if (err instanceof ServiceError) return serviceProblem(err)
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body'
    return problem('validation-failed', `The ${where} is not valid.`, {
      errors: err.validation.slice(0, 50).map((v) => {
        const issue = v.params.issue as { path?: readonly PropertyKey[] } | undefined
        return {
          pointer: `${where === 'body' ? '' : `/${where}`}${toPointer(issue?.path ?? [])}`,
          detail: v.message ?? 'invalid',
        }
      }),
    })
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response failed its schema')
    return problem('internal', 'Internal error.')
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payload-too-large', 'The body exceeds the size limit.')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupported-media-type', 'Send application/json.')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('bad-request', 'Content-Length does not match the body.')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('malformed-json', 'The JSON body is empty.')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('malformed-json', 'The body is not valid JSON.')
    default:
      break
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problem('malformed-json', 'The body is not valid JSON.')
  }
  if (err.statusCode === 429) return problem('too-many-requests', 'Slow down and retry later.')
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    if (status === 404) return problem('not-found', NOT_FOUND_DETAIL)
    if (status === 413) return problem('payload-too-large', 'The body exceeds the size limit.')
    if (status === 415) return problem('unsupported-media-type', 'Send application/json.')
    if (status === 401) return problem('unauthorized', 'Log in or send a valid API token.')
    if (status === 403) return problem('forbidden', 'Not allowed.')
    return problem('bad-request', 'The request could not be understood.')
  }
  req.log.error({ err }, 'unhandled error')
  return problem('internal', `Internal error (request ${req.id}).`)
}

/**
 * Builds the HTTP app: security plugins, auth and permission hooks, error mapping to problem
 * details, OpenAPI, the REST routes and (if built) the web app. Everything it needs is passed in.
 */
export async function buildApp(deps: AppDeps): Promise<App> {
  const now = deps.now ?? (() => new Date())
  const ctx: RouteContext = {
    store: deps.store,
    now,
    today: () => now().toISOString().slice(0, 10),
    cache: createSpecCache(),
    secureCookies: deps.secureCookies ?? false,
    loginPerMinute: deps.loginPerMinute ?? 5,
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
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    // Router-level errors (bad URL encoding, over-long ids) answer problem+json too.
    frameworkErrors: (err, _req, reply) => {
      const p =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? problem('uri-too-long', 'A path segment is too long.')
          : problem('bad-request', 'The URL could not be understood.')
      void sendProblem(reply, p)
    },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const catalog: { method: string; url: string; permission: Permission | undefined }[] = []
  app.decorate('routeCatalog', catalog)
  app.decorateRequest('auth', null)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (route.url.startsWith('/api/projections') && route.config?.permission === undefined) {
      // Routes of the projection module (issue 6): anyone may project (docs/api-contract.md).
      route.config = { ...(route.config ?? {}), permission: 'public:read' }
    }
    const permission = route.config?.permission
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS') continue
      if (
        route.url.startsWith('/api/') &&
        !route.url.startsWith('/api/docs') &&
        permission === undefined
      ) {
        // Fail closed at start-up: an API route without a declared permission is a bug.
        throw new Error(`route ${m} ${route.url} declares no permission`)
      }
      catalog.push({ method: m, url: route.url, permission })
    }
  })

  await app.register(fastifyHelmet, {
    // HSTS and upgrade-insecure-requests only behind HTTPS: on plain-http localhost they break.
    hsts: ctx.secureCookies,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: ctx.secureCookies ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  })
  await app.register(fastifyCookie)
  await app.register(fastifyRateLimit, {
    global: (deps.rateLimitPerMinute ?? 600) > 0,
    max: deps.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `retry in ${context.after}`,
    }),
  })

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SMA Desk API',
        version: deps.version ?? '0.1.0',
        description:
          'Defense cost-sharing agreements (SMA) and negotiation records. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header,
  })

  // Authentication: a Bearer token, else the session cookie. A bad token is an error (the
  // client asked to be someone); a stale cookie just means "anonymous".
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id)
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
    const authz = req.headers.authorization
    if (authz !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_\-.~+/]{16,200}=*)$/.exec(authz)
      const found = m?.[1] === undefined ? null : await fromApiToken(deps.store.db, m[1], now)
      if (!found) {
        return sendProblem(reply, problem('unauthorized', 'The API token is not valid.'))
      }
      req.auth = found
      return
    }
    const cookie = req.cookies[SESSION_COOKIE]
    if (cookie !== undefined && cookie.length > 0 && cookie.length <= 200) {
      req.auth = await fromSession(deps.store.db, cookie, now)
    }
  })

  // Authorization: the route's declared permission, then CSRF for cookie-authenticated writes.
  app.addHook('preValidation', async (req, reply) => {
    const permission = req.routeOptions.config.permission
    if (permission === undefined) return
    const principal = req.auth?.principal ?? null
    if (!can(principal, permission)) {
      if (principal === null)
        return sendProblem(reply, problem('unauthorized', 'Log in or send a valid API token.'))
      req.log.warn(
        { user: principal.email, permission, route: req.routeOptions.url },
        'authorization denied',
      )
      return sendProblem(reply, problem('forbidden', 'Your role does not allow this.'))
    }
    if (req.auth?.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin
      const host = req.headers.host
      const sameOrigin =
        origin === undefined || (host !== undefined && new URL(origin).host === host)
      const header = req.headers['x-csrf-token']
      const given = typeof header === 'string' ? header : undefined
      if (!sameOrigin || req.auth.csrfToken === null || !csrfMatches(req.auth.csrfToken, given)) {
        return sendProblem(
          reply,
          problem('csrf-failed', 'Send the x-csrf-token header from login.'),
        )
      }
    }
  })

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const p = errorToProblem(err, req)
    if (p.status >= 500) req.log.error({ reqId: req.id }, 'internal error answered')
    return sendProblem(reply, p)
  })

  registerPublicRoutes(app, ctx)
  registerAuthRoutes(app, ctx)
  registerNegotiationRoutes(app, ctx)
  registerAnalysisRoutes(app, ctx)
  registerAuditRoutes(app, ctx)
  await registerOptionalProjections(app, ctx)

  app.get(
    '/api/openapi.json',
    { config: { permission: 'public:read' }, schema: { hide: true } },
    () => app.swagger(),
  )

  const webDist = deps.webDist === undefined ? join(ROOT, 'web/dist') : deps.webDist
  const indexHtml =
    webDist !== null && existsSync(join(webDist, 'index.html')) ? join(webDist, 'index.html') : null
  if (webDist !== null && indexHtml !== null) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false })
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? ''
    if (req.method === 'GET' && !path.startsWith('/api')) {
      if (indexHtml !== null) {
        return reply.type('text/html; charset=utf-8').send(readFileSync(indexHtml))
      }
      if (path === '/') {
        return reply
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="en"><meta charset="utf-8"><title>SMA Desk</title>' +
              '<h1>SMA Desk</h1><p>The web app is not built yet (run <code>npm run build:web</code>). ' +
              'The API is at <a href="/api/docs">/api/docs</a>.</p></html>',
          )
      }
    }
    return sendProblem(reply, problem('not-found', NOT_FOUND_DETAIL))
  })
  return app
}

/**
 * The projection routes belong to another module (issue 6) and may not exist yet. When the file
 * is present it is registered; its routes default to `public:read` (the contract: anyone may
 * project; results from private inputs are private).
 */
async function registerOptionalProjections(app: App, ctx: RouteContext): Promise<void> {
  const file = fileURLToPath(new URL('./routes/projections.routes.ts', import.meta.url))
  const js = file.replace(/\.ts$/, '.js')
  const target = existsSync(file) ? file : existsSync(js) ? js : null
  if (target === null) return
  const mod = (await import(pathToFileURL(target).href)) as {
    default?: FastifyPluginAsync<{
      record?: (req: FastifyRequest) => Promise<SmaRecord>
    }>
  }
  if (mod.default === undefined) return
  // Projections read the database's agreements and index values, within the caller's scope.
  await app.register(mod.default, {
    record: async (req) => {
      const scope = scopeOf(req.auth?.principal ?? null)
      const [agreements, indices] = await Promise.all([
        listAgreements(ctx.store.db, scope, ctx.cache),
        cachedIndexSet(ctx.store.db, ctx.cache),
      ])
      return { agreements: agreements.map((a) => a.spec), indices }
    },
  })
}
