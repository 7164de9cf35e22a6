/** Shapes of the REST API answers the web app reads (docs/api-contract.md). */
import type { AgreementSpec, Schedule } from '../../../src/domain/index.js'

export type Party = 'KR' | 'US' | 'PUBLIC'
export type Role = 'viewer' | 'analyst' | 'negotiator' | 'admin'

export interface User {
  readonly id: string
  readonly email: string
  readonly party: Party
  readonly role: Role
  readonly name: string
}

export interface Session {
  readonly user: User
  readonly csrfToken: string
}

export interface Localized {
  readonly en: string
  readonly ko: string
}

export interface Deadline {
  /** `predecessor-expiry`, `external` (elections, inaugurations), … */
  readonly kind: string
  readonly date: string
  readonly label: string
  readonly sources?: readonly string[]
}

export interface NegotiationLapse {
  readonly from: string
  readonly to: string | null
  readonly ongoing: boolean
}

export interface NegotiationSummary {
  readonly id: string
  readonly title: Localized
  readonly replaces: string | null
  readonly successor: string | null
  readonly status: 'open' | 'concluded' | 'signed' | 'in-force'
  readonly visibility?: 'public' | 'shared' | 'private'
  readonly lapse: NegotiationLapse | null
  readonly nextDeadline: Deadline | null
}

export interface Person {
  readonly name: string
  readonly title: string | null
  readonly agency: string
  readonly role?: string
}

export interface Delegation {
  readonly party: 'KR' | 'US'
  readonly chief: Person | null
  readonly members: readonly Person[]
  readonly agencies: readonly string[]
  readonly sources?: readonly string[]
}

export interface Round {
  readonly id: string
  readonly number: number
  readonly from: string
  readonly to: string | null
  readonly venue: string
  readonly summary: string
  readonly visibility?: string
  readonly sources?: readonly string[]
}

export type EventKind =
  | 'opened'
  | 'text-agreed'
  | 'initialled'
  | 'signed'
  | 'domestic-procedure'
  | 'entry-into-force'
  | 'external'
  | 'note'

export interface NegotiationEvent {
  readonly id?: string
  readonly kind: EventKind
  readonly date: string
  readonly party: 'KR' | 'US' | null
  readonly note: string
  readonly visibility?: string
  readonly sources?: readonly string[]
}

export interface Acceptance {
  readonly party: Party
  readonly proposalId: string
  readonly revisionId: string
  readonly at: string
}

export interface Negotiation extends NegotiationSummary {
  readonly deadlines: readonly Deadline[]
  readonly delegations: readonly Delegation[]
  readonly rounds: readonly Round[]
  readonly events: readonly NegotiationEvent[]
  readonly acceptances: readonly Acceptance[]
  readonly sources?: readonly string[]
  readonly concludedRevisionId?: string | null
  readonly inForceFrom?: string | null
}

export interface Proposal {
  readonly id: string
  readonly title: string
  readonly ownerParty: Party
  /** `public` for the published record (e.g. an agreed text), `shared` once tabled. */
  readonly visibility: 'private' | 'shared' | 'public'
  readonly revisionId: string
  readonly tabledAt: string | null
  readonly roundId: string | null
  readonly etag?: string
  readonly spec: AgreementSpec
  readonly schedule: Schedule | null
  readonly scheduleError?: string | null
}

export interface Position {
  readonly id: string
  readonly title: string
  readonly ownerParty: 'KR' | 'US'
  /** Integer won as text. */
  readonly reservationValue: string | null
  readonly target: string | null
  readonly priorities: readonly string[]
  readonly estimateOfOther: {
    readonly reservationValue: string | null
    readonly target: string | null
    readonly notes: string
  }
  readonly notes: string
  readonly createdAt: string
  readonly updatedAt?: string
  readonly etag: string
}

export interface ApiToken {
  readonly id: string
  readonly name: string
  readonly createdAt?: string
  readonly lastUsedAt?: string | null
  readonly expiresAt?: string | null
}

export interface AuditEntry {
  readonly seq: number
  readonly at: string
  readonly actor: string | null
  readonly party: string | null
  readonly action: string
  readonly object: string | null
  readonly prevHash: string
  readonly hash: string
}
