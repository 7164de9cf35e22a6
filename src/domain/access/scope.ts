import type { Delegation, Party, Principal } from './permissions.js'

/**
 * Data-level access: which rows a request may see. Every repository read takes a scope and
 * filters `owner_party = :party OR visibility IN ('shared', 'public')` (delegations) or
 * `visibility = 'public'` (outsiders). Private rows of the other party are then simply absent:
 * the API cannot tell them from rows that do not exist.
 */
export const VISIBILITIES = ['private', 'shared', 'public'] as const
export type Visibility = (typeof VISIBILITIES)[number]

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
export function derivedVisibility(inputs: readonly OwnedResource[]): Visibility {
  return narrowest(...inputs.map((i) => i.visibility))
}

/** The narrowest of some visibilities: private, else shared, else public. */
export function narrowest(...vs: readonly Visibility[]): Visibility {
  if (vs.includes('private')) return 'private'
  if (vs.includes('shared')) return 'shared'
  return 'public'
}

/**
 * The visibility of something recorded inside a parent (a round, an event or a proposal of a
 * negotiation): what was asked for, but never wider than the parent. Inside a private
 * negotiation everything is private to its party; inside a shared or public one, a shared item
 * is shared between the two delegations (never public: only the seeded record is).
 * @example childVisibility('private', 'shared') // "private"
 * @example childVisibility('public', 'shared') // "shared"
 */
export function childVisibility(parent: Visibility, requested: 'private' | 'shared'): Visibility {
  return narrowest(parent, requested)
}
