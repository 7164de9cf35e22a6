import { isIP } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SessionGrant, SessionMeta } from '../services/users.js'
import { SESSION_COOKIE, type RouteContext } from './request-context.js'

/** Sets the session cookie of a new session: HttpOnly, SameSite=Strict, Secure as configured. */
export function setSessionCookie(
  reply: FastifyReply,
  ctx: RouteContext,
  grant: SessionGrant,
): void {
  void reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secureCookies,
    path: '/',
    // relative, so a pinned server clock (SMA_NOW) does not make the browser drop it at once
    maxAge: Math.max(0, Math.round((Date.parse(grant.expiresAt) - ctx.now().getTime()) / 1000)),
  })
}

export function clearSessionCookie(reply: FastifyReply, ctx: RouteContext): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secureCookies,
  })
}

/** Where a request comes from, for the list of sessions: `req.ip` honours SMA_TRUST_PROXY. */
export function sessionMeta(req: FastifyRequest): SessionMeta {
  const ua = req.headers['user-agent']
  return { userAgent: typeof ua === 'string' ? ua : null, address: req.ip }
}

/** Whether a listen address is loopback only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost' || h === '::1') return true
  return isIP(h) === 4 && h.startsWith('127.')
}

/**
 * Whether cookies get the `Secure` attribute: always, unless the server plainly serves http on
 * loopback (a loopback listen address and no trusted proxy in front, which would mean a TLS
 * terminator on the same machine). Not tied to NODE_ENV: `npm start` sets none.
 */
export function secureCookiesFor(host: string, trustProxy: unknown): boolean {
  const behindProxy = trustProxy !== false && trustProxy !== undefined && trustProxy !== 0
  return !isLoopbackHost(host) || behindProxy
}
