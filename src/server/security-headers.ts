import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/**
 * The security headers of every response (helmet's defaults and the app's Content Security
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
