import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import { accountOperations as acc } from '../../contracts/account-operations.js'
import { authOperations as ops } from '../../contracts/operations.js'
import { beginLogin, finishLogin } from '../../services/accounts/login.js'
import { endAllSessions } from '../../services/accounts/sessions.js'
import {
  actorOf,
  createApiToken,
  listApiTokens,
  logout,
  revokeApiToken,
  type Authenticated,
} from '../../services/users.js'
import { bind } from '../bind.js'
import type { RouteKit } from '../request-context.js'
import { clearSessionCookie, sessionMeta, setSessionCookie } from '../session-cookie.js'

export function mustAuth(auth: Authenticated | null): Authenticated {
  if (auth === null)
    throw new DomainError('unauthorized', 'Log in first.', { ko: '먼저 로그인하십시오.' })
  return auth
}

/**
 * Login attempts are limited per client address and email, after the body is parsed (so the key
 * has it); `req.ip` is the client's own address behind a trusted proxy (SMA_TRUST_PROXY).
 */
const loginKey = (req: FastifyRequest): string => {
  const body = req.body as { email?: unknown } | undefined
  const email = typeof body?.email === 'string' ? body.email.toLowerCase() : ''
  return `${req.ip}|${email}`
}
/** Code steps are limited per client address (each ticket also allows only 5 tries). */
const codeKey = (req: FastifyRequest): string => `${req.ip}|mfa`

/** Login (password, then a code when needed), logout, the current user, personal API tokens. */
export function registerAuthRoutes({ app, ctx }: RouteKit): void {
  const limit = (keyGenerator: (req: FastifyRequest) => string) => ({
    max: ctx.loginPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator,
  })
  const clocks = { now: ctx.now, otpNow: ctx.otpNow }
  bind(
    app,
    ops.login,
    async (req, reply) => {
      const step = await beginLogin(
        ctx.store,
        req.body.email,
        req.body.password,
        sessionMeta(req),
        clocks,
      )
      if (step.kind === 'mfa') {
        req.log.info({ user: req.body.email.toLowerCase() }, 'login: password ok, code next')
        return {
          mfa: step.enrollment === null ? ('code' as const) : ('enroll' as const),
          ticket: step.ticket,
          enrollment: step.enrollment,
        }
      }
      req.log.info({ user: step.grant.user.email }, 'login')
      setSessionCookie(reply, ctx, step.grant)
      return { user: step.grant.user, csrfToken: step.grant.csrfToken }
    },
    { rateLimit: limit(loginKey) },
  )
  bind(
    app,
    acc.loginMfa,
    async (req, reply) => {
      const r = await finishLogin(
        ctx.store,
        req.body.ticket,
        req.body.code,
        sessionMeta(req),
        clocks,
      )
      req.log.info({ user: r.grant.user.email }, 'login')
      setSessionCookie(reply, ctx, r.grant)
      return { user: r.grant.user, csrfToken: r.grant.csrfToken, recoveryCodes: r.recoveryCodes }
    },
    { rateLimit: limit(codeKey) },
  )
  bind(app, ops.logout, async (req, reply) => {
    await logout(ctx.store, mustAuth(req.auth), ctx.now)
    clearSessionCookie(reply, ctx)
    return reply.code(204).send(null)
  })
  bind(app, acc.logoutAll, async (req, reply) => {
    const auth = mustAuth(req.auth)
    await endAllSessions(ctx.store, actorOf(auth.principal), auth.user.id, ctx.now)
    clearSessionCookie(reply, ctx)
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
