import { userPartyRefusal } from '../../domain/access/instance.js'
import { can, type Delegation } from '../../domain/access/permissions.js'
import type { Db } from '../../db/database.js'
import { csrfMatches, fromApiToken, fromSession, type Authenticated } from '../../services/users.js'
import { BAD_TOKEN, NEED_LOGIN, problem } from '../problem.js'
import { SESSION_COOKIE, sendProblem, type App } from '../request-context.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The Origin header's host, or null when it is absent, `null`, or not a URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/**
 * Authentication, then authorization, for every request. A Bearer token is checked first (a bad
 * token is an error: the client asked to be someone); else the session cookie (a stale cookie
 * just means "anonymous"). Then the route's one declared permission (the permission map of
 * src/domain/access/permissions.ts), then CSRF for cookie-authenticated writes.
 */
export function registerAuthHooks(
  app: App,
  db: Db,
  now: () => Date,
  parties: readonly Delegation[] = ['KR', 'US'],
): void {
  app.decorateRequest('auth', null)
  // A user of a delegation absent from this instance (SMA_PARTIES changed after it was created)
  // is nobody here: it must never see the present delegation's shared rows.
  const present = (a: Authenticated | null): Authenticated | null =>
    a !== null && userPartyRefusal(a.principal.party, parties) === null ? a : null

  // Callback-style hooks: a request without credentials (most reads) passes without a promise.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id)
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
    const authz = req.headers.authorization
    if (authz !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_\-.~+/]{16,200}=*)$/.exec(authz)
      const token = m?.[1]
      if (token === undefined) {
        void sendProblem(reply, BAD_TOKEN)
        return
      }
      fromApiToken(db, token, now).then((token) => {
        const found = present(token)
        if (!found) {
          void sendProblem(reply, BAD_TOKEN)
          return
        }
        req.auth = found
        done()
      }, done)
      return
    }
    const cookie = req.cookies[SESSION_COOKIE]
    if (cookie !== undefined && cookie.length > 0 && cookie.length <= 200) {
      fromSession(db, cookie, now).then((found) => {
        req.auth = present(found)
        done()
      }, done)
      return
    }
    done()
  })

  app.addHook('preValidation', (req, reply, done) => {
    const permission = req.routeOptions.config.permission
    if (permission === undefined) {
      done()
      return
    }
    const principal = req.auth?.principal ?? null
    if (!can(principal, permission)) {
      if (principal === null) {
        void sendProblem(reply, NEED_LOGIN)
        return
      }
      req.log.warn(
        { user: principal.email, permission, route: req.routeOptions.url },
        'authorization denied',
      )
      void sendProblem(
        reply,
        problem('forbidden', 'Your role does not allow this.', {
          detailKo: '현재 역할로는 이 작업을 할 수 없습니다.',
        }),
      )
      return
    }
    if (req.auth?.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin
      const host = req.headers.host
      const sameOrigin = origin === undefined || (host !== undefined && originHost(origin) === host)
      const header = req.headers['x-csrf-token']
      const given = typeof header === 'string' ? header : undefined
      if (!sameOrigin || req.auth.csrfToken === null || !csrfMatches(req.auth.csrfToken, given)) {
        void sendProblem(
          reply,
          problem('csrf-failed', 'Send the x-csrf-token header from login.', {
            detailKo: '로그인할 때 받은 값을 x-csrf-token 헤더에 담아 보내십시오.',
          }),
        )
        return
      }
    }
    done()
  })
}
