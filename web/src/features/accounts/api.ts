import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AuditResponse } from '../../../../src/contracts/audit.js'
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

export function useAudit(enabled: boolean) {
  return useQuery({
    queryKey: ['audit'],
    queryFn: ({ signal }) => api<AuditResponse>('/api/audit', { signal }),
    select: (d) => d.entries,
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
