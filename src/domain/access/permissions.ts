import type { Localized } from '../text/localized.js'

/**
 * The one permission map (ASVS 8.1.1): what each role may do. Every HTTP route names exactly one
 * permission in its route config and a single preHandler checks it (src/server/plugins/auth.ts).
 * Data-level rules (which party sees which row) are separate: see ./scope.ts.
 */
export const PARTIES = ['KR', 'US', 'PUBLIC'] as const
export type Party = (typeof PARTIES)[number]
/** The two delegations; PUBLIC users and anonymous visitors are outsiders. */
export const DELEGATIONS = ['KR', 'US'] as const
export type Delegation = (typeof DELEGATIONS)[number]

export const ROLES = ['viewer', 'analyst', 'negotiator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  /** Read the public record (agreements, schedules, index values, shared negotiation history). */
  'public:read',
  /** Any logged-in user: own session and personal API tokens. */
  'self:manage',
  /** Read negotiations, proposals and positions as the party's scope allows. */
  'negotiation:read',
  'position:read',
  /** Read the own party's bargaining analyses, their results and simulations (party-private). */
  'analysis:read',
  'index:write',
  'proposal:draft',
  'position:write',
  /** Create and edit the own party's analyses; compute an analysis without storing it. */
  'analysis:write',
  'negotiation:create',
  'round:write',
  'event:write',
  'proposal:table',
  'proposal:accept',
  'audit:read',
  /** See the keys of other instances and the documents received from them (issue 17). */
  'exchange:read',
  /** Sign the own delegation's acts for another instance; import signed documents. */
  'exchange:write',
  /** Register another instance's public key: whose signatures this instance believes. */
  'exchange:trust',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const VIEWER: readonly Permission[] = [
  'public:read',
  'self:manage',
  'negotiation:read',
  'position:read',
  'analysis:read',
  'exchange:read',
]
const ANALYST: readonly Permission[] = [
  ...VIEWER,
  'index:write',
  'proposal:draft',
  'position:write',
  'analysis:write',
]
const NEGOTIATOR: readonly Permission[] = [
  ...ANALYST,
  'negotiation:create',
  'round:write',
  'event:write',
  'proposal:table',
  'proposal:accept',
  'exchange:write',
]
const ADMIN: readonly Permission[] = [...NEGOTIATOR, 'audit:read', 'exchange:trust']

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: VIEWER,
  analyst: ANALYST,
  negotiator: NEGOTIATOR,
  admin: ADMIN,
}

/** What an outsider may do: PUBLIC-party users keep only read access, whatever their role. */
const OUTSIDER: readonly Permission[] = ['public:read', 'self:manage', 'negotiation:read']

/** Who is asking. `null` user = anonymous visitor. */
export interface Principal {
  readonly userId: string
  readonly email: string
  readonly party: Party
  readonly role: Role
}

/**
 * The permissions of a principal. Anonymous visitors may read the public record only; PUBLIC
 * users additionally manage their own session and tokens; delegation members get their role's
 * permissions. Fails closed: an unknown role yields nothing beyond `public:read`.
 * @example permissionsOf({ party: 'US', role: 'viewer', … }).has('position:write') // false
 */
export function permissionsOf(principal: Principal | null): ReadonlySet<Permission> {
  if (principal === null) return new Set(['public:read', 'negotiation:read'])
  if (principal.party === 'PUBLIC') return new Set(OUTSIDER)
  return new Set(
    Object.hasOwn(ROLE_PERMISSIONS, principal.role)
      ? ROLE_PERMISSIONS[principal.role]
      : ['public:read'],
  )
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return permissionsOf(principal).has(permission)
}

/**
 * The roles each party's accounts may hold. A PUBLIC account is an outsider: whatever its role it
 * may only read (see `permissionsOf`), so only `viewer` is offered; an "admin of PUBLIC" would be
 * an account that looks like an administrator and is then denied the audit page.
 */
export const PARTY_ROLES: Readonly<Record<Party, readonly Role[]>> = {
  KR: ROLES,
  US: ROLES,
  PUBLIC: ['viewer'],
}

/**
 * Why an account of this party may not hold this role (English and Korean), or null when it may.
 * The one rule for `sma user add` and the user service (src/services/users.ts).
 * @example roleRefusal('PUBLIC', 'admin') // { en: 'a PUBLIC account can only be a viewer …', ko: '…' }
 * @example roleRefusal('KR', 'admin') // null
 */
export function roleRefusal(party: Party, role: Role): Localized | null {
  const allowed = PARTY_ROLES[party]
  if (allowed.includes(role)) return null
  return {
    en: `a ${party} account can only be a ${allowed.join(' or ')}, not ${role}: PUBLIC readers are outsiders and may only read the public record`,
    ko: `${party} 계정은 ${allowed.join(', ')} 역할만 가질 수 있습니다(${role} 불가). 일반(PUBLIC) 열람자는 공개 기록만 읽을 수 있습니다.`,
  }
}
