import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  LoginResult,
  loginBody,
  MfaChallenge,
  Session,
  UserView,
} from '../../../src/contracts/auth.js'
// Direct module import (not the domain index): the layout, in the entry chunk, uses it.
import { can, type Permission, type Principal } from '../../../src/domain/access/permissions.js'
import { api, ApiError } from './client'

export const meKey = ['auth', 'me'] as const

/**
 * The session cookie is HttpOnly, so the page cannot see it. This hint (not a secret: it only
 * says "a login happened in this browser") lets anonymous visitors skip the /api/auth/me call,
 * whose 401 would otherwise show as a console error on every page.
 */
const HINT = 'sma.session'
const hasHint = (): boolean => window.localStorage.getItem(HINT) === '1'
const setHint = (on: boolean): void => {
  if (on) window.localStorage.setItem(HINT, '1')
  else window.localStorage.removeItem(HINT)
}

/** Who am I: the session, or null when not logged in (401). */
export function useSession() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      if (!hasHint()) return null
      try {
        return await api<Session>('/api/auth/me', { signal })
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
          setHint(false)
          return null
        }
        throw e
      }
    },
    staleTime: 60_000,
    retry: false,
  })
}

/** The session user as the domain's principal (null: an anonymous visitor). */
export function principalOf(user: UserView | null | undefined): Principal | null {
  return user ? { userId: user.id, email: user.email, party: user.party, role: user.role } : null
}

/**
 * Whether the viewer may do something: the domain's permission map (`can`) applied to the
 * session user. The server checks the same map on every request; the UI uses it to show only
 * the controls a user may use.
 */
export function useCan(permission: Permission): boolean {
  return can(principalOf(useSession().data?.user), permission)
}

/** Query keys carry the viewer's party: a cached answer is never shown to another party. */
export function usePartyKey(): string {
  return useSession().data?.user.party ?? 'anonymous'
}

/** The CSRF token of a cookie session (sent on every write). */
export function useCsrfToken(): string | undefined {
  return useSession().data?.csrfToken ?? undefined
}

/** Whether a login answer asks for a second step (a code) rather than opening a session. */
export const needsCode = (r: LoginResult): r is MfaChallenge => 'mfa' in r

export function useLogin() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: z.infer<typeof loginBody>) =>
      api<LoginResult>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (result) => {
      if (needsCode(result)) return
      setHint(true)
      qc.clear()
      qc.setQueryData(meKey, result)
    },
  })
}

/** The second login step: the ticket and a TOTP or recovery code. */
export function useLoginCode() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { ticket: string; code: string }) =>
      api<Session & { recoveryCodes: string[] | null }>('/api/auth/login/mfa', {
        method: 'POST',
        body,
      }),
    onSuccess: (session) => {
      setHint(true)
      qc.clear()
      qc.setQueryData(meKey, { user: session.user, csrfToken: session.csrfToken })
    },
  })
}

/** Ends every session of the user, this one included. */
export function useLogoutAll() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: () => api<undefined>('/api/auth/logout-all', { method: 'POST', csrfToken }),
    onSuccess: () => {
      setHint(false)
      qc.clear()
      qc.setQueryData(meKey, null)
    },
  })
}

export function useLogout() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: () => api<undefined>('/api/auth/logout', { method: 'POST', csrfToken }),
    onSettled: () => {
      setHint(false)
      // Drop every cached answer: nothing of the party's private data survives a logout.
      qc.clear()
      qc.setQueryData(meKey, null)
    },
  })
}
