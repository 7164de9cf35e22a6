import { z } from 'zod'
import { party, role, ro } from './common.js'
import { said } from './validation-words.js'

export const userView = z
  .object({ id: z.string(), email: z.string(), party, role, name: z.string() })
  .meta({ id: 'User' })
export type UserView = z.infer<typeof userView>

export const loginBody = z
  .strictObject({
    email: z.string().min(1).max(254),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginBody' })

export const sessionResponse = z
  .object({ user: userView, csrfToken: z.string().nullable() })
  .meta({ id: 'Session' })
export type Session = z.infer<typeof sessionResponse>

export const tokenBody = z
  .strictObject({ name: z.string().min(1).max(100) })
  .meta({ id: 'TokenBody' })
export const tokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' })
export type TokenView = z.infer<typeof tokenView>
export const tokensResponse = z.object({ tokens: ro(tokenView) }).meta({ id: 'ApiTokenList' })
export const tokenCreated = z
  .object({ id: z.string(), token: z.string() })
  .meta({ id: 'ApiTokenCreated' })

/** The password step of a login that needs a code: a ticket, and a new secret to enroll. */
export const mfaEnrollment = z
  .object({ secret: z.string(), uri: z.string() })
  .meta({ id: 'MfaEnrollment' })
export type MfaEnrollment = z.infer<typeof mfaEnrollment>
export const mfaChallenge = z
  .object({
    mfa: z.enum(['code', 'enroll']),
    ticket: z.string(),
    enrollment: mfaEnrollment.nullable(),
  })
  .meta({ id: 'MfaChallenge' })
export type MfaChallenge = z.infer<typeof mfaChallenge>
/** A login answers with a session, or with the second step it needs. */
export const loginResponse = z.union([sessionResponse, mfaChallenge]).meta({ id: 'LoginResult' })
export type LoginResult = z.infer<typeof loginResponse>

/** A six-digit TOTP code, or a recovery code (xxxxx-xxxxx). */
const otpCode = z
  .string()
  .min(6)
  .max(20)
  .regex(
    /^[A-Za-z0-9 -]+$/,
    said('a 6-digit code or a recovery code', '6자리 인증 코드나 복구 코드를 입력하십시오.'),
  )
export const mfaLoginBody = z
  .strictObject({ ticket: z.string().min(16).max(100), code: otpCode })
  .meta({ id: 'MfaLoginBody' })
export const mfaLoginResponse = z
  .object({
    user: userView,
    csrfToken: z.string().nullable(),
    /** Set once, when the login confirmed a new enrollment: keep them somewhere safe. */
    recoveryCodes: ro(z.string()).nullable(),
  })
  .meta({ id: 'MfaLoginResult' })
export const mfaCodeBody = z.strictObject({ code: otpCode }).meta({ id: 'MfaCodeBody' })
export const mfaStatusResponse = z
  .object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() })
  .meta({ id: 'MfaStatus' })
export type MfaStatusView = z.infer<typeof mfaStatusResponse>
export const recoveryCodesResponse = z
  .object({ recoveryCodes: ro(z.string()) })
  .meta({ id: 'RecoveryCodes' })

export const sessionView = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    address: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' })
export type SessionView = z.infer<typeof sessionView>
export const sessionsResponse = z.object({ sessions: ro(sessionView) }).meta({ id: 'SessionList' })
export const passwordChangeBody = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .meta({ id: 'PasswordChange' })
export const passwordChanged = z
  .object({ endedSessions: z.number().int() })
  .meta({ id: 'PasswordChanged' })
