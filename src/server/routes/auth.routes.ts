import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import { authOperations as ops } from '../../contracts/operations.js'
import {
  actorOf,
  createApiToken,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  type Authenticated,
} from '../../services/users.js'
import { bind } from '../bind.js'
import { SESSION_COOKIE, type RouteKit } from '../request-context.js'

function mustAuth(auth: Authenticated | null): Authenticated {
  if (auth === null) throw new DomainError('unauthorized', 'Log in first.')
  return auth
}

/** Login attempts are limited per address and email, after the body is parsed (so the key has it). */
const loginKey = (req: FastifyRequest): string => {
  const body = req.body as { email?: unknown } | undefined
  const email = typeof body?.email === 'string' ? body.email.toLowerCase() : ''
  return `${req.ip}|${email}`
}

/** Login, logout, the current user, and personal API tokens. */
export function registerAuthRoutes({ app, ctx }: RouteKit): void {
  const rateLimit = {
    max: ctx.loginPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: loginKey,
  }
  bind(
    app,
    ops.login,
    async (req, reply) => {
      const grant = await login(ctx.store, req.body.email, req.body.password, ctx.now)
      req.log.info({ user: grant.user.email }, 'login')
      void reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.secureCookies,
        path: '/',
        // relative, so a pinned server clock (SMA_NOW) does not make the browser drop it at once
        maxAge: Math.max(0, Math.round((Date.parse(grant.expiresAt) - ctx.now().getTime()) / 1000)),
      })
      return { user: grant.user, csrfToken: grant.csrfToken }
    },
    { rateLimit },
  )
  bind(app, ops.logout, async (req, reply) => {
    await logout(ctx.store, mustAuth(req.auth), ctx.now)
    void reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send(null)
  })
  bind(app, ops.getSession, (req) => {
    const auth = mustAuth(req.auth)
    return { user: auth.user, csrfToken: auth.csrfToken }
  })
  bind(app, ops.listTokens, async (req) => ({
    tokens: await listApiTokens(ctx.store.db, mustAuth(req.auth).user.id),
  }))
  bind(app, ops.createToken, async (req, reply) => {
    const auth = mustAuth(req.auth)
    const t = await createApiToken(ctx.store, auth.user.id, req.body.name, {
      actor: actorOf(auth.principal),
      now: ctx.now,
    })
    return reply.code(201).send(t)
  })
  bind(app, ops.revokeToken, async (req, reply) => {
    const auth = mustAuth(req.auth)
    await revokeApiToken(ctx.store, actorOf(auth.principal), auth.user.id, req.params.id, ctx.now)
    return reply.code(204).send(null)
  })
}
