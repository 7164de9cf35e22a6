import { randomBytes } from 'node:crypto'
import type { DbOrTrx } from '../../db/database.js'
import { DomainError } from '../../domain/errors.js'
import { SYSTEM_ACTOR, withTransaction, type Actor, type Store } from '../audit.js'
import { secretHash, type UserView } from '../users.js'
import { base32Encode, matchTotp, otpauthUri } from './totp.js'

/**
 * TOTP multi-factor login: enrollment (a secret shown once, as an otpauth:// URI and as text),
 * confirmation with a first code, 10 single-use recovery codes stored hashed, the second login
 * step, and an operator's reset. Required for administrators (src/services/accounts/login.ts),
 * optional for everyone else. The secret is stored as is and never returned after enrollment:
 * docs/decisions/0011-accounts-mfa-sessions.md says why.
 */
export const RECOVERY_CODE_COUNT = 10

export interface MfaStatus {
  /** A confirmed authenticator: every login asks for a code. */
  readonly enabled: boolean
  /** Required for this user's role (administrators). */
  readonly required: boolean
  readonly recoveryCodesLeft: number
}

export interface Enrollment {
  /** Base32, for typing into an authenticator by hand. */
  readonly secret: string
  readonly uri: string
}

/** Whether TOTP is required for a role: administrators manage every account and the audit log. */
export const mfaRequired = (role: UserView['role']): boolean => role === 'admin'

/** A recovery code as shown: 10 base32 characters in two groups (50 random bits). */
function newRecoveryCode(): string {
  const s = base32Encode(randomBytes(7)).slice(0, 10)
  return `${s.slice(0, 5)}-${s.slice(5)}`
}
/** Recovery codes compare without case, dashes or spaces. */
const normalizeRecovery = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

export async function mfaStatus(db: DbOrTrx, user: UserView): Promise<MfaStatus> {
  const row = await db
    .selectFrom('mfa_totp')
    .select('confirmed_at')
    .where('user_id', '=', user.id)
    .executeTakeFirst()
  const left = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return {
    enabled: row?.confirmed_at != null,
    required: mfaRequired(user.role),
    recoveryCodesLeft: Number(left?.n ?? 0),
  }
}

