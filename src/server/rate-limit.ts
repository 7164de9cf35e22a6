import { isIPv6 } from 'node:net'
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { TOO_MANY_REQUESTS } from './problem.js'
import { sendProblem } from './request-context.js'

/** Distinct clients counted per window at most; beyond it new clients pass uncounted. */
const MAX_CLIENTS = 100_000

/**
 * The client an address counts for: an IPv4 address itself (also written IPv4-mapped, as
 * `::ffff:203.0.113.7`), an IPv6 address by its /64 prefix (one host usually holds a whole /64,
 * so counting single addresses would let it rotate through them).
 * @example clientKey('::ffff:203.0.113.7') // "203.0.113.7"
 * @example clientKey('2001:db8:1:2:aaaa::1') // "2001:db8:1:2::/64"
 */
export function clientKey(ip: string): string {
  if (!ip.includes(':')) return ip // IPv4 as written (the usual case, without a regular expression)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped?.[1] !== undefined) return mapped[1]
  if (!isIPv6(ip)) return ip.toLowerCase()
  const [head = '', tail] = ip.toLowerCase().split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/**
 * The app-wide request limit per client: at most `max` requests per fixed window of `windowMs`
 * (one minute) from one client address (`req.ip`, so per client behind a configured proxy),
 * answering 429 problem+json with `Retry-After` beyond it. Routes that set their own `rateLimit`
 * (login, with a stricter limit) or `rateLimit: false` (health probes) are not counted here.
 *
 * Why not @fastify/rate-limit's global mode (still used for the login routes): its async hook
 * awaited three promises and normalised every address with a regular expression on each
 * request, about a fifth of the cost of a health check. This is a callback hook, one Map
 * lookup, and the windows of all clients roll over together (memory is bounded by the number of
 * clients seen in one minute, at most MAX_CLIENTS).
 */
export function globalRateLimit(
  max: number,
  windowMs = 60_000,
  now: () => number = Date.now,
): (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void {
  const counts = new Map<string, number>()
  const limit = String(max)
  let windowEnd = 0
  return (req, reply, done) => {
    const own = (req.routeOptions.config as { rateLimit?: unknown } | undefined)?.rateLimit
    if (own !== undefined) {
      done()
      return
    }
    const t = now()
    if (t >= windowEnd) {
      counts.clear()
      windowEnd = t + windowMs
    }
    const key = clientKey(req.ip)
    const seen = counts.get(key)
    if (seen === undefined && counts.size >= MAX_CLIENTS) {
      done()
      return
    }
    const count = (seen ?? 0) + 1
    counts.set(key, count)
    const reset = String(Math.ceil((windowEnd - t) / 1000))
    reply
      .header('x-ratelimit-limit', limit)
      .header('x-ratelimit-remaining', String(Math.max(0, max - count)))
      .header('x-ratelimit-reset', reset)
    if (count <= max) {
      done()
      return
    }
    reply.header('retry-after', reset)
    void sendProblem(reply, TOO_MANY_REQUESTS)
  }
}
