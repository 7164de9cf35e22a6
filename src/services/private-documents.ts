import type { IfMatch } from '../contracts/common.js'
import { randomUUID } from 'node:crypto'
import type { AccessScope } from '../domain/access/scope.js'
import { DomainError, notFound } from '../domain/errors.js'
import type { DbOrTrx } from '../db/database.js'
import { ownedBy } from '../db/repositories/access-filter.js'
import type { Reader, Sight, Writer } from './context.js'
import { visibleNegotiation, writeInNegotiation } from './negotiations/negotiation.js'

/**
 * The one helper for party-private, ETag-versioned documents of a negotiation: positions and
 * analyses (always private to the author's party) and, for the ETag replace, the private drafts
 * of proposals. Reads see only the own party's rows (another party's look missing); a replace is
 * a conditional UPDATE on the ETag read, so of N concurrent writers holding the same ETag exactly
 * one wins and the rest get 412 with the current ETag.
 */
export type PrivateTable = 'positions' | 'analyses'

/** One own-party document of a visible negotiation, or `not-found`. */
export async function ownDocument(
  r: Sight,
  table: PrivateTable,
  negotiationId: string,
  id: string,
) {
  await visibleNegotiation(r.db, r.scope, negotiationId)
  const row = await r.db
    .selectFrom(table)
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where('id', '=', id)
    .where(ownedBy(r.scope, table))
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** The own party's documents of a visible negotiation, oldest first. */
export async function ownDocuments(r: Sight, table: PrivateTable, negotiationId: string) {
  await visibleNegotiation(r.db, r.scope, negotiationId)
  return r.db
    .selectFrom(table)
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .where(ownedBy(r.scope, table))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The version fields of a stored document as the API shows them. */
export function versionOf(r: {
  id: string
  negotiation_id: string
  owner_party: 'KR' | 'US'
  created_at: string
  updated_at: string
  etag: string
}) {
  return {
    id: r.id,
    negotiationId: r.negotiation_id,
    ownerParty: r.owner_party,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    etag: r.etag,
  }
}

/** A document's row as stored: its own columns plus the version fields added here. */
export type Versioned<T> = T & {
  id: string
  negotiation_id: string
  owner_party: 'KR' | 'US'
  etag: string
  created_at: string
  updated_at: string
  created_by: string
}

/**
 * Creates an own-party private document in a negotiation (audited as `<kind>.create`, private)
 * and returns the stored row.
 */
export function createOwnDocument<T extends Record<string, string | null>>(
  w: Writer,
  table: PrivateTable,
  negotiationId: string,
  columns: T,
  audit: { kind: 'position' | 'analysis'; payload: unknown },
): Promise<Versioned<T>> {
  return writeInNegotiation(w, negotiationId, async (n) => {
    const row = {
      ...columns,
      id: randomUUID(),
      negotiation_id: negotiationId,
      owner_party: n.party,
      etag: randomUUID(),
      created_at: n.at,
      updated_at: n.at,
      created_by: w.actor.id,
    }
    await n.trx
      .insertInto(table)
      .values(row as never)
      .execute()
    n.audit({
      action: `${audit.kind}.create`,
      object: `${audit.kind}:${row.id}`,
      visibility: 'private',
      payload: audit.payload,
    })
    return row
  })
}

/**
 * Replaces the named columns of an own-party document if its ETag is still `ifMatch`; returns
 * the new ETag. `what` names the document in the 412 message ("The position changed…"). Drafts
 * of proposals are replaced only while not tabled.
 */
export async function replaceIfMatch(
  db: DbOrTrx,
  table: PrivateTable | 'proposals',
  scope: AccessScope,
  doc: { id: string; ifMatch: IfMatch; currentETag: string; what: string },
  set: Record<string, string | null>,
): Promise<string> {
  const etag = randomUUID()
  const stale = (): DomainError =>
    new DomainError('precondition-failed', `The ${doc.what} changed since you read it.`, {
      currentETag: doc.currentETag,
    })
  // RFC 9110: `*` matches any current version; a list matches if one strong tag is current.
  if (doc.ifMatch !== '*' && doc.ifMatch.length === 0) throw stale()
  let q = db
    .updateTable(table as 'positions')
    .set({ ...set, etag } as never)
    .where('id', '=', doc.id)
    .where(ownedBy(scope, table))
  if (doc.ifMatch !== '*') q = q.where('etag', 'in', [...doc.ifMatch])
  if (table === 'proposals') q = q.where('tabled_at' as never, 'is', null)
  const res = await q.executeTakeFirst()
  if (Number(res.numUpdatedRows) !== 1) throw stale()
  return etag
}

/**
 * Replaces an own-party private document under If-Match inside a negotiation write, audited as
 * `<kind>.update` (private). `current` reads the document in the transaction (not-found for the
 * other party's); returns the new ETag and the write's time.
 */
export function replaceOwnDocument<C extends { etag: string }>(
  w: Writer,
  table: PrivateTable,
  negotiationId: string,
  id: string,
  ifMatch: IfMatch,
  change: {
    kind: 'position' | 'analysis'
    current: (r: Reader) => Promise<C>
    check?: (current: C) => void
    columns: Record<string, string | null>
    payload: unknown
  },
): Promise<{ current: C; etag: string; at: string }> {
  return writeInNegotiation(w, negotiationId, async (n) => {
    const current = await change.current({ db: n.trx, scope: w.scope, cache: w.cache })
    change.check?.(current)
    const etag = await replaceIfMatch(
      n.trx,
      table,
      w.scope,
      { id, ifMatch, currentETag: current.etag, what: change.kind },
      { ...change.columns, updated_at: n.at },
    )
    n.audit({
      action: `${change.kind}.update`,
      object: `${change.kind}:${id}`,
      visibility: 'private',
      payload: change.payload,
    })
    return { current, etag, at: n.at }
  })
}

/**
 * The use cases of one kind of private document (list, get, create, replace under If-Match),
 * from its table, its name, how a row becomes the API's view and how an input becomes columns.
 * `check` validates an input against the writer (e.g. an analysis's viewpoint must be the
 * writer's party); it runs before a create and, on a replace, after the current document is read.
 */
export function privateDocuments<View extends { etag: string }, Input>(kind: {
  readonly table: PrivateTable
  readonly name: 'position' | 'analysis'
  /** From the table's row (typed by the caller) to the API's view. */
  readonly toView: (row: never) => View
  readonly columns: (input: Input) => Record<string, string | null>
  readonly check?: (w: Writer, input: Input) => void
}) {
  const get = async (r: Reader, negotiationId: string, id: string): Promise<View> =>
    kind.toView((await ownDocument(r, kind.table, negotiationId, id)) as never)
  return {
    list: async (r: Reader, negotiationId: string): Promise<View[]> =>
      (await ownDocuments(r, kind.table, negotiationId)).map((row) => kind.toView(row as never)),
    get,
    create: async (w: Writer, negotiationId: string, input: Input): Promise<View> => {
      kind.check?.(w, input)
      const row = await createOwnDocument(w, kind.table, negotiationId, kind.columns(input), {
        kind: kind.name,
        payload: input,
      })
      return kind.toView(row as never)
    },
    update: async (
      w: Writer,
      negotiationId: string,
      id: string,
      ifMatch: IfMatch,
      input: Input,
    ): Promise<View> => {
      const { current, etag, at } = await replaceOwnDocument(
        w,
        kind.table,
        negotiationId,
        id,
        ifMatch,
        {
          kind: kind.name,
          current: (r) => get(r, negotiationId, id),
          check: () => kind.check?.(w, input),
          columns: kind.columns(input),
          payload: input,
        },
      )
      return { ...current, ...input, etag, updatedAt: at }
    },
  }
}