/** Whether the user has a confirmed authenticator. */
export async function hasConfirmedTotp(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mfa_totp')
    .select('confirmed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.confirmed_at != null
}

/**
 * Starts (or restarts) enrollment: a new random 160-bit secret, unconfirmed until a first code
 * is checked. A user with a confirmed authenticator must turn it off (or have it reset) first.
 */
export async function startEnrollment(
  trx: DbOrTrx,
  user: UserView,
  now: () => Date,
): Promise<Enrollment> {
  if (await hasConfirmedTotp(trx, user.id)) {
    throw new DomainError('conflict', 'Two-step login is already on for this account.', {
      ko: '이 계정은 이미 2단계 로그인을 사용하고 있습니다.',
    })
  }
  const secret = base32Encode(randomBytes(20))
  await trx.deleteFrom('mfa_totp').where('user_id', '=', user.id).execute()
  await trx
    .insertInto('mfa_totp')
    .values({
      user_id: user.id,
      secret,
      confirmed_at: null,
      last_step: 0,
      created_at: now().toISOString(),
    })
    .execute()
  return { secret, uri: otpauthUri(secret, user.email) }
}

/** A wrong code: 400 on the account page (the login's code step answers 401 instead). */
const badCode = (): DomainError =>
  new DomainError('invalid', 'The code is wrong, expired or already used.', {
    ko: '인증 코드가 틀렸거나 만료되었거나 이미 사용되었습니다.',
    errors: [{ pointer: '/code', detail: 'wrong, expired or already used' }],
  })

/**
 * Checks a TOTP code against the user's secret (pending or confirmed): ±1 step of `at`, and only
 * a step after the last one accepted, which it then records (no reuse within the window).
 */
async function useTotp(trx: DbOrTrx, userId: string, code: string, at: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('mfa_totp')
    .select(['secret', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return false
  const step = matchTotp(row.secret, code.replace(/\s/g, ''), at)
  if (step === null || step <= Number(row.last_step)) return false
  // the compare-and-set makes two concurrent logins with one code succeed at most once
  const res = await trx
    .updateTable('mfa_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('last_step', '<', step)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

async function useRecoveryCode(
  trx: DbOrTrx,
  userId: string,
  code: string,
  at: Date,
): Promise<boolean> {
  const res = await trx
    .updateTable('mfa_recovery_codes')
    .set({ used_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', secretHash(normalizeRecovery(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Replaces the user's recovery codes with 10 new ones; returns them (shown once). */
async function newRecoveryCodes(trx: DbOrTrx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
  await trx
    .insertInto('mfa_recovery_codes')
    .values(
      codes.map((c) => ({
        user_id: userId,
        code_hash: secretHash(normalizeRecovery(c)),
        used_at: null,
      })),
    )
    .execute()
  return codes
}

/**
 * Confirms a pending enrollment with a first code; returns the 10 recovery codes (shown once).
 * `at` is the real clock (authenticators follow it, never a pinned server date).
 */
export async function confirmEnrollment(
  trx: DbOrTrx,
  userId: string,
  code: string,
  at: Date,
): Promise<string[]> {
  const row = await trx
    .selectFrom('mfa_totp')
    .select('confirmed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row || row.confirmed_at !== null) {
    throw new DomainError('conflict', 'Start enrollment first.', {
      ko: '먼저 등록을 시작하십시오.',
    })
  }
  if (!(await useTotp(trx, userId, code, at))) throw badCode()
  await trx
    .updateTable('mfa_totp')
    .set({ confirmed_at: at.toISOString() })
    .where('user_id', '=', userId)
    .execute()
  return newRecoveryCodes(trx, userId)
}

/**
 * The second login step for a user with a confirmed authenticator: a TOTP code or an unused
 * recovery code (which is then spent). Which one it was, or a thrown `unauthorized`.
 */
export async function checkSecondFactor(
  trx: DbOrTrx,
  userId: string,
  code: string,
  at: Date,
): Promise<'totp' | 'recovery-code'> {
  if (await useTotp(trx, userId, code, at)) return 'totp'
  if (/[A-Za-z]/.test(code) && (await useRecoveryCode(trx, userId, code, at))) {
    return 'recovery-code'
  }
  throw badCode()
}

/** New recovery codes for a user who proves the authenticator with a current code. */
export async function regenerateRecoveryCodes(
  store: Store,
  actor: Actor,
  userId: string,
  code: string,
  at: Date,
  now: () => Date,
): Promise<string[]> {
  return withTransaction({ store, actor, now }, async (trx, audit) => {
    if (!(await hasConfirmedTotp(trx, userId))) {
      throw new DomainError('conflict', 'Two-step login is not on.', {
        ko: '2단계 로그인을 사용하고 있지 않습니다.',
      })
    }
    await checkSecondFactor(trx, userId, code, at)
    const codes = await newRecoveryCodes(trx, userId)
    audit({
      action: 'mfa.recovery-codes',
      object: `user:${userId}`,
      visibility: 'private',
      payload: null,
    })
    return codes
  })
}

/** Turns two-step login off (with a current code); administrators may not. */
export async function disableMfa(
  store: Store,
  actor: Actor,
  user: UserView,
  code: string,
  at: Date,
  now: () => Date,
): Promise<void> {
  if (mfaRequired(user.role)) {
    throw new DomainError('forbidden', 'Administrators must keep two-step login.', {
      ko: '관리자는 2단계 로그인을 해제할 수 없습니다.',
    })
  }
  await withTransaction({ store, actor, now }, async (trx, audit) => {
    if (!(await hasConfirmedTotp(trx, user.id))) {
      throw new DomainError('conflict', 'Two-step login is not on.', {
        ko: '2단계 로그인을 사용하고 있지 않습니다.',
      })
    }
    await checkSecondFactor(trx, user.id, code, at)
    await clearMfa(trx, user.id)
    audit({
      action: 'mfa.disable',
      object: `user:${user.id}`,
      visibility: 'private',
      payload: null,
    })
  })
}

/** Removes a user's authenticator and recovery codes (disable, or an operator's reset). */
export async function clearMfa(trx: DbOrTrx, userId: string): Promise<void> {
  await trx.deleteFrom('mfa_totp').where('user_id', '=', userId).execute()
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
}

/**
 * Installs a known, already confirmed secret (demo users and browser tests only: their code
 * generators must know it). Never reachable from the API.
 */
export async function installKnownTotp(
  store: Store,
  userId: string,
  secret: string,
  now: () => Date,
): Promise<void> {
  await withTransaction({ store, actor: SYSTEM_ACTOR, now }, async (trx, audit) => {
    await clearMfa(trx, userId)
    const at = now().toISOString()
    await trx
      .insertInto('mfa_totp')
      .values({ user_id: userId, secret, confirmed_at: at, last_step: 0, created_at: at })
      .execute()
    audit({ action: 'mfa.enroll', object: `user:${userId}`, visibility: 'private', payload: null })
  })
}

/**
 * An operator's reset (`sma user mfa-reset`): the user's authenticator and recovery codes go,
 * and so do their sessions. An administrator enrolls again at the next login.
 */
export async function resetMfa(
  store: Store,
  email: string,
  actor: Actor,
  now: () => Date,
): Promise<UserView> {
  return withTransaction({ store, actor, now }, async (trx, audit) => {
    const u = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'party', 'role'])
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst()
    if (!u)
      throw new DomainError('not-found', `No user ${email}.`, { ko: `${email} 사용자가 없습니다.` })
    await clearMfa(trx, u.id)
    await trx.deleteFrom('sessions').where('user_id', '=', u.id).execute()
    await trx.deleteFrom('login_tickets').where('user_id', '=', u.id).execute()
    audit({ action: 'mfa.reset', object: `user:${u.id}`, visibility: 'private', payload: null })
    return u
  })
}
