import { metaOperations as ops } from '../../contracts/operations.js'
import { instanceMode } from '../../domain/access/instance.js'
import { probeDatabase } from '../../services/health.js'
import { bind } from '../bind.js'
import { cachedRead, serializedText } from '../cached-read.js'
import type { RouteKit } from '../request-context.js'

/**
 * Health and the OpenAPI document. Health probes the database on every call and is not counted
 * by the global rate limit (load balancers and monitors poll it); the document is built once.
 */
export function registerMetaRoutes({ app, ctx }: RouteKit): void {
  const health = {
    status: 'ok' as const,
    database: ctx.store.dialect,
    version: '0.1.0',
    parties: ctx.parties,
    mode: instanceMode(ctx.parties),
  }
  let serialized: string | undefined // the same every time: serialized once, by the schema
  bind(
    app,
    ops.getHealth,
    async (_req, reply) => {
      await probeDatabase(ctx.store)
      serialized ??= serializedText(reply, health)
      const body = serialized
      return reply.serializer(() => body).send(health)
    },
    { rateLimit: false },
  )
  app.route({
    method: 'GET',
    url: '/api/openapi.json',
    config: { permission: 'public:read' },
    schema: { hide: true },
    handler: (req, reply) => cachedRead(req, reply, ctx, 'openapi', () => app.swagger(), 'static'),
  })
}
