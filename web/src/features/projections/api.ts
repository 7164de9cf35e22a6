import { useQuery } from '@tanstack/react-query'
import { projectionResultSchema } from '../../../../src/domain/projection/result-schema.js'
import type { ProjectionResult } from '../../../../src/domain/projection/result.js'
import { api } from '../../api/client'

/** One entry of `GET /api/projections/scenarios` (the full scenario object is not used here). */
export interface ScenarioInfo {
  readonly id: string
  readonly version: number
  readonly title: { readonly en: string; readonly ko: string }
  readonly description: string
  readonly stochastic: boolean
  readonly scenario: {
    readonly deflator?: { readonly baseYear: number }
    readonly stochastic: Readonly<
      Record<
        string,
        {
          readonly model: string
          readonly fit?: { readonly from: number; readonly to: number }
          readonly blockLength?: number
        }
      >
    > | null
  }
}

export interface ScenarioList {
  readonly defaultScenario: string
  readonly scenarios: readonly ScenarioInfo[]
}

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

export interface ProjectionInput {
  readonly agreement: string
  readonly scenario: string
  readonly paths: number
  readonly seed: number
  readonly compare: CompareChoice
}

/** The body of `POST /api/projections` for the form's choices. */
export function requestBody(input: ProjectionInput) {
  const compare =
    input.compare.kind === 'variant'
      ? [{ variant: 'defense-budget-rule' as const }]
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
 * Runs a projection on the server; `signal` cancels it (the server stops the run when the client
 * disconnects). The answer is checked against the result contract.
 */
export async function runProjection(
  input: ProjectionInput,
  signal: AbortSignal,
  csrfToken: string | undefined,
): Promise<ProjectionResult> {
  const json = await api<unknown>('/api/projections', {
    method: 'POST',
    body: requestBody(input),
    signal,
    csrfToken,
  })
  return projectionResultSchema.parse(json)
}
