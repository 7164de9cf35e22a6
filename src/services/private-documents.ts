import { randomUUID } from 'node:crypto'
import type { AccessScope } from '../domain/access/scope.js'
import { DomainError, notFound } from '../domain/errors.js'
import type { DbOrTrx } from '../db/database.js'
import { ownedBy } from '../db/repositories/access-filter.js'

/**
 * The one helper for party-private, ETag-versioned documents of a negotiation: positions and
 * analyses (always private to the author's party) and the private drafts of proposals. Reads see
 * only the own party's rows (another party's look missing); a replace is a conditional UPDATE on
 * the ETag read, so of N concurrent writers holding the same ETag exactly one wins and the rest
 * get 412 with the current ETag.
 */
export type PrivateTable = 'positions' | 'analyses'

/** Fresh version fields for a new document (`id`, `etag`, both timestamps). */
export function newVersion(at: string): {
  id: string
  etag: string
  created_at: string
  updated_at: string
} {
  return { id: randomUUID(), etag: randomUUID(), created_at: at, updated_at: at }
}

/** One own-party document of a negotiation, or `not-found`. */
export async function ownDocument(
  db: DbOrTrx,
  table: PrivateTable,
  scope: AccessScope,
  negotiationId: string,
  id: string,
) {
  const row = await db
    .selectFrom(table)
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where('id', '=', id)
    .where(ownedBy(scope, table))
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** The own party's documents of a negotiation, oldest first. */
export async function ownDocuments(
  db: DbOrTrx,
  table: PrivateTable,
  scope: AccessScope,
  negotiationId: string,
) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where(ownedBy(scope, table))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/**
 * Replaces the named columns of an own-party document if its ETag is still `ifMatch`; returns
 * the new ETag. `what` names the document in the 412 message ("The position changed…").
 * `extraWhere` narrows further (drafts: not yet tabled).
 */
export async function replaceIfMatch(
  db: DbOrTrx,
  table: PrivateTable | 'proposals',
  scope: AccessScope,
  doc: { id: string; ifMatch: string; currentETag: string; what: string },
  set: Record<string, string | null>,
): Promise<string> {
  const etag = randomUUID()
  let q = db
    .updateTable(table as 'positions')
    .set({ ...set, etag } as never)
    .where('id', '=', doc.id)
    .where('etag', '=', doc.ifMatch)
    .where(ownedBy(scope, table))
  if (table === 'proposals') q = q.where('tabled_at' as never, 'is', null)
  const res = await q.executeTakeFirst()
  if (Number(res.numUpdatedRows) !== 1) {
    throw new DomainError('precondition-failed', `The ${doc.what} changed since you read it.`, {
      currentETag: doc.currentETag,
    })
  }
  return etag
}
