import { scopeOf } from '../../domain/access/scope.js'
import { listAudit } from '../../services/audit.js'
import { errorResponses } from '../problem.js'
import { auditQuery, auditResponse } from '../schemas.js'
import type { App, RouteContext } from '../app.js'

/**
 * The audit log for admins: public and shared entries plus the admin's own party's private
 * ones (payloads are never stored, only digests). `head` is the hash to anchor in minutes.
 */
export function registerAuditRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: auditResponse, ...errorResponses },
      },
    },
    async (req) => {
      const rows = await listAudit(ctx.store.db, scopeOf(req.auth?.principal ?? null), {
        limit: req.query.limit,
        ...(req.query.before === undefined ? {} : { before: req.query.before }),
      })
      const head = await ctx.store.db
        .selectFrom('audit_log')
        .select('hash')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst()
      return {
        entries: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          party: r.party,
          action: r.action,
          object: r.object,
          visibility: r.visibility,
          payloadDigest: r.payload_digest,
          prevHash: r.prev_hash,
          hash: r.hash,
        })),
        head: head?.hash ?? null,
      }
    },
  )
}
