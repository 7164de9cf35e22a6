import type { Delegation, Party, Principal } from './permissions.js'

/**
 * Data-level access: which rows a request may see. Every repository read takes a scope and
 * filters `owner_party = :party OR visibility IN ('shared', 'public')` (delegations) or
 * `visibility = 'public'` (outsiders). Private rows of the other party are then simply absent:
 * the API cannot tell them from rows that do not exist.
 */
export type Visibility = 'private' | 'shared' | 'public'

export type AccessScope =
  { readonly kind: 'public' } | { readonly kind: 'delegation'; readonly party: Delegation }

export const PUBLIC_SCOPE: AccessScope = { kind: 'public' }

export function scopeOf(principal: Principal | null): AccessScope {
  if (principal === null || principal.party === 'PUBLIC') return PUBLIC_SCOPE
  return { kind: 'delegation', party: principal.party }
}

export interface OwnedResource {
  readonly ownerParty: Party
  readonly visibility: Visibility
}

/**
 * Single-object read check, the same rule the SQL filter applies.
 * @example canRead({ kind: 'delegation', party: 'US' }, { ownerParty: 'KR', visibility: 'private' }) // false
 */
export function canRead(scope: AccessScope, r: OwnedResource): boolean {
  if (r.visibility === 'public') return true
  if (scope.kind === 'public') return false
  return r.visibility === 'shared' || r.ownerParty === scope.party
}

/** Only the owning delegation may change a resource (and only a delegation owns writable ones). */
export function canWrite(scope: AccessScope, r: OwnedResource): boolean {
  return scope.kind === 'delegation' && r.ownerParty === scope.party
}

/**
 * The visibility of something computed from inputs: private to a party if any input is private
 * ("anything computed from private inputs is private"), else the widest common class.
 */
export function derivedVisibility(inputs: readonly OwnedResource[]): OwnedResource['visibility'] {
  if (inputs.some((i) => i.visibility === 'private')) return 'private'
  if (inputs.some((i) => i.visibility === 'shared')) return 'shared'
  return 'public'
}
