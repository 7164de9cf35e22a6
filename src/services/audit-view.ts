import { sql } from 'kysely'
import { SHARED_CHAIN } from '../domain/audit/chain.js'
import type { AccessScope } from '../domain/access/scope.js'
import type { AuditEntry, AuditQuery, AuditResponse } from '../contracts/audit.js'
import type { DbOrTrx } from '../db/database.js'
import type { AuditRow } from './audit.js'

/**
 * The audit log as an admin of a delegation may see it (issue 14, finding 2): the shared chain
 * and the party's own chain, nothing of another party's chain — so neither its numbers, its
 * times nor its hashes show. Another party's staff appear as party and role, not by email; a
 * payload digest and its salt are given only to the acting party's admins (who may see the
 * payload and so check the digest), and a digest that cannot be checked (written before
 * migration 0008 with a salt that was never stored) is given to nobody.
 */
export async function listAuditView(
  db: DbOrTrx,
  scope: AccessScope,
  query: AuditQuery,
): Promise<AuditResponse> {
  if (scope.kind !== 'delegation') return { entries: [], total: 0, chains: [] }
  const party = scope.party
  const chains = [SHARED_CHAIN, party]
  let q = db.selectFrom('audit_log').where('chain', 'in', chains)
  if (query.chain !== undefined)
    q = q.where('chain', '=', query.chain === 'own' ? party : SHARED_CHAIN)
  // An email names only entries whose actor the viewer may see: another party's staff cannot be
  // found (or counted) by their email.
  if (query.actor !== undefined)
    q = q.where('actor', '=', query.actor).where('party', 'in', [party, 'SYSTEM'])
  if (query.action !== undefined)
    q = query.action.endsWith('.')
      ? q.where(startsWith('action', query.action))
      : q.where('action', '=', query.action)
  if (query.object !== undefined) q = q.where(startsWith('object', query.object))
  if (query.from !== undefined) q = q.where('at', '>=', query.from)
  if (query.to !== undefined) q = q.where('at', '<', nextDay(query.to))
  const [rows, count, heads] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(query.limit).offset(query.offset).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    db
      .selectFrom('audit_log')
      .select(['chain'])
      .select((eb) => [eb.fn.max('chain_seq').as('entries')])
      .where('chain', 'in', chains)
      .groupBy('chain')
      .execute(),
  ])
  const roles = await rolesOf(
    db,
    rows.filter((r) => !actorShown(r, party)).map((r) => r.actor),
  )
  const links = await linksOf(
    db,
    rows.map((r) => r.object),
  )
  return {
    entries: rows.map((r) => ({ ...viewOf(r, party, roles), link: links.get(r.object) ?? null })),
    total: Number(count?.n ?? 0),
    chains: heads
      .map((h) => ({ chain: h.chain, entries: h.entries }))
      .sort((a, b) => (a.chain === SHARED_CHAIN ? -1 : b.chain === SHARED_CHAIN ? 1 : 0)),
  }
}

const actorShown = (r: AuditRow, party: string): boolean =>
  r.party === party || r.party === 'SYSTEM'

function viewOf(
  r: AuditRow,
  party: string,
  roles: ReadonlyMap<string, string>,
): Omit<AuditEntry, 'link'> {
  const own = r.party === party
  // Checkable: salted after 0008, or an unsalted public/shared digest of before.
  const checkable = r.salt !== null || r.visibility !== 'private'
  return {
    chain: r.chain === SHARED_CHAIN ? SHARED_CHAIN : 'own',
    seq: r.chain_seq,
    at: r.at,
    actor: actorShown(r, party) ? r.actor : null,
    party: r.party,
    role: actorShown(r, party) ? null : (roles.get(r.actor) ?? null),
    action: r.action,
    object: r.object,
    visibility: r.visibility,
    payloadDigest: own && checkable ? r.payload_digest : null,
    salt: own && checkable ? (r.salt ?? '') : null,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/** The tables of objects that belong to a negotiation, by the object's kind. */
const IN_NEGOTIATION = {
  proposal: 'proposals',
  position: 'positions',
  event: 'negotiation_events',
  round: 'negotiation_rounds',
  analysis: 'analyses',
} as const

/**
 * The web app's page of each object (`kind:id`): its negotiation for negotiation objects, the
 * agreement's ledger for ledger notes. Only objects of entries the viewer sees are looked up.
 */
async function linksOf(db: DbOrTrx, objects: readonly string[]): Promise<Map<string, string>> {
  const links = new Map<string, string>()
  const ids = new Map<string, Set<string>>()
  for (const o of new Set(objects)) {
    const at = o.indexOf(':')
    const kind = o.slice(0, at)
    const id = o.slice(at + 1)
    if (at < 0 || id === '') continue
    if (kind === 'negotiation') links.set(o, `/negotiations/${encodeURIComponent(id)}`)
    else ids.set(kind, (ids.get(kind) ?? new Set()).add(id))
  }
  for (const [kind, table] of Object.entries(IN_NEGOTIATION)) {
    const wanted = [...(ids.get(kind) ?? [])]
    if (wanted.length === 0) continue
    const rows = await db
      .selectFrom(table)
      .select(['id', 'negotiation_id'])
      .where('id', 'in', wanted)
      .execute()
    for (const r of rows)
      links.set(`${kind}:${r.id}`, `/negotiations/${encodeURIComponent(r.negotiation_id)}`)
  }
  const notes = [...(ids.get('ledger-note') ?? [])]
  if (notes.length > 0) {
    const rows = await db
      .selectFrom('ledger_notes')
      .select(['id', 'agreement_id'])
      .where('id', 'in', notes)
      .execute()
    for (const r of rows)
      links.set(`ledger-note:${r.id}`, `/agreements/${encodeURIComponent(r.agreement_id)}/ledger`)
  }
  return links
}

/** The role of each user named by email (an actor label), for showing others' staff. */
async function rolesOf(db: DbOrTrx, emails: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(emails)]
  if (unique.length === 0) return new Map()
  const users = await db
    .selectFrom('users')
    .select(['email', 'role'])
    .where('email', 'in', unique)
    .execute()
  return new Map(users.map((u) => [u.email, u.role]))
}

/** `column` starts with `prefix`, case-sensitively on both databases (LIKE is not). */
const startsWith = (column: 'action' | 'object', prefix: string) =>
  sql<boolean>`substr(${sql.ref(column)}, 1, ${prefix.length}) = ${prefix}`

/** The ISO date after `day` (YYYY-MM-DD), so `to` includes the whole day. */
function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + 1)
  return t.toISOString()
}
