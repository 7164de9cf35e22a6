import { auditOperations as ops } from '../../contracts/audit-operations.js'
import type { AuditVerification } from '../../contracts/audit.js'
import { SHARED_CHAIN, type ChainAnchor } from '../../domain/audit/chain.js'
import { verifyAuditChain } from '../../services/audit.js'
import { newestCheckpoint, openCheckpoint } from '../../services/audit-checkpoint.js'
import { listAuditView } from '../../services/audit-view.js'
import { bind } from '../bind.js'
import { scopeOfRequest, type RouteKit } from '../request-context.js'

/**
 * The audit log for admins: the shared chain and their own party's chain (payloads are never
 * stored, only salted digests), and the verification `sma audit verify` runs, reported for
 * those two chains only.
 */
export function registerAuditRoutes({ app, ctx }: RouteKit): void {
  bind(app, ops.getAuditLog, async (req) =>
    listAuditView(ctx.store.db, scopeOfRequest(req), req.query),
  )

  bind(app, ops.verifyAuditLog, async (req): Promise<AuditVerification> => {
    const scope = scopeOfRequest(req)
    const source = ctx.auditCheckpoints
    const found = source === undefined ? null : newestCheckpoint(source.dir)
    let anchors: ChainAnchor[] = []
    let checkpoint: AuditVerification['checkpoint'] = null
    if (source !== undefined && found !== null) {
      const opened = openCheckpoint(found.text, source.trusted)
      anchors = opened.anchors
      checkpoint = {
        signedAt: opened.signedAt,
        fingerprint: opened.fingerprint,
        file: found.file.split(/[\\/]/).at(-1) ?? '',
      }
    }
    const verdict = await verifyAuditChain(ctx.store.db, anchors)
    const own = scope.kind === 'delegation' ? scope.party : null
    const chains = verdict.chains
      .filter((c) => c.chain === SHARED_CHAIN || c.chain === own)
      .map((c) => ({
        chain: c.chain === SHARED_CHAIN ? ('shared' as const) : ('own' as const),
        ok: c.ok,
        entries: c.entries,
        head: c.ok ? c.head : null,
        seq: c.ok ? null : c.seq,
        reason: c.ok ? null : c.reason,
      }))
    return {
      ok: chains.every((c) => c.ok),
      checkedAt: ctx.now().toISOString(),
      checkpoint,
      chains,
    }
  })
}
