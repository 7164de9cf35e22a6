import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AgreementSpec } from '../../../../src/domain/index.js'
import { api } from '../../api/client'
import { useSession } from '../../api/session'
import type { Negotiation, NegotiationSummary, Position, Proposal } from '../../api/types'

/** Query keys carry the viewer's party: a cached answer is never shown to another party. */
function partyKey(party: string | undefined): string {
  return party ?? 'anonymous'
}

export function useNegotiations() {
  const party = partyKey(useSession().data?.user.party)
  return useQuery({
    queryKey: ['negotiations', party],
    queryFn: ({ signal }) =>
      api<{ negotiations: NegotiationSummary[] }>('/api/negotiations', { signal }),
    select: (d) => d.negotiations,
  })
}

export function useNegotiation(id: string) {
  const party = partyKey(useSession().data?.user.party)
  return useQuery({
    queryKey: ['negotiation', id, party],
    queryFn: ({ signal }) =>
      api<{ negotiation: Negotiation }>(`/api/negotiations/${encodeURIComponent(id)}`, {
        signal,
      }),
    select: (d) => d.negotiation,
  })
}

/** Details of several negotiations at once (same cache entries as useNegotiation). */
export function useNegotiationDetails(ids: readonly string[]) {
  const party = partyKey(useSession().data?.user.party)
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['negotiation', id, party],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ negotiation: Negotiation }>(`/api/negotiations/${encodeURIComponent(id)}`, {
          signal,
        }),
    })),
  })
}

/** Shared proposals plus the viewer's own party's private drafts (the server filters). */
export function useProposals(id: string) {
  const party = partyKey(useSession().data?.user.party)
  return useQuery({
    queryKey: ['proposals', id, party],
    queryFn: ({ signal }) =>
      api<{ proposals: Proposal[] }>(`/api/negotiations/${encodeURIComponent(id)}/proposals`, {
        signal,
      }),
    select: (d) => d.proposals,
  })
}

/** The viewer's own party's positions; only requested when logged in as KR or US. */
export function usePositions(id: string, enabled: boolean) {
  const party = partyKey(useSession().data?.user.party)
  return useQuery({
    queryKey: ['positions', id, party],
    queryFn: ({ signal }) =>
      api<{ positions: Position[] }>(`/api/negotiations/${encodeURIComponent(id)}/positions`, {
        signal,
      }),
    select: (d) => d.positions,
    enabled,
  })
}

export interface NewPosition {
  readonly title: string
  readonly reservationValue: string | null
  readonly target: string | null
  readonly priorities: readonly string[]
  readonly estimateOfOther: {
    reservationValue: string | null
    target: string | null
    notes: string
  }
  readonly notes: string
}

export function useCreatePosition(id: string) {
  const qc = useQueryClient()
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: (body: NewPosition) =>
      api<unknown>(`/api/negotiations/${encodeURIComponent(id)}/positions`, {
        method: 'POST',
        body,
        csrfToken: csrf,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['positions', id] }),
  })
}

export interface NewProposal {
  readonly title: string
  readonly visibility: 'private' | 'shared'
  readonly spec: AgreementSpec
  readonly roundId?: string
}

export function useCreateProposal() {
  const qc = useQueryClient()
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: ({ negotiationId, body }: { negotiationId: string; body: NewProposal }) =>
      api<{ proposal?: Proposal; id?: string }>(
        `/api/negotiations/${encodeURIComponent(negotiationId)}/proposals`,
        { method: 'POST', body, csrfToken: csrf },
      ),
    onSuccess: (_d, v) => qc.invalidateQueries({ queryKey: ['proposals', v.negotiationId] }),
  })
}

export function useTableProposal(negotiationId: string) {
  const qc = useQueryClient()
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: (proposalId: string) =>
      api<unknown>(
        `/api/negotiations/${encodeURIComponent(negotiationId)}/proposals/${encodeURIComponent(proposalId)}/table`,
        { method: 'POST', csrfToken: csrf },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['proposals', negotiationId] }),
  })
}
