import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError } from './client'
import type { Session } from './types'

export const meKey = ['auth', 'me'] as const

/** Who am I: the session, or null when not logged in (401). */
export function useSession() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Session>('/api/auth/me', { signal })
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 404)) return null
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
      // Drop every cached answer: nothing of the party's private data survives a logout.
      qc.clear()
      qc.setQueryData(meKey, null)
    },
  })
}
