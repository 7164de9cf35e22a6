import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  LedgerNoteInput,
  LedgerNoteView,
  LedgerResponse,
} from '../../../../src/contracts/ledger.js'
import { api } from '../../api/client'
import { useCsrfToken, usePartyKey } from '../../api/session'

const path = (id: string) => `/api/agreements/${encodeURIComponent(id)}/ledger`

/** The public ledger of an agreement (the same JSON as `sma ledger --json`). */
export function useLedger(id: string) {
  return useQuery({
    queryKey: ['ledger', id],
    queryFn: ({ signal }) => api<LedgerResponse>(path(id), { signal }),
  })
}

/** The viewer's own party's notes on the ledger's years (the server answers only those). */
export function useLedgerNotes(id: string, enabled: boolean) {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['ledger-notes', id, party],
    queryFn: ({ signal }) => api<{ notes: LedgerNoteView[] }>(`${path(id)}/notes`, { signal }),
    select: (d) => d.notes,
    enabled,
  })
}

export function useCreateLedgerNote(id: string) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: LedgerNoteInput) =>
      api<unknown>(`${path(id)}/notes`, { method: 'POST', body, csrfToken }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ledger-notes', id] }),
  })
}
