import { metaOperations as ops } from '../../contracts/operations.js'
import { probeDatabase } from '../../services/health.js'
import { bind } from '../bind.js'
import type { RouteKit } from '../request-context.js'

/** Health and the OpenAPI document. */
export function registerMetaRoutes({ app, ctx }: RouteKit): void {
  bind(app, ops.getHealth, async () => {
    await probeDatabase(ctx.store.db)
    return { status: 'ok' as const, database: ctx.store.dialect, version: '0.1.0' }
  })
  app.route({
    method: 'GET',
    url: '/api/openapi.json',
    config: { permission: 'public:read' },
    schema: { hide: true },
    handler: () => app.swagger(),
  })
}
