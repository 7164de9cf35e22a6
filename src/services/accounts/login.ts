import { DomainError } from '../../domain/errors.js'
import { withTransaction, type Store } from '../audit.js'
import {
  checkPassword,
  newToken,
  openSession,
  secretHash,
  type SessionGrant,
  type SessionMeta,
} from '../users.js'
import {
  checkSecondFactor,
  confirmEnrollment,
  hasConfirmedTotp,
  mfaRequired,
  startEnrollment,
  type Enrollment,
} from './mfa.js'

/**
 * A login in one or two steps. The password step opens a session at once for a user without an
 * authenticator; otherwise it hands out a ticket (5 minutes, 5 tries) for the code step. An
 * administrator without a confirmed authenticator enrolls one in the code step: the password
 * step returns the new secret, and the first code confirms it and opens the session.
 */
export const TICKET_MS = 5 * 60 * 1000
export const TICKET_TRIES = 5

export type LoginStep =
  | { readonly kind: 'session'; readonly grant: SessionGrant }
  | {
      readonly kind: 'mfa'
      /** Send with the code to the second step; never a session. */
      readonly ticket: string
      /** Set when the user must enroll now (administrators without an authenticator). */
      readonly enrollment: Enrollment | null
    }

export interface LoginClocks {
  /** The server clock: session and ticket expiry (tests and demos may pin it). */
  readonly now: () => Date
  /** The real clock TOTP codes follow (authenticator apps never see a pinned date). */
  readonly otpNow: () => Date
}

/** The password step. */
export async function beginLogin(
  store: Store,
  email: string,
  password: string,
  meta: SessionMeta,
  clocks: LoginClocks,
): Promise<LoginStep> {
  const user = await checkPassword(store.db, email, password)
  const confirmed = await hasConfirmedTotp(store.db, user.id)
  if (!confirmed && !mfaRequired(user.role)) {
    return { kind: 'session', grant: await openSession(store, user, meta, clocks.now) }
  }
  const ticket = newToken()
  const t = clocks.now()
  const actor = { id: user.id, label: user.email, party: user.party }
  const enrollment = await withTransaction(
    { store, actor, now: clocks.now },
    async (trx, audit) => {
      // one open ticket per user: a new password step voids the one before
      await trx.deleteFrom('login_tickets').where('user_id', '=', user.id).execute()
      await trx
        .insertInto('login_tickets')
        .values({
          id_hash: secretHash(ticket),
          user_id: user.id,
          expires_at: new Date(t.getTime() + TICKET_MS).toISOString(),
          attempts: 0,
        })
        .execute()
      const e = confirmed ? null : await startEnrollment(trx, user, clocks.now)
      audit({
        action: confirmed ? 'session.password-ok' : 'mfa.enroll-start',
        object: `user:${user.id}`,
        visibility: 'private',
        payload: null,
      })
      return e
    },
  )
  return { kind: 'mfa', ticket, enrollment }
}

const badTicket = (): DomainError =>
  new DomainError('unauthorized', 'The login has expired: enter your password again.', {
    ko: '로그인 시간이 지났습니다. 비밀번호를 다시 입력하십시오.',
  })

/**
 * The code step: a TOTP code (or a recovery code) for the ticket's user. With a pending
 * enrollment the code confirms it and the answer carries the 10 recovery codes (shown once).
 */
export async function finishLogin(
  store: Store,
  ticket: string,
  code: string,
  meta: SessionMeta,
  clocks: LoginClocks,
): Promise<{ grant: SessionGrant; recoveryCodes: string[] | null }> {
  const idHash = secretHash(ticket)
  const row = await store.db
    .selectFrom('login_tickets')
    .innerJoin('users', 'users.id', 'login_tickets.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.party',
      'users.role',
      'users.disabled',
      'login_tickets.expires_at',
      'login_tickets.attempts',
    ])
    .where('login_tickets.id_hash', '=', idHash)
    .executeTakeFirst()
  if (
    !row ||
    row.disabled === 1 ||
    row.expires_at <= clocks.now().toISOString() ||
    row.attempts >= TICKET_TRIES
  ) {
    throw badTicket()
  }
  const user = { id: row.id, email: row.email, name: row.name, party: row.party, role: row.role }
  const actor = { id: user.id, label: user.email, party: user.party }
  const at = clocks.otpNow()
  let outcome: { how: 'totp' | 'recovery-code'; recoveryCodes: string[] | null } | DomainError
  try {
    outcome = await withTransaction({ store, actor, now: clocks.now }, async (trx, audit) => {
      const pending = !(await hasConfirmedTotp(trx, user.id))
      const result = pending
        ? { how: 'totp' as const, recoveryCodes: await confirmEnrollment(trx, user.id, code, at) }
        : { how: await checkSecondFactor(trx, user.id, code, at), recoveryCodes: null }
      await trx.deleteFrom('login_tickets').where('id_hash', '=', idHash).execute()
      audit({
        action: pending ? 'mfa.enroll' : 'mfa.verify',
        object: `user:${user.id}`,
        visibility: 'private',
        payload: null,
      })
      return result
    })
  } catch (err) {
    if (!(err instanceof DomainError)) throw err
    // every refusal of the code step is "not logged in", whatever the account page would say
    outcome = new DomainError('unauthorized', err.message, err.extra)
  }
  if (outcome instanceof DomainError) {
    // a wrong code spends one of the ticket's tries (outside the rolled-back transaction)
    await store.db
      .updateTable('login_tickets')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id_hash', '=', idHash)
      .execute()
    throw outcome
  }
  const grant = await openSession(store, user, meta, clocks.now, outcome.how)
  return { grant, recoveryCodes: outcome.recoveryCodes }
}
