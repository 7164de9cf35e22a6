import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AnalysisInput,
  AnalysisResult,
  AnalysisView,
  SimulationInput,
  SimulationResult,
} from '../../../../src/contracts/analyses.js'
import { api } from '../../api/client'
import { useCsrfToken, usePartyKey } from '../../api/session'

const base = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/analyses`

export function useAnalyses(negotiationId: string, enabled: boolean) {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['analyses', negotiationId, party],
    queryFn: ({ signal }) => api<{ analyses: AnalysisView[] }>(base(negotiationId), { signal }),
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
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: AnalysisInput) =>
      api<{ analysis: AnalysisView }>(base(negotiationId), { method: 'POST', body, csrfToken }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analyses', negotiationId] }),
  })
}

/** Runs a simulation on a stored analysis (private: the answer is kept in component state only). */
export function useSimulation(negotiationId: string, analysisId: string) {
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: SimulationInput) =>
      api<SimulationResult>(`${base(negotiationId)}/${encodeURIComponent(analysisId)}/simulate`, {
        method: 'POST',
        body,
        csrfToken,
      }),
  })
}
