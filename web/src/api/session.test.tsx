import { describe, expect, it } from 'vitest'
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { Session } from '../../../src/contracts/auth.js'
import type { Permission } from '../../../src/domain/access/permissions.js'
import { meKey, principalOf, useCan } from './session'

/** `useCan(permission)` with the session cache holding `session` (null: anonymous). */
function canAs(session: Session | null, permission: Permission): boolean {
  const qc = new QueryClient()
  qc.setQueryData(meKey, session)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  )
  return renderHook(() => useCan(permission), { wrapper }).result.current
}

const as = (party: Session['user']['party'], role: Session['user']['role']): Session => ({
  user: { id: 'u1', email: 'x@demo.sma', name: 'X', party, role },
  csrfToken: 'c',
})

describe('useCan', () => {
  it("applies the domain's permission map to the session user", () => {
    expect(canAs(as('KR', 'admin'), 'audit:read')).toBe(true)
    expect(canAs(as('KR', 'negotiator'), 'audit:read')).toBe(false)
    expect(canAs(as('US', 'analyst'), 'proposal:draft')).toBe(true)
    expect(canAs(as('US', 'viewer'), 'proposal:draft')).toBe(false)
    expect(canAs(as('KR', 'viewer'), 'position:read')).toBe(true)
    expect(canAs(as('KR', 'analyst'), 'proposal:table')).toBe(false)
    // Outsiders keep read access only, whatever their role.
    expect(canAs(as('PUBLIC', 'admin'), 'audit:read')).toBe(false)
    expect(canAs(as('PUBLIC', 'viewer'), 'self:manage')).toBe(true)
  })

  it('treats an anonymous visitor as the null principal', () => {
    expect(principalOf(null)).toBeNull()
    expect(canAs(null, 'public:read')).toBe(true)
    expect(canAs(null, 'analysis:read')).toBe(false)
    expect(principalOf(as('KR', 'analyst').user)).toEqual({
      userId: 'u1',
      email: 'x@demo.sma',
      party: 'KR',
      role: 'analyst',
    })
  })
})
