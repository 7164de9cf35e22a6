import { useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  NegotiationBody,
  RoundBody,
  EventBody,
} from '../../../../src/contracts/negotiations.js'
import type { DelegationBody } from '../../../../src/contracts/negotiation-workflow-operations.js'
import type { ProposalBody } from '../../../../src/contracts/proposals.js'
import { api } from '../../api/client'
import { useCsrfToken } from '../../api/session'

/**
 * The writes of the negotiation workflow (issue 11). Each invalidates what it changes; the
 * negotiation page also polls (decision 0013), so the other delegation's acts arrive too.
 */
const path = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`

/** How often an open negotiation page asks again for the other delegation's acts. */
export const POLL_MS = 10_000

function useWrite<V>(
  url: (v: V) => string,
  body: (v: V) => unknown,
  invalidate: (v: V) => readonly (readonly unknown[])[],
) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (v: V) => {
      const b = body(v)
      return api<{ id?: string }>(url(v), {
        method: 'POST',
        csrfToken,
        ...(b === undefined ? {} : { body: b }),
      })
    },
    onSuccess: async (_d, v) => {
      for (const key of invalidate(v)) await qc.invalidateQueries({ queryKey: key })
    },
  })
}

export const useCreateNegotiation = () =>
  useWrite<NegotiationBody>(
    () => '/api/negotiations',
    (b) => b,
    () => [['negotiations']],
  )

export const useAddRound = (id: string) =>
  useWrite<RoundBody>(
    () => `${path(id)}/rounds`,
    (b) => b,
    () => [['negotiation', id]],
  )

export const useAddEvent = (id: string) =>
  useWrite<EventBody>(
    () => `${path(id)}/events`,
    (b) => b,
    () => [['negotiation', id]],
  )

export const usePutDelegation = (id: string) =>
  useWrite<DelegationBody>(
    () => `${path(id)}/delegations`,
    (b) => b,
    () => [['negotiation', id]],
  )

export type ProposalActInput =
  | { readonly act: 'table' | 'withdraw' | 'accept'; readonly pid: string }
  | { readonly act: 'reject'; readonly pid: string; readonly reason: string }

export const useProposalAct = (id: string) =>
  useWrite<ProposalActInput>(
    (v) => `${path(id)}/proposals/${encodeURIComponent(v.pid)}/${v.act}`,
    (v) => (v.act === 'reject' ? { reason: v.reason } : undefined),
    () => [
      ['proposals', id],
      ['negotiation', id],
    ],
  )

export const useSaveDraft = (id: string) =>
  useWrite<ProposalBody>(
    () => `${path(id)}/proposals`,
    (b) => b,
    () => [['proposals', id]],
  )
