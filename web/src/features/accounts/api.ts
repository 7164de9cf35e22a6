import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AuditResponse, AuditVerification } from '../../../../src/contracts/audit.js'
import type {
  MfaEnrollment,
  MfaStatusView,
  SessionView,
  tokenCreated,
  TokenView,
} from '../../../../src/contracts/auth.js'
import { api } from '../../api/client'
import { useCsrfToken } from '../../api/session'

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => api<{ tokens: TokenView[] }>('/api/tokens', { signal }),
    select: (d) => d.tokens,
    enabled,
  })
}

export function useCreateToken() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (name: string) =>
      api<z.infer<typeof tokenCreated>>('/api/tokens', {
        method: 'POST',
        body: { name },
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  })
}

/** The audit log's filters as the page keeps them (empty string = no filter). */
export interface AuditFilters {
  readonly actor: string
  readonly action: string
  readonly object: string
  readonly from: string
  readonly to: string
  readonly chain: '' | 'shared' | 'own'
}

export const AUDIT_PAGE_SIZE = 50

export function useAudit(enabled: boolean, filters: AuditFilters, offset: number) {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE), offset: String(offset) })
  for (const [k, v] of Object.entries(filters) as [string, string][]) if (v !== '') params.set(k, v)
  return useQuery({
    queryKey: ['audit', params.toString()],
    queryFn: ({ signal }) => api<AuditResponse>(`/api/audit?${params.toString()}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

const SESSIONS = ['account', 'sessions'] as const
const MFA = ['account', 'mfa'] as const

export function useSessions(enabled: boolean) {
  return useQuery({
    queryKey: SESSIONS,
    queryFn: ({ signal }) => api<{ sessions: SessionView[] }>('/api/account/sessions', { signal }),
    select: (d) => d.sessions,
    enabled,
  })
}

export function useEndSession() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (id: string) =>
      api<undefined>(`/api/account/sessions/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SESSIONS }),
  })
}

export function useChangePassword() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<{ endedSessions: number }>('/api/account/password', {
        method: 'POST',
        body,
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SESSIONS }),
  })
}

export function useMfaStatus(enabled: boolean) {
  return useQuery({
    queryKey: MFA,
    queryFn: ({ signal }) => api<MfaStatusView>('/api/account/mfa', { signal }),
    enabled,
  })
}

export function useEnrollMfa() {
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: () => api<MfaEnrollment>('/api/account/mfa/enroll', { method: 'POST', csrfToken }),
  })
}

/** Confirm an enrollment, or replace the recovery codes: both answer with new recovery codes. */
export function useRecoveryCodes(path: 'confirm' | 'recovery-codes') {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>(`/api/account/mfa/${path}`, {
        method: 'POST',
        body: { code },
        csrfToken,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MFA }),
  })
}

export function useDisableMfa() {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: (code: string) =>
      api<undefined>('/api/account/mfa/disable', { method: 'POST', body: { code }, csrfToken }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MFA }),
  })
}

/** Runs the same chain verification as `sma audit verify` on the server. */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => api<AuditVerification>('/api/audit/verification'),
  })
}
