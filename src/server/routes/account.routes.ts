import { accountOperations as ops } from '../../contracts/account-operations.js'
import {
  disableMfa,
  mfaStatus,
  regenerateRecoveryCodes,
  startEnrollment,
  confirmEnrollment,
} from '../../services/accounts/mfa.js'
import { changePassword, endSession, listSessions } from '../../services/accounts/sessions.js'
import { withTransaction } from '../../services/audit.js'
import { actorOf } from '../../services/users.js'
import { bind } from '../bind.js'
import type { RouteKit } from '../request-context.js'
import { mustAuth } from './auth.routes.js'

/** One's own account: sessions, password, two-step login. */
export function registerAccountRoutes({ app, ctx }: RouteKit): void {
  bind(app, ops.listSessions, async (req) => {
    const auth = mustAuth(req.auth)
    return { sessions: await listSessions(ctx.store.db, auth.user.id, auth.sessionHash, ctx.now) }
  })
  bind(app, ops.endSession, async (req, reply) => {
    const auth = mustAuth(req.auth)
    await endSession(ctx.store, actorOf(auth.principal), auth.user.id, req.params.id, ctx.now)
    return reply.code(204).send(null)
  })
  bind(app, ops.changePassword, async (req) => {
    const auth = mustAuth(req.auth)
    return changePassword(ctx.store, auth, req.body.currentPassword, req.body.newPassword, ctx.now)
  })
  bind(app, ops.getMfa, async (req) => mfaStatus(ctx.store.db, mustAuth(req.auth).user))
  bind(app, ops.enrollMfa, async (req) => {
    const auth = mustAuth(req.auth)
    const by = { store: ctx.store, actor: actorOf(auth.principal), now: ctx.now }
    return withTransaction(by, async (trx, audit) => {
      const e = await startEnrollment(trx, auth.user, ctx.now)
      audit({
        action: 'mfa.enroll-start',
        object: `user:${auth.user.id}`,
        visibility: 'public',
        payload: null,
      })
      return e
    })
  })
  bind(app, ops.confirmMfa, async (req) => {
    const auth = mustAuth(req.auth)
    const by = { store: ctx.store, actor: actorOf(auth.principal), now: ctx.now }
    const recoveryCodes = await withTransaction(by, async (trx, audit) => {
      const codes = await confirmEnrollment(trx, auth.user.id, req.body.code, ctx.otpNow())
      audit({
        action: 'mfa.enroll',
        object: `user:${auth.user.id}`,
        visibility: 'public',
        payload: null,
      })
      return codes
    })
    return { recoveryCodes }
  })
  bind(app, ops.newRecoveryCodes, async (req) => {
    const auth = mustAuth(req.auth)
    const recoveryCodes = await regenerateRecoveryCodes(
      ctx.store,
      actorOf(auth.principal),
      auth.user.id,
      req.body.code,
      ctx.otpNow(),
      ctx.now,
    )
    return { recoveryCodes }
  })
  bind(app, ops.disableMfa, async (req, reply) => {
    const auth = mustAuth(req.auth)
    await disableMfa(
      ctx.store,
      actorOf(auth.principal),
      auth.user,
      req.body.code,
      ctx.otpNow(),
      ctx.now,
    )
    return reply.code(204).send(null)
  })
}
