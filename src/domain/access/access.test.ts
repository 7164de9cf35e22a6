import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PERMISSIONS,
  ROLES,
  can,
  permissionsOf,
  roleRefusal,
  type Party,
  type Principal,
} from './permissions.js'
import { canRead, canWrite, derivedVisibility, scopeOf, type Visibility } from './scope.js'

const principal = (party: Party, role: Principal['role']): Principal => ({
  userId: 'u',
  email: 'e@x',
  party,
  role,
})

describe('permission map', () => {
  it('grows monotonically from viewer to admin', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = permissionsOf(principal('KR', ROLES[i - 1]!))
      const higher = permissionsOf(principal('KR', ROLES[i]!))
      for (const p of lower) expect(higher.has(p)).toBe(true)
    }
  })
  it('gives outsiders and anonymous visitors no write permission', () => {
    const writes = PERMISSIONS.filter(
      (p) => !['public:read', 'negotiation:read', 'self:manage'].includes(p),
    )
    for (const role of ROLES)
      for (const p of writes) expect(can(principal('PUBLIC', role), p)).toBe(false)
    for (const p of writes) expect(can(null, p)).toBe(false)
  })
  it('reserves the audit log to admins', () => {
    expect(can(principal('KR', 'negotiator'), 'audit:read')).toBe(false)
    expect(can(principal('US', 'admin'), 'audit:read')).toBe(true)
  })
})

describe('which roles a party may hold', () => {
  it('refuses every role but viewer to PUBLIC, whose accounts may only read', () => {
    expect(roleRefusal('PUBLIC', 'viewer')).toBeNull()
    for (const role of ROLES.filter((r) => r !== 'viewer')) {
      const refusal = roleRefusal('PUBLIC', role)
      expect(refusal?.en).toMatch(/PUBLIC account can only be a viewer/)
      expect(refusal?.ko).toMatch(/PUBLIC 계정은 viewer 역할만/)
    }
  })
  it('gives the delegations every role', () => {
    for (const party of ['KR', 'US'] as const)
      for (const role of ROLES) expect(roleRefusal(party, role)).toBeNull()
  })
})

describe('data-level policy', () => {
  const party = fc.constantFrom<Party>('KR', 'US', 'PUBLIC')
  const vis = fc.constantFrom<Visibility>('private', 'shared', 'public')
  const role = fc.constantFrom(...ROLES)
  it('never lets a party read another party’s private object (property)', () => {
    fc.assert(
      fc.property(party, role, party, vis, (p, r, owner, v) => {
        const scope = scopeOf(principal(p, r))
        const ok = canRead(scope, { ownerParty: owner, visibility: v })
        if (v === 'private' && owner !== p) expect(ok).toBe(false)
        if (v === 'public') expect(ok).toBe(true)
        if (p === 'PUBLIC' && v !== 'public') expect(ok).toBe(false)
        if (canWrite(scope, { ownerParty: owner, visibility: v })) expect(owner).toBe(p)
      }),
      { seed: 42, numRuns: 2000 },
    )
  })
  it('makes anything derived from a private input private', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ownerParty: party, visibility: vis }), { minLength: 1 }),
        (inputs) => {
          const d = derivedVisibility(inputs)
          expect(d === 'private').toBe(inputs.some((i) => i.visibility === 'private'))
        },
      ),
      { seed: 7, numRuns: 1000 },
    )
  })
  it('treats anonymous visitors as the public', () => {
    expect(scopeOf(null)).toEqual({ kind: 'public' })
  })
})
