import type { Party, Role } from '../../domain/access/permissions.js'
import type { DbOrTrx } from '../database.js'

/** Who did something, as every party may see it: party and role, never email or name. */
export interface AuthorRow {
  readonly party: Party
  readonly role: Role
}

/**
 * The party and role of each user id that names a person (the shipped history's `system` and
 * null name nobody): one query for a whole page of rows.
 */
export async function authorsOf(
  db: DbOrTrx,
  userIds: readonly (string | null)[],
): Promise<(id: string | null) => AuthorRow | null> {
  const ids = [...new Set(userIds.filter((u): u is string => u !== null && u !== 'system'))]
  const rows = ids.length
    ? await db.selectFrom('users').select(['id', 'party', 'role']).where('id', 'in', ids).execute()
    : []
  const byId = new Map(rows.map((r) => [r.id, { party: r.party, role: r.role }]))
  return (id) => (id === null ? null : (byId.get(id) ?? null))
}
