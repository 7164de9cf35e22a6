import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SmaAnalysisSetup } from '../../../../src/domain/bargaining/sma-package-space.js'
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
  /** The negotiation's proposals visible to the viewer, on the plane (tabled first). */
  readonly proposals?: readonly PlacedProposal[]
}

export interface PlacedProposal {
  readonly id: string
  readonly title: string
  readonly ownerParty: string
  readonly visibility: 'private' | 'shared' | 'public'
  readonly tabledAt: string | null
  readonly roundNumber: number | null
  readonly amount: string
  readonly utility: Pair
}

export const STRATEGIES = ['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat'] as const
export type Strategy = (typeof STRATEGIES)[number]
export interface SimulationInput {
  readonly strategyA: Strategy
  readonly strategyB: Strategy
  readonly rounds: number
  readonly seed: number
}
export interface SimulationResult {
  readonly strategies: readonly string[]
  readonly rounds: number
  readonly roundsPlayed: number
  readonly agreement: {
    readonly bid: Bid
    readonly utility: Pair
    readonly amount: string | null
    readonly round: number
    readonly acceptedBy: string
  } | null
  readonly offerCounts: readonly number[]
  /** Per side (A, B): [u_A, u_B] of its offers (thinned to ≤ 500 points). */
  readonly offers: readonly (readonly Pair[])[]
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

/** Runs a simulation on a stored analysis (private: the answer is kept in component state only). */
export function useSimulation(negotiationId: string, analysisId: string) {
  const csrf = useSession().data?.csrfToken
  return useMutation({
    mutationFn: (body: SimulationInput) =>
      api<SimulationResult>(`${base(negotiationId)}/${encodeURIComponent(analysisId)}/simulate`, {
        method: 'POST',
        body,
        csrfToken: csrf,
      }),
  })
}
