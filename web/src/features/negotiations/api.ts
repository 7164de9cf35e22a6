import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  NegotiationDetail,
  NegotiationSummary,
} from '../../../../src/contracts/negotiations.js'
import type { PositionInput, PositionView } from '../../../../src/contracts/positions.js'
import type {
  ProposalBody,
  proposalCreated,
  ProposalView,
} from '../../../../src/contracts/proposals.js'
import { api } from '../../api/client'
import { useCsrfToken, usePartyKey } from '../../api/session'

const path = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`

const detailQuery = (id: string, party: string) => ({
  queryKey: ['negotiation', id, party],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<{ negotiation: NegotiationDetail }>(path(id), { signal }),
})

export function useNegotiations() {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['negotiations', party],
    queryFn: ({ signal }) =>
      api<{ negotiations: NegotiationSummary[] }>('/api/negotiations', { signal }),
    select: (d) => d.negotiations,
  })
}

export function useNegotiation(id: string) {
  const party = usePartyKey()
  return useQuery({ ...detailQuery(id, party), select: (d) => d.negotiation })
}

/** Details of several negotiations at once (same cache entries as useNegotiation). */
export function useNegotiationDetails(ids: readonly string[]) {
  const party = usePartyKey()
  return useQueries({ queries: ids.map((id) => detailQuery(id, party)) })
}

/** A list under a negotiation: `/api/negotiations/{id}/{what}` answers `{ [what]: T[] }`. */
function useChildList<T, K extends 'proposals' | 'positions'>(id: string, what: K, enabled = true) {
  const party = usePartyKey()
  return useQuery({
    queryKey: [what, id, party],
    queryFn: ({ signal }) => api<Record<K, T[]>>(`${path(id)}/${what}`, { signal }),
    select: (d) => d[what],
    enabled,
  })
}

/** Shared proposals plus the viewer's own party's private drafts (the server filters). */
export function useProposals(id: string) {
  return useChildList<ProposalView, 'proposals'>(id, 'proposals')
}

/** The viewer's own party's positions; only requested when the viewer may read positions. */
export function usePositions(id: string, enabled: boolean) {
  return useChildList<PositionView, 'positions'>(id, 'positions', enabled)
}

export function useCreatePosition(id: string) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: PositionInput) =>
      api<unknown>(`${path(id)}/positions`, { method: 'POST', body, csrfToken }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['positions', id] }),
  })
}

export function useCreateProposal() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: ({ negotiationId, body }: { negotiationId: string; body: ProposalBody }) =>
      api<z.infer<typeof proposalCreated>>(`${path(negotiationId)}/proposals`, {
        method: 'POST',
        body,
        csrfToken,
      }),
    onSuccess: (_d, v) => qc.invalidateQueries({ queryKey: ['proposals', v.negotiationId] }),
  })
}

export function useTableProposal(negotiationId: string) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (proposalId: string) =>
      api<unknown>(`${path(negotiationId)}/proposals/${encodeURIComponent(proposalId)}/table`, {
        method: 'POST',
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['proposals', negotiationId] }),
  })
}

/** The viewer's delegation confirms a mutual act the other recorded. */
export function useConfirmEvent(negotiationId: string) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (eventId: string) =>
      api<unknown>(`${path(negotiationId)}/events/${encodeURIComponent(eventId)}/confirm`, {
        method: 'POST',
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['negotiation', negotiationId] }),
  })
}
