import { hostSupportOperations as ops } from '../../contracts/host-support-operations.js'
import { hostComparisonOf } from '../../record/host-comparison.js'
import { shippedJapanSupport } from '../../record/shipped-host-support.js'
import { bind } from '../bind.js'
import { cachedRead } from '../cached-read.js'
import type { RouteKit } from '../request-context.js'

/** Japan's host-nation support (shipped data) and the Korea–Japan comparison (public reads). */
export function registerHostSupportRoutes({ app, ctx, reader }: RouteKit): void {
  bind(app, ops.getJapanSupport, (req, reply) =>
    cachedRead(
      req,
      reply,
      ctx,
      'host-support japan',
      () => Promise.resolve({ support: shippedJapanSupport() }),
      'static',
    ),
  )
  bind(app, ops.getHostComparison, (req, reply) =>
    // Korea's amounts come from the record (its version keys the cache); the rest is shipped.
    cachedRead(req, reply, ctx, 'host-support comparison', async () =>
      hostComparisonOf(await ctx.record.snapshot(reader(req).scope)),
    ),
  )
}
