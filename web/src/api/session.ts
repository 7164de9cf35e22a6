import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError } from './client'
import type { Session } from './types'

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

export function useLogin() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<Session>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (session) => {
      setHint(true)
      qc.clear()
      qc.setQueryData(meKey, session)
    },
  })
}

export function useLogout() {
  const qc = useQueryClient()
  const session = useSession().data
  return useMutation({
    mutationFn: () =>
      api<undefined>('/api/auth/logout', { method: 'POST', csrfToken: session?.csrfToken }),
    onSettled: () => {
      setHint(false)
      // Drop every cached answer: nothing of the party's private data survives a logout.
      qc.clear()
      qc.setQueryData(meKey, null)
    },
  })
}
