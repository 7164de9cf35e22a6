import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { idParam } from '../../contracts/common.js'
import {
  loginBody,
  sessionResponse,
  tokenBody,
  tokenCreated,
  tokensResponse,
} from '../../contracts/auth.js'
import {
  actorOf,
  createApiToken,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  type Authenticated,
} from '../../services/users.js'
import { readErrors, writeErrors } from '../problem.js'
import { SESSION_COOKIE, type App, type RouteContext } from '../request-context.js'

function mustAuth(auth: Authenticated | null): Authenticated {
  if (auth === null) throw new DomainError('unauthorized', 'Log in first.')
  return auth
}

/** Login, logout, the current user, and personal API tokens. */
export function registerAuthRoutes(app: App, ctx: RouteContext): void {
  app.post(
    '/api/auth/login',
    {
      config: {
        permission: 'public:read',
        rateLimit: {
          max: ctx.loginPerMinute,
          timeWindow: '1 minute',
          // after body parsing, so the key really is IP + email (onRequest would see no body)
          hook: 'preHandler',
          keyGenerator: (req) => {
            const body = req.body as { email?: unknown } | undefined
            const email = typeof body?.email === 'string' ? body.email.toLowerCase() : ''
            return `${req.ip}|${email}`
          },
        },
      },
      schema: {
        operationId: 'login',
        summary: 'Log in: opens a session (cookie) and returns the CSRF token for writes',
        tags: ['auth'],
        body: loginBody,
        response: { 200: sessionResponse, ...writeErrors },
      },
    },
    async (req, reply) => {
      const grant = await login(ctx.store, req.body.email, req.body.password, ctx.now)
      req.log.info({ user: grant.user.email }, 'login')
      void reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.secureCookies,
        path: '/',
        expires: new Date(grant.expiresAt),
      })
      return { user: grant.user, csrfToken: grant.csrfToken }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'self:manage' },
      schema: {
        operationId: 'logout',
        summary: 'Log out: ends this session',
        tags: ['auth'],
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      await logout(ctx.store, mustAuth(req.auth), ctx.now)
      void reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'self:manage' },
      schema: {
        operationId: 'getSession',
        summary: 'Who you are, with the CSRF token of this session',
        tags: ['auth'],
        response: { 200: sessionResponse, ...readErrors },
      },
    },
    (req) => {
      const auth = mustAuth(req.auth)
      return { user: auth.user, csrfToken: auth.csrfToken }
    },
  )

  app.get(
    '/api/tokens',
    {
      config: { permission: 'self:manage' },
      schema: {
        operationId: 'listTokens',
        summary: 'Your personal API tokens (never their secrets)',
        tags: ['auth'],
        response: { 200: tokensResponse, ...readErrors },
      },
    },
    async (req) => ({ tokens: await listApiTokens(ctx.store.db, mustAuth(req.auth).user.id) }),
  )

  app.post(
    '/api/tokens',
    {
      config: { permission: 'self:manage' },
      schema: {
        operationId: 'createToken',
        summary: 'Create a personal API token (its secret is shown once)',
        tags: ['auth'],
        body: tokenBody,
        response: { 201: tokenCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const auth = mustAuth(req.auth)
      const t = await createApiToken(ctx.store, auth.user.id, req.body.name, {
        actor: actorOf(auth.principal),
        now: ctx.now,
      })
      return reply.code(201).send(t)
    },
  )

  app.delete(
    '/api/tokens/:id',
    {
      config: { permission: 'self:manage' },
      schema: {
        operationId: 'revokeToken',
        summary: 'Revoke one of your API tokens',
        tags: ['auth'],
        params: z.strictObject({ id: idParam }),
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      const auth = mustAuth(req.auth)
      await revokeApiToken(ctx.store, actorOf(auth.principal), auth.user.id, req.params.id, ctx.now)
      return reply.code(204).send(null)
    },
  )
}
