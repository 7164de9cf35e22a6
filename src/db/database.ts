import type { Kysely, Transaction } from 'kysely'
import type { Visibility } from '../domain/access/scope.js'
import type { Delegation, Party as OwnerParty } from '../domain/access/permissions.js'

/**
 * Table interfaces shared by SQLite and PostgreSQL. Column-type rules (stack.md §3): ids are
 * text UUIDs, money and index values are decimal strings, timestamps ISO-8601 UTC text, JSON is
 * text parsed with zod on read, booleans are 0/1 integers.
 *
 * Every party-owned row carries `owner_party` (KR | US | PUBLIC) and `visibility`:
 * `private` (owner party only), `shared` (both delegations), `public` (everyone, also without a
 * login). Repositories filter on these columns; see src/db/repositories/access-filter.ts.
 */
export type { Visibility } from '../domain/access/scope.js'
export type { Party as OwnerParty } from '../domain/access/permissions.js'

export interface SpecRevisionsTable {
  revision_id: string
  agreement_id: string
  spec_json: string
  created_at: string
}

export interface AgreementsTable {
  id: string
  revision_id: string
  owner_party: OwnerParty
  visibility: Visibility
  position: number
  created_at: string
  updated_at: string
}

export interface IndexSeriesTable {
  id: string
  name_json: string
  unit: string
  decimals: number
  publisher: string
}

export interface IndexValuesTable {
  id: string
  series_id: string
  period: number
  value: string
  vintage: string
  released_on: string | null
  sources_json: string
  note: string | null
  /** Release order within the series (first release first). */
  position: number
  created_at: string
  created_by: string | null
}

/** One row (id 1): bumped by triggers whenever agreements or index series/values change. */
export interface RecordVersionTable {
  id: number
  /** A count; PostgreSQL's bigint arrives as a string. */
  version: number | string
}

export interface UsersTable {
  id: string
  email: string
  name: string
  party: OwnerParty
  role: 'viewer' | 'analyst' | 'negotiator' | 'admin'
  password_hash: string
  disabled: 0 | 1
  created_at: string
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
  /** The id a user lists and ends the session by (never the cookie value or its hash). */
  public_id: string | null
  user_agent: string | null
  /** The client address as the server saw it (behind SMA_TRUST_PROXY: the forwarded one). */
  address: string | null
}

export interface MfaTotpTable {
  user_id: string
  /** The base32 TOTP secret: never returned after enrollment (docs/decisions/0011). */
  secret: string
  confirmed_at: string | null
  /** The last accepted time step; PostgreSQL's bigint arrives as a string. */
  last_step: number | string
  created_at: string
}

export interface MfaRecoveryCodesTable {
  user_id: string
  /** SHA-256 of the code (codes are 50 random bits: a slow hash adds nothing). */
  code_hash: string
  used_at: string | null
}

export interface LoginTicketsTable {
  id_hash: string
  user_id: string
  expires_at: string
  attempts: number
}

export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  created_at: string
  last_used_at: string | null
  expires_at: string | null
}

export interface NegotiationsTable {
  id: string
  title_json: string
  replaces: string | null
  successor: string | null
  owner_party: OwnerParty
  visibility: Visibility
  sources_json: string
  created_at: string
}

export interface DeadlinesTable {
  id: string
  negotiation_id: string
  kind: string
  date: string
  label: string
  /** The Korean of the label where the record has it (migration 0021); else null. */
  label_ko?: string | null
  sources_json: string
  owner_party: OwnerParty
  visibility: Visibility
}

export interface RoundsTable {
  id: string
  negotiation_id: string
  number: number
  date_from: string
  date_to: string | null
  venue: string
  summary: string
  /** The Korean of venue and summary where the record has it (migration 0021); else null. */
  venue_ko?: string | null
  summary_ko?: string | null
  sources_json: string
  owner_party: OwnerParty
  visibility: Visibility
  created_at: string
  /** The user who recorded it; null for the shipped history (migration 0004). */
  created_by: string | null
  reported_json?: string | null
  received_id?: string | null
}

export interface DelegationsTable {
  id: string
  negotiation_id: string
  party: Delegation
  agencies_json: string
  sources_json: string
  owner_party: OwnerParty
  visibility: Visibility
}

export interface DelegationMembersTable {
  id: string
  delegation_id: string
  name: string
  title: string | null
  agency: string
  /** The Korean of name and title where the record has it (migration 0021); else null. */
  name_ko?: string | null
  title_ko?: string | null
  role: string
  position: number
}

export interface EventsTable {
  id: string
  negotiation_id: string
  kind: string
  date: string
  party: Delegation | null
  note: string
  /** The Korean of the note where the record has it (migration 0021); else null. */
  note_ko?: string | null
  sources_json: string
  owner_party: OwnerParty
  visibility: Visibility
  created_at: string
  /** The user who recorded it; null for the shipped history (migration 0004). */
  created_by: string | null
  /**
   * When the act counts: at once for one-party acts; for mutual acts (text agreed, initialled,
   * signed) when the second delegation confirms. Null while awaiting confirmation.
   */
  confirmed_at: string | null
  reported_json?: string | null
  received_id?: string | null
}

/** A delegation's confirmation of a mutual act (one per party and event). */
export interface EventConfirmationsTable {
  event_id: string
  party: Delegation
  confirmed_by: string
  at: string
  /** A confirmation reported by the recording party for the other (migration 0010). */
  reported_json?: string | null
}

