import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ImportBody,
  InstanceKeyResponse,
  RegisterKeyBody,
  RegisteredKeyView,
  ReceivedDocumentView,
} from '../../../../src/contracts/exchange.js'
import { api } from '../../api/client'
import { useCsrfToken, usePartyKey } from '../../api/session'

/** This instance's parties, mode and public key (public: it is what the other side registers). */
export function useInstanceKey() {
  return useQuery({
    queryKey: ['exchange-key'],
    queryFn: ({ signal }) => api<InstanceKeyResponse>('/api/exchange/key', { signal }),
    staleTime: Infinity,
  })
}

export function useRegisteredKeys(enabled: boolean) {
  const who = usePartyKey()
  return useQuery({
    queryKey: ['exchange-keys', who],
    queryFn: ({ signal }) => api<{ keys: RegisteredKeyView[] }>('/api/exchange/keys', { signal }),
    select: (d) => d.keys,
    enabled,
  })
}

export function useRegisterKey() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: RegisterKeyBody) =>
      api<{ key: RegisteredKeyView }>('/api/exchange/keys', { method: 'POST', body, csrfToken }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['exchange-keys'] }),
  })
}

export function useImportDocument() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: ({ negotiationId, body }: { negotiationId: string; body: ImportBody }) =>
      api<{ received: ReceivedDocumentView }>(
        `/api/negotiations/${encodeURIComponent(negotiationId)}/exchange/import`,
        { method: 'POST', body, csrfToken },
      ),
    // the received act shows in the negotiation's pages
    onSuccess: () => qc.invalidateQueries(),
  })
}
