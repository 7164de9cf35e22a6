import { useQuery } from '@tanstack/react-query'
import {
  backtestResultSchema,
  projectionRunCreated,
  projectionRunResponse,
  type ProjectionRequest,
  type ProjectionRunCreated,
  type ProjectionRunView,
  type ScenarioList,
} from '../../../../src/contracts/projections.js'
import type { SeriesId } from '../../../../src/domain/index-series/index-series.js'
import { api, apiParsed } from '../../api/client'

export type ScenarioInfo = ScenarioList['scenarios'][number]

/** The shipped scenarios (public, the same for every viewer). */
export function useScenarios() {
  return useQuery({
    queryKey: ['projections', 'scenarios'],
    queryFn: ({ signal }) => api<ScenarioList>('/api/projections/scenarios', { signal }),
    staleTime: Infinity,
  })
}

/** What is compared with the agreement: nothing, the 11th-style variant, or another agreement. */
export type CompareChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'variant' }
  | { readonly kind: 'agreement'; readonly id: string }

/** The form's choices. */
export interface ProjectionInput {
  readonly agreement: string
  readonly scenario: string
  readonly paths: number
  readonly seed: number
  readonly compare: CompareChoice
}

/** The body of `POST /api/projections` for the form's choices. */
export function requestBody(input: ProjectionInput): ProjectionRequest {
  const compare: ProjectionRequest['compare'] =
    input.compare.kind === 'variant'
      ? [{ variant: 'defense-budget-rule' }]
      : input.compare.kind === 'agreement'
        ? [input.compare.id]
        : []
  return {
    agreement: input.agreement,
    scenario: input.scenario,
    paths: input.paths,
    seed: input.seed,
    compare,
  }
}

/**
 * Starts a stored run on the server (`POST /api/projection-runs`): it runs in the background and
 * is reachable by its id; the cancel token comes back once.
 */
export function startRun(
  body: ProjectionRequest,
  csrfToken: string | undefined,
): Promise<ProjectionRunCreated> {
  return apiParsed('/api/projection-runs', (b) => projectionRunCreated.parse(b), {
    method: 'POST',
    body,
    csrfToken,
  })
}

/** A stored run as the asker may see it (404: missing, or not visible to them). */
export function fetchRun(id: string, signal?: AbortSignal): Promise<ProjectionRunView> {
  return apiParsed(
    `/api/projection-runs/${encodeURIComponent(id)}`,
    (b) => projectionRunResponse.parse(b).run,
    { signal },
  )
}

/** Cancels a run with the token its start returned. */
export function cancelRun(
  id: string,
  cancelToken: string,
  csrfToken: string | undefined,
): Promise<ProjectionRunView> {
  return apiParsed(
    `/api/projection-runs/${encodeURIComponent(id)}/cancel`,
    (b) => projectionRunResponse.parse(b).run,
    { method: 'POST', body: { cancelToken }, csrfToken },
  )
}

/** The rolling-origin backtest of a shipped Monte Carlo scenario on one series. */
export function useBacktest(scenario: string | null, series: SeriesId) {
  return useQuery({
    queryKey: ['projections', 'backtest', scenario, series],
    enabled: scenario !== null,
    queryFn: ({ signal }) =>
      apiParsed(
        `/api/projections/backtest?${new URLSearchParams({ scenario: scenario ?? '', series }).toString()}`,
        (b) => backtestResultSchema.parse(b),
        { signal },
      ),
    staleTime: Infinity,
  })
}
