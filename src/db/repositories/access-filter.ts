import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { AccessScope } from '../../domain/access/scope.js'

/**
 * The one data-level filter every party-owned read goes through:
 * outsiders see `visibility = 'public'`; a delegation sees its own rows and everything shared
 * or public. The other party's private rows never leave the database.
 */
export function visibleTo(scope: AccessScope, table: string): RawBuilder<SqlBool> {
  const visibility = sql.ref(`${table}.visibility`)
  if (scope.kind === 'public') return sql<SqlBool>`${visibility} = 'public'`
  const owner = sql.ref(`${table}.owner_party`)
  return sql<SqlBool>`(${owner} = ${scope.party} or ${visibility} in ('shared', 'public'))`
}

/** Rows owned by the scope's own delegation only (positions, drafts to edit). */
export function ownedBy(scope: AccessScope, table: string): RawBuilder<SqlBool> {
  if (scope.kind === 'public') return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`${sql.ref(`${table}.owner_party`)} = ${scope.party}`
}
