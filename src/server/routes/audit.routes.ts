import { auditOperations as ops } from '../../contracts/audit-operations.js'
import { auditHead, listAudit } from '../../services/audit.js'
import { bind } from '../bind.js'
import { scopeOfRequest, type RouteKit } from '../request-context.js'

/**
 * The audit log for admins: public and shared entries plus the admin's own party's private
 * ones (payloads are never stored, only digests). `head` is the hash to anchor in minutes.
 */
export function registerAuditRoutes({ app, ctx }: RouteKit): void {
  bind(app, ops.getAuditLog, async (req) => {
    const rows = await listAudit(ctx.store.db, scopeOfRequest(req), {
      limit: req.query.limit,
      ...(req.query.before === undefined ? {} : { before: req.query.before }),
    })
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
      head: await auditHead(ctx.store.db),
    }
  })
}
