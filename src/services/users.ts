import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { userPartyRefusal } from '../domain/access/instance.js'
import {
  DELEGATIONS,
  roleRefusal,
  type Delegation,
  type Principal,
  type Party,
  type Role,
} from '../domain/access/permissions.js'
import type { DbOrTrx } from '../db/database.js'
import { SYSTEM_ACTOR, withTransaction, type Actor, type Store } from './audit.js'
import { DomainError, notFound } from '../domain/errors.js'
import { assertStrongPassword } from './accounts/password-policy.js'

/** OWASP minimum for Argon2id: m = 19 MiB, t = 2, p = 1. */
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/** The native Argon2 addon, loaded with the first password to hash or check (not at start-up). */
const argon2 = (): Promise<typeof import('@node-rs/argon2')> => import('@node-rs/argon2')
const SESSION_IDLE_MS = 8 * 60 * 60 * 1000
const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')
const token = (): string => randomBytes(32).toString('base64url')

export const newUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  party: z.enum(['KR', 'US', 'PUBLIC']),
  role: z.enum(['viewer', 'analyst', 'negotiator', 'admin']),
  password: z.string().min(12, 'at least 12 characters').max(256),
})
export type NewUser = z.infer<typeof newUserSchema>

export interface UserView {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly party: Party
  readonly role: Role
}

export function actorOf(p: Principal): Actor {
  return { id: p.userId, label: p.email, party: p.party }
}

/**
 * Creates a user (the CLI's `sma user add`, and the helper e2e tests and demos use). The
 * password must pass the policy (src/services/accounts/password-policy.ts) and is hashed with
 * Argon2id; the email is stored lower-case. `parties` are the delegations present on this
 * instance (SMA_PARTIES, default both): a user of another delegation is refused (conflict)
 * before anything is stored.
 */
export async function createUser(
  store: Store,
  input: NewUser,
  opts: { actor?: Actor; now?: () => Date; parties?: readonly Delegation[] } = {},
): Promise<UserView> {
  const parsed = newUserSchema.safeParse(input)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new DomainError('invalid', `${i?.path.join('.') ?? ''}: ${i?.message ?? 'invalid'}`, {
      ko: `사용자 정보의 ${i?.path.join('.') ?? ''} 항목이 올바르지 않습니다.`,
    })
  }
  const u = parsed.data
  const absent = userPartyRefusal(u.party, opts.parties ?? DELEGATIONS)
  if (absent !== null) throw new DomainError('conflict', absent.en, { ko: absent.ko })
  const badRole = roleRefusal(u.party, u.role)
  if (badRole !== null) throw new DomainError('invalid', badRole.en, { ko: badRole.ko })
  const email = u.email.toLowerCase()
  await assertStrongPassword(u.password, [email, u.name])
  const passwordHash = await hashPassword(u.password)
  const now = opts.now ?? (() => new Date())
  return withTransaction({ store, actor: opts.actor ?? SYSTEM_ACTOR, now }, async (trx, audit) => {
    const exists = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    if (exists)
      throw new DomainError('conflict', `a user ${email} already exists`, {
        ko: `${email} 사용자가 이미 있습니다.`,
      })
    const id = randomUUID()
    await trx
      .insertInto('users')
      .values({
        id,
        email,
        name: u.name,
        party: u.party,
        role: u.role,
        password_hash: passwordHash,
        disabled: 0,
        created_at: now().toISOString(),
      })
      .execute()
    audit({
      action: 'user.create',
      object: `user:${id}`,
      visibility: 'public',
      payload: { email, party: u.party, role: u.role },
    })
    return { id, email, name: u.name, party: u.party, role: u.role }
  })
}

// A fixed hash to verify against for unknown users, so both failures take the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0rn6QqB1Wcq2xSx2mJrW3rS8SxHT0Wm5Rh2ZnMA4r8g'

/** Hashes a password with Argon2id (OWASP parameters); the policy is checked before. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON)
}

export interface SessionGrant {
  readonly user: UserView
  /** Cookie value: shown once, stored only as a hash. */
  readonly sessionToken: string
  readonly csrfToken: string
  readonly expiresAt: string
}

/** Where a session was opened from, shown in the user's list of sessions. */
export interface SessionMeta {
  readonly userAgent: string | null
  /** The client address (behind a trusted proxy, the forwarded one). */
  readonly address: string | null
}

/** A user row as the login steps need it. */
export interface LoginUser extends UserView {
  readonly passwordHash: string
}

/**
 * Checks an email and password; the user, or `unauthorized` with one message for every failure
 * (unknown email, wrong password, disabled account), each taking one Argon2 verification.
 */
export async function checkPassword(
  db: DbOrTrx,
  email: string,
  password: string,
): Promise<LoginUser> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  let ok: boolean
  try {
    ok = await (await argon2()).verify(row?.password_hash ?? DUMMY_HASH, password)
  } catch {
    ok = false
  }
  if (!row || !ok || row.disabled === 1) {
    throw new DomainError('unauthorized', 'Wrong email or password.', {
      ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    })
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    party: row.party,
    role: row.role,
    passwordHash: row.password_hash,
  }
}

/**
 * Opens a new session for a user whose every login step passed (a new token each time). Call it
 * only from the login steps (src/services/accounts/login.ts), which decide whether a second
 * factor is needed first.
 */