export interface ProposalsTable {
  id: string
  negotiation_id: string
  title: string
  /** PUBLIC for the joint texts of the seeded history. */
  /** The Korean of the title where the record has it (migration 0021); else null. */
  title_ko?: string | null
  owner_party: OwnerParty
  visibility: Visibility
  revision_id: string
  revises: string | null
  round_id: string | null
  tabled_at: string | null
  etag: string
  created_at: string
  created_by: string
  /** The user who tabled it (migration 0004); null for drafts and the shipped history. */
  tabled_by: string | null
  /** Whose proposal it is when not the owning party's: reported or received (migration 0010). */
  actor_party?: Delegation | null
  /** The source of an act recorded as reported by the owning party (ReportedSource JSON). */
  reported_json?: string | null
  /** The signed document it was received in (received_documents.id). */
  received_id?: string | null
  /** Withdrawal by the owner (migration 0011): when and by which user; null while not withdrawn. */
  withdrawn_at: string | null
  withdrawn_by: string | null
  /** Rejection by the other delegation (migration 0011): when, which user, which party, why. */
  rejected_at: string | null
  rejected_by: string | null
  rejected_party: 'KR' | 'US' | null
  rejection_reason: string | null
  /** A rejection by the other party as reported by us: its source (migration 0010). */
  rejection_reported_json?: string | null
}

export interface AcceptancesTable {
  id: string
  negotiation_id: string
  party: Delegation
  proposal_id: string
  revision_id: string
  at: string
  created_by: string
  /** Order of recording (migration 0002). */
  seq: number
  reported_json?: string | null
  received_id?: string | null
}

export interface PositionsTable {
  id: string
  negotiation_id: string
  owner_party: Delegation
  title: string
  reservation_value: string | null
  target: string | null
  priorities_json: string
  estimate_of_other_json: string
  notes: string
  etag: string
  created_at: string
  updated_at: string
  created_by: string
}

export interface AnalysesTable {
  id: string
  negotiation_id: string
  owner_party: Delegation
  title: string
  /** An `sma-desk/sma-analysis@1` setup (smaAnalysisSetupSchema). */
  setup_json: string
  etag: string
  created_at: string
  updated_at: string
  created_by: string
}

/** A delegation's private note on one year of an agreement's ledger (migration 0006). */
export interface LedgerNotesTable {
  id: string
  agreement_id: string
  year: number
  owner_party: Delegation
  text: string
  etag: string
  created_at: string
  updated_at: string
  created_by: string
}

export interface ProjectionRunsTable {
  id: string
  /** PUBLIC for runs of public inputs; the delegation's for runs of its own inputs. */
  owner_party: OwnerParty
  visibility: 'private' | 'public'
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted'
  /** The request as accepted (projectionRequestSchema, defaults applied). */
  request_json: string
  engine: string
  /** SHA-256 of the agreements' revisions, the scenario and the index series the run read. */
  inputs_digest: string
  paths_total: number
  paths_done: number
  /** SHA-256 of the token the starter received; the token itself is never stored. */
  cancel_token_hash: string
  /** A ProjectionResult once done. */
  result_json: string | null
  error: string | null
  /** The starter's user id, or null for an anonymous visitor. */
  created_by: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

/** Another instance's Ed25519 public key, registered by an admin (migration 0010). */
export interface InstanceKeysTable {
  fingerprint: string
  /** The delegation whose instance signs with it. */
  party: Delegation
  label: string
  public_key_pem: string
  registered_by: string
  registered_at: string
}

/** A signed document received from another instance, kept whole (migration 0010). */
export interface ReceivedDocumentsTable {
  id: string
  negotiation_id: string
  /** The receiving delegation (it is that delegation's record). */
  owner_party: Delegation
  kind: string
  /** The row it was recorded as (proposal, round or acceptance id). */
  object_id: string
  signer_fingerprint: string
  signed_at: string
  document_sha256: string
  document_json: string
  received_at: string
  received_by: string
}

export interface AuditLogTable {
  seq: number
  at: string
  actor: string
  party: string
  action: string
  object: string
  /** Who may see this entry: the acting party only (private objects) or everyone. */
  visibility: Visibility
  payload_digest: string
  prev_hash: string
  hash: string
  /** `shared`, or the party whose own chain holds the entry (migration 0008). */
  chain: string
  /** The entry's number within its chain: dense from 1, what readers see as its number. */
  chain_seq: number
  /** The salt of `payload_digest` (32 hex digits); null for entries written before 0008. */
  salt: string | null
  /** The hash of the single chain before 0008 (kept to check old anchors); null after. */
  v1_hash: string | null
}

export interface Database {
  spec_revisions: SpecRevisionsTable
  agreements: AgreementsTable
  index_series: IndexSeriesTable
  index_values: IndexValuesTable
  record_version: RecordVersionTable
  users: UsersTable
  sessions: SessionsTable
  mfa_totp: MfaTotpTable
  mfa_recovery_codes: MfaRecoveryCodesTable
  login_tickets: LoginTicketsTable
  api_tokens: ApiTokensTable
  negotiations: NegotiationsTable
  negotiation_deadlines: DeadlinesTable
  negotiation_rounds: RoundsTable
  delegations: DelegationsTable
  delegation_members: DelegationMembersTable
  negotiation_events: EventsTable
  event_confirmations: EventConfirmationsTable
  proposals: ProposalsTable
  acceptances: AcceptancesTable
  positions: PositionsTable
  analyses: AnalysesTable
  ledger_notes: LedgerNotesTable
  projection_runs: ProjectionRunsTable
  audit_log: AuditLogTable
  instance_keys: InstanceKeysTable
  received_documents: ReceivedDocumentsTable
}

export type Db = Kysely<Database>
export type DbOrTrx = Kysely<Database> | Transaction<Database>
export type Dialect = 'sqlite' | 'postgres'
