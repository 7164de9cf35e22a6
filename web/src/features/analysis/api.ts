import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SmaAnalysisSetup } from '../../../../src/domain/negotiation/sma-package-space.js'
import { api } from '../../api/client'
import { useSession } from '../../api/session'

/** A stored analysis: always private to the viewer's own party (the server filters). */
export interface Analysis {
  readonly id: string
  readonly negotiationId: string
  readonly ownerParty: 'KR' | 'US'
  readonly title: string
  readonly setup: SmaAnalysisSetup
  readonly createdAt: string
  readonly updatedAt: string
  readonly etag: string
}

type Pair = readonly [number, number]
type Bid = Readonly<Record<string, string | number>>
export interface SolutionPoint {
  readonly utility: Pair
  readonly bid: Bid
  readonly amount?: string | null
  readonly ties: number
}
export interface AnalysisResult {
  readonly domain: string
  readonly profiles: readonly [string, string]
  readonly outcomes: number
  readonly reservation: Pair
  readonly frontier: readonly {
    utility: Pair
    bid: Bid
    outcomes: number
    amount?: string | null
  }[]
  readonly nash: SolutionPoint | null
  readonly kalaiSmorodinsky: SolutionPoint | null
  readonly equalUtility: SolutionPoint | null
  readonly egalitarian: SolutionPoint | null
  readonly maxWelfare: SolutionPoint | null
  readonly zopa: { outcomes: number; fraction: number }
  readonly measure?: 'average-per-year' | 'total'
  readonly whose?: readonly string[]
  readonly cloud: readonly Pair[] | null
}

export type NewAnalysis = { readonly title: string; readonly setup: SmaAnalysisSetup }

const base = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/analyses`

/** Query keys carry the viewer's party: a cached answer is never shown to another party. */
function usePartyKey(): string {
  return useSession().data?.user.party ?? 'anonymous'
}

export function useAnalyses(negotiationId: string, enabled: boolean) {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['analyses', negotiationId, party],
    queryFn: ({ signal }) => api<{ analyses: Analysis[] }>(base(negotiationId), { signal }),
    select: (d) => d.analyses,
    enabled,
  })
}

export function useAnalysisResult(negotiationId: string, analysisId: string | null) {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['analysis-result', negotiationId, analysisId, party],
    queryFn: ({ signal }) =>
      api<AnalysisResult>(`${base(negotiationId)}/${encodeURIComponent(analysisId ?? '')}/result`, {
        signal,
      }),
    enabled: analysisId !== null,
    // computed from private inputs: never kept for another session
    gcTime: 0,
    retry: false,
  })
}

export function useCreateAnalysis(negotiationId: string) {
  const qc = useQueryClient()
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: (body: NewAnalysis) =>
      api<{ analysis: Analysis }>(base(negotiationId), {
        method: 'POST',
        body,
        csrfToken: csrf,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analyses', negotiationId] }),
  })
}