export async function openSession(
  store: Store,
  u: UserView,
  meta: SessionMeta,
  now: () => Date,
  how: 'password' | 'totp' | 'recovery-code' = 'password',
): Promise<SessionGrant> {
  const user: UserView = { id: u.id, email: u.email, name: u.name, party: u.party, role: u.role }
  const sessionToken = token()
  const csrfToken = token()
  const t = now()
  const expiresAt = new Date(t.getTime() + SESSION_ABSOLUTE_MS).toISOString()
  await withTransaction(
    { store, actor: { id: u.id, label: u.email, party: u.party }, now },
    async (trx, audit) => {
      await trx
        .insertInto('sessions')
        .values({
          id_hash: sha256(sessionToken),
          public_id: randomUUID(),
          user_id: u.id,
          csrf_token: csrfToken,
          created_at: t.toISOString(),
          last_seen_at: t.toISOString(),
          expires_at: expiresAt,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
          address: meta.address?.slice(0, 64) ?? null,
        })
        .execute()
      audit({
        action: 'session.login',
        object: `user:${u.id}`,
        // A sign-in is the party's own business: it goes to the party's chain (decision 0010).
        visibility: 'private',
        payload: how === 'password' ? null : { factor: how },
      })
    },
  )
  return { user, sessionToken, csrfToken, expiresAt }
}

/** SHA-256 hex of a secret (session and ticket tokens, recovery codes). */
export const secretHash = sha256
/** A new random 256-bit token, base64url. */
export const newToken = token

export interface Authenticated {
  readonly principal: Principal
  readonly user: UserView
  /** Present for cookie sessions: the CSRF token writes must echo. */
  readonly csrfToken: string | null
  readonly via: 'session' | 'token'
  readonly sessionHash: string | null
}

/** The user columns both ways of authenticating read. */
const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.party',
  'users.role',
  'users.disabled',
] as const

function authenticated(
  r: { id: string; email: string; name: string; party: Party; role: Role },
  how: Pick<Authenticated, 'csrfToken' | 'via' | 'sessionHash'>,
): Authenticated {
  const user: UserView = { id: r.id, email: r.email, name: r.name, party: r.party, role: r.role }
  return { principal: { userId: r.id, email: r.email, party: r.party, role: r.role }, user, ...how }
}

/** Resolves a session cookie value; null when unknown, expired (idle or absolute) or disabled. */
export async function fromSession(
  db: DbOrTrx,
  sessionToken: string,
  now: () => Date,
): Promise<Authenticated | null> {
  const idHash = sha256(sessionToken)
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      ...USER_COLUMNS,
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!r || r.disabled === 1) return null
  const t = now()
  if (r.expires_at <= t.toISOString()) return null
  if (new Date(r.last_seen_at).getTime() + SESSION_IDLE_MS <= t.getTime()) return null
  // Touch at most once a minute, so reads stay reads.
  if (t.getTime() - new Date(r.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: t.toISOString() })
      .where('id_hash', '=', idHash)
      .execute()
  }
  return authenticated(r, { csrfToken: r.csrf_token, via: 'session', sessionHash: idHash })
}

/** Resolves a personal API token (Bearer). */
export async function fromApiToken(
  db: DbOrTrx,
  bearer: string,
  now: () => Date,
): Promise<Authenticated | null> {
  const r = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...USER_COLUMNS, 'api_tokens.expires_at'])
    .where('api_tokens.token_hash', '=', sha256(bearer))
    .executeTakeFirst()
  if (!r || r.disabled === 1) return null
  if (r.expires_at !== null && r.expires_at <= now().toISOString()) return null
  return authenticated(r, { csrfToken: null, via: 'token', sessionHash: null })
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function logout(store: Store, auth: Authenticated, now: () => Date): Promise<void> {
  if (auth.sessionHash === null) return
  const hash = auth.sessionHash
  await withTransaction({ store, actor: actorOf(auth.principal), now }, async (trx, audit) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', hash).execute()
    audit({
      action: 'session.logout',
      object: `user:${auth.user.id}`,
      visibility: 'private',
      payload: null,
    })
  })
}

export interface TokenView {
  readonly id: string
  readonly name: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
  readonly expiresAt: string | null
}

/** Creates a personal API token; the token text is returned once and stored only as a hash. */
export async function createApiToken(
  store: Store,
  userId: string,
  name: string,
  opts: { actor?: Actor; now?: () => Date; expiresAt?: string | null } = {},
): Promise<{ id: string; token: string }> {
  const now = opts.now ?? (() => new Date())
  const secret = `sma_${token()}`
  const id = randomUUID()
  await withTransaction({ store, actor: opts.actor ?? SYSTEM_ACTOR, now }, async (trx, audit) => {
    const u = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
    if (!u) throw new DomainError('not-found', 'No such user.', { ko: '해당 사용자가 없습니다.' })
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: userId,
        name,
        token_hash: sha256(secret),
        created_at: now().toISOString(),
        last_used_at: null,
        expires_at: opts.expiresAt ?? null,
      })
      .execute()
    audit({
      action: 'token.create',
      object: `token:${id}`,
      visibility: 'private',
      payload: { userId, name },
    })
  })
  return { id, token: secret }
}

export async function listApiTokens(db: DbOrTrx, userId: string): Promise<TokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  }))
}

export async function revokeApiToken(
  store: Store,
  actor: Actor,
  userId: string,
  id: string,
  now: () => Date,
): Promise<void> {
  await withTransaction({ store, actor, now }, async (trx, audit) => {
    const res = await trx
      .deleteFrom('api_tokens')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (Number(res.numDeletedRows) !== 1) throw notFound()
    audit({ action: 'token.revoke', object: `token:${id}`, visibility: 'private', payload: null })
  })
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserView | null> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'party', 'role'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  return r ?? null
}
