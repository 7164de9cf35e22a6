import type { FastifyReply, FastifyRequest } from 'fastify'
import { recordVersion } from '../services/record/record-version.js'
import { cachedBody, sendCached } from './http-cache.js'
import { scopeOfRequest, type RouteContext } from './request-context.js'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A value serialized by the route's response schema, as text. */
export function serializedText(reply: FastifyReply, value: unknown): string {
  // A route that also answers with files (CSV, XLSX) keys its serializers by content type, which
  // reply.serialize cannot choose from: ask for the JSON one by name.
  const json = reply.getSerializationFunction(String(reply.statusCode), 'application/json')
  const body = json ? json(value as Record<string, unknown>) : reply.serialize(value)
  return typeof body === 'string' ? body : Buffer.from(new Uint8Array(body)).toString('utf8')
}

/** What a cached answer depends on besides the route's own inputs. */
export type Dependence = 'record' | 'static'

/**
 * Answers a public read from the app's response cache. The key is what the answer depends on:
 * `what` (the route and its inputs), the asker's scope (the public, or a delegation, which may
 * see private agreements) and, for `record`, the record's version (one small query: the
 * database bumps it whenever an agreement head or an index value changes, in any process).
 * On a miss `compute` runs once (concurrent misses share it) and its value is serialized with
 * the route's response schema, hashed into a strong ETag and kept; clients that hold that ETag
 * get 304, others the body in the best encoding they accept.
 */
export async function cachedRead(
  req: FastifyRequest,
  reply: FastifyReply,
  ctx: RouteContext,
  what: string,
  compute: () => unknown,
  depends: Dependence = 'record',
): Promise<void> {
  const scope = scopeOfRequest(req)
  const version = depends === 'record' ? await recordVersion(ctx.store) : 'static'
  const key = `${what}\u0000${scope.kind === 'public' ? 'public' : scope.party}\u0000${version}`
  const entry = await ctx.responses.get(key, async () =>
    cachedBody(serializedText(reply, await compute()), JSON_TYPE),
  )
  await sendCached(req, reply, entry, { private: req.auth !== null })
}
