import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AuditResponse } from '../../../../src/contracts/audit.js'
import type { tokenCreated, TokenView } from '../../../../src/contracts/auth.js'
import { api } from '../../api/client'
import { useCsrfToken } from '../../api/session'

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => api<{ tokens: TokenView[] }>('/api/tokens', { signal }),
    select: (d) => d.tokens,
    enabled,
  })
}

export function useCreateToken() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (name: string) =>
      api<z.infer<typeof tokenCreated>>('/api/tokens', {
        method: 'POST',
        body: { name },
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  })
}

export function useAudit(enabled: boolean) {
  return useQuery({
    queryKey: ['audit'],
    queryFn: ({ signal }) => api<AuditResponse>('/api/audit', { signal }),
    select: (d) => d.entries,
    enabled,
  })
}
