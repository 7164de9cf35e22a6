import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { useSession } from '../../api/session'
import type { ApiToken, AuditEntry } from '../../api/types'

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => api<{ tokens: ApiToken[] }>('/api/tokens', { signal }),
    select: (d) => d.tokens,
    enabled,
  })
}

export function useCreateToken() {
  const qc = useQueryClient()
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: (name: string) =>
      api<{ id: string; token: string }>('/api/tokens', {
        method: 'POST',
        body: { name },
        csrfToken: csrf,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  })
}

export function useAudit(enabled: boolean) {
  return useQuery({
    queryKey: ['audit'],
    queryFn: ({ signal }) => api<{ entries: AuditEntry[] }>('/api/audit', { signal }),
    select: (d) => d.entries,
    enabled,
  })
}
