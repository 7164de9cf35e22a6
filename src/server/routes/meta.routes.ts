import { healthResponse } from '../../contracts/health.js'
import { probeDatabase } from '../../services/health.js'
import { problemResponses } from '../problem.js'
import type { App, RouteContext } from '../request-context.js'

/** Health and the OpenAPI document. */
export function registerMetaRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/health',
    {
      config: { permission: 'public:read' },
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the server and its database answer',
        tags: ['meta'],
        response: { 200: healthResponse, ...problemResponses(429) },
      },
    },
    async () => {
      await probeDatabase(ctx.store.db)
      return { status: 'ok' as const, database: ctx.store.dialect, version: '0.1.0' }
    },
  )

  app.get(
    '/api/openapi.json',
    { config: { permission: 'public:read' }, schema: { hide: true } },
    () => app.swagger(),
  )
}
