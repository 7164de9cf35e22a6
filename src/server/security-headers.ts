import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/**
 * The security headers of every document (the web app, static files, the API docs page) (helmet's defaults and the app's Content Security
 * Policy), computed once at start-up: none depends on the request (no CSP nonces). This replaces
 * @fastify/helmet, which rebuilt helmet's middleware and re-parsed the policy on every request
 * (about a fifth of the cost of a health check).
 *
 * @param https whether the app is served over HTTPS: HSTS and upgrade-insecure-requests only
 *   then (on plain-http localhost they break the app).
 */
export function securityHeaders(https: boolean): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete headers[name.toLowerCase()]
    },
  }
  const middleware = helmet({
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  })
  let failed: unknown = undefined
  // helmet reads nothing from the request (no nonces); it only sets and removes headers
  middleware(Object.create(null) as IncomingMessage, res as unknown as ServerResponse, (err) => {
    failed = err
  })
  if (failed !== undefined) throw new Error('helmet refused its options', { cause: failed })
  return headers
}

/**
 * The security headers of API responses (JSON, problem details, exports): the short set the
 * OWASP REST Security Cheat Sheet recommends, since a response that is never a document needs
 * no script, style or prefetch policy. The CSP is stricter than the app's (`default-src 'none'`):
 * a JSON body opened as a page loads nothing. Trimming the dozen document headers from every
 * API answer saves about 550 bytes and a dozen header writes per request.
 *
 * @param https as for {@link securityHeaders}: HSTS only over HTTPS.
 * @example apiSecurityHeaders(false)['x-frame-options'] // 'DENY'
 */
export function apiSecurityHeaders(https: boolean): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  }
  const hsts = securityHeaders(https)['strict-transport-security']
  if (hsts !== undefined) headers['strict-transport-security'] = hsts
  return headers
}
