import { z } from 'zod'
import { party, role, ro } from './common.js'

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
