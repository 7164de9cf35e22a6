import { DomainError, notFound } from '../../domain/errors.js'
import type { DbOrTrx } from '../../db/database.js'
import { withTransaction, type Actor, type Store } from '../audit.js'
import { checkPassword, hashPassword, type Authenticated } from '../users.js'
import { assertStrongPassword } from './password-policy.js'

/** One of a user's sessions as they see it in their list (never its token or hash). */
export interface SessionView {
  readonly id: string
  readonly createdAt: string
  readonly lastSeenAt: string
  readonly expiresAt: string
  readonly userAgent: string | null
  readonly address: string | null
  /** The session this request came with. */
  readonly current: boolean
}

/** The user's sessions not yet expired (absolute expiry), newest first. */
export async function listSessions(
  db: DbOrTrx,
  userId: string,
  currentHash: string | null,
  now: () => Date,
): Promise<SessionView[]> {
  const rows = await db
    .selectFrom('sessions')
    .select([
      'id_hash',
      'public_id',
      'created_at',
      'last_seen_at',
      'expires_at',
      'user_agent',
      'address',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now().toISOString())
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.public_id ?? r.id_hash,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    address: r.address,
    current: r.id_hash === currentHash,
  }))
}

/** Ends one of the user's own sessions by its listed id (another user's: 404). */
export async function endSession(
  store: Store,
  actor: Actor,
  userId: string,
  id: string,
  now: () => Date,
): Promise<void> {
  await withTransaction({ store, actor, now }, async (trx, audit) => {
    const res = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('public_id', '=', id)
      .executeTakeFirst()
    if (Number(res.numDeletedRows) !== 1) throw notFound()
    audit({ action: 'session.end', object: `user:${userId}`, visibility: 'private', payload: null })
  })
}

/** Ends all of a user's sessions, or all but one (by hash); how many ended. */
export async function endAllSessions(
  store: Store,
  actor: Actor,
  userId: string,
  now: () => Date,
  keepHash: string | null = null,
): Promise<number> {
  return withTransaction({ store, actor, now }, async (trx, audit) => {
    let q = trx.deleteFrom('sessions').where('user_id', '=', userId)
    if (keepHash !== null) q = q.where('id_hash', '<>', keepHash)
    const res = await q.executeTakeFirst()
    const ended = Number(res.numDeletedRows)
    audit({
      action: 'session.end-all',
      object: `user:${userId}`,
      visibility: 'private',
      payload: { ended, keptCurrent: keepHash !== null },
    })
    return ended
  })
}

/**
 * A user changes their own password: the current one must be right, the new one must pass the
 * policy; every other session of the user ends (the one making the change stays).
 */
export async function changePassword(
  store: Store,
  auth: Authenticated,
  current: string,
  next: string,
  now: () => Date,
): Promise<{ endedSessions: number }> {
  try {
    await checkPassword(store.db, auth.user.email, current)
  } catch {
    throw new DomainError('invalid', 'The current password is wrong.', {
      ko: '현재 비밀번호가 올바르지 않습니다.',
      errors: [{ pointer: '/currentPassword', detail: 'wrong' }],
    })
  }
  return setPassword(store, auth.user.id, next, {
    actor: { id: auth.user.id, label: auth.user.email, party: auth.user.party },
    now,
    keepHash: auth.sessionHash,
  })
}

/**
 * Sets a user's password (after the policy) and ends their sessions, all of them or all but
 * `keepHash`. The CLI's `sma user password` and `changePassword` use it.
 */
export async function setPassword(
  store: Store,
  userId: string,
  password: string,
  opts: { actor: Actor; now: () => Date; keepHash?: string | null },
): Promise<{ endedSessions: number }> {
  const u = await store.db
    .selectFrom('users')
    .select(['email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!u) throw notFound()
  await assertStrongPassword(password, [u.email, u.name])
  const hash = await hashPassword(password)
  return withTransaction({ store, actor: opts.actor, now: opts.now }, async (trx, audit) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute()
    let q = trx.deleteFrom('sessions').where('user_id', '=', userId)
    if (opts.keepHash != null) q = q.where('id_hash', '<>', opts.keepHash)
    const res = await q.executeTakeFirst()
    const endedSessions = Number(res.numDeletedRows)
    audit({
      action: 'user.password',
      object: `user:${userId}`,
      visibility: 'private',
      payload: { endedSessions },
    })
    return { endedSessions }
  })
}
