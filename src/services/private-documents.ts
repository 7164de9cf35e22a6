import type { IfMatch } from '../contracts/common.js'
import { randomUUID } from 'node:crypto'
import type { AccessScope } from '../domain/access/scope.js'
import { DomainError, notFound } from '../domain/errors.js'
import type { DbOrTrx } from '../db/database.js'
import { ownedBy } from '../db/repositories/access-filter.js'
import { visibleTo } from '../db/repositories/access-filter.js'
import { withTransaction, type Audit } from './audit.js'
import type { Reader, Sight, Writer } from './context.js'
import { delegationOf, visibleNegotiation } from './negotiations/negotiation.js'

/**
 * The one helper for party-private, ETag-versioned documents: positions and analyses of a
 * negotiation, notes on the years of an agreement's ledger (always private to the author's
 * party) and, for the ETag replace, the private drafts of proposals. Reads see only the own
 * party's rows (another party's look missing); a replace is a conditional UPDATE on the ETag
 * read, so of N concurrent writers holding the same ETag exactly one wins and the rest get 412
 * with the current ETag.
 */
export type PrivateTable = 'positions' | 'analyses' | 'ledger_notes'
export type DocumentKind = 'position' | 'analysis' | 'ledger-note'

/** The Korean name of each versioned document, for the 412 message (glossary: 입장, 분석, 메모). */
const DOCUMENT_KO: Readonly<Record<DocumentKind | 'proposal', string>> = {
  position: '입장',
  analysis: '분석',
  'ledger-note': '연도별 메모',
  proposal: '제안',
}

/** What a private document belongs to: the column naming it, and the check that the asker sees it. */
interface DocumentParent {
  readonly column: 'negotiation_id' | 'agreement_id'
  readonly visible: (db: DbOrTrx, scope: AccessScope, id: string) => Promise<unknown>
}

/** An agreement the scope may see; otherwise `not-found`. */
async function visibleAgreement(db: DbOrTrx, scope: AccessScope, id: string): Promise<void> {
  const row = await db
    .selectFrom('agreements')
    .select('id')
    .where('id', '=', id)
    .where(visibleTo(scope, 'agreements'))
    .executeTakeFirst()
  if (!row) throw notFound()
}

const PARENT: Readonly<Record<PrivateTable, DocumentParent>> = {
  positions: { column: 'negotiation_id', visible: visibleNegotiation },
  analyses: { column: 'negotiation_id', visible: visibleNegotiation },
  ledger_notes: { column: 'agreement_id', visible: visibleAgreement },
}

/** What a write of a private document works with. */
interface DocumentWrite {
  readonly trx: DbOrTrx
  readonly audit: Audit
  readonly party: 'KR' | 'US'
  readonly at: string
}

/**
 * The one way to write a private document: the actor must belong to a delegation, the write runs
 * in an audited transaction, and the parent (negotiation or agreement) must be visible to the
 * actor's scope (otherwise `not-found`, as if it did not exist).
 */
function writeInParent<T>(
  w: Writer,
  table: PrivateTable,
  parentId: string,
  fn: (n: DocumentWrite) => Promise<T>,
): Promise<T> {
  const party = delegationOf(w.actor)
  return withTransaction(w, async (trx, audit) => {
    await PARENT[table].visible(trx, w.scope, parentId)
    return fn({ trx, audit, party, at: w.now().toISOString() })
  })
}

/** One own-party document of a visible negotiation (or agreement), or `not-found`. */
export async function ownDocument(r: Sight, table: PrivateTable, parentId: string, id: string) {
  const parent = PARENT[table]
  await parent.visible(r.db, r.scope, parentId)
  const row = await r.db
    .selectFrom(table as 'positions')
    .selectAll()
    .where(parent.column as 'negotiation_id', '=', parentId)
    .where('id', '=', id)
    .where(ownedBy(r.scope, table))
    .executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** The own party's documents of a visible negotiation (or agreement), oldest first. */
export async function ownDocuments(r: Sight, table: PrivateTable, parentId: string) {
  const parent = PARENT[table]
  await parent.visible(r.db, r.scope, parentId)
  return r.db
    .selectFrom(table as 'positions')
    .selectAll()
    .where(parent.column as 'negotiation_id', '=', parentId)
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
  owner_party: 'KR' | 'US'
  etag: string
  created_at: string
  updated_at: string
  created_by: string
}

/**
 * Creates an own-party private document in a negotiation or agreement (audited as
 * `<kind>.create`, private) and returns the stored row.
 */
export function createOwnDocument<T extends Record<string, string | number | null>>(
  w: Writer,
  table: PrivateTable,
  parentId: string,
  columns: T,
  audit: { kind: DocumentKind; payload: unknown },
): Promise<Versioned<T>> {
  return writeInParent(w, table, parentId, async (n) => {
    const row = {
      ...columns,
      id: randomUUID(),
      [PARENT[table].column]: parentId,
      owner_party: n.party,
      etag: randomUUID(),
      created_at: n.at,
      updated_at: n.at,
      created_by: w.actor.id,
    }
    await n.trx.insertInto(table).values(row).execute()
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
  doc: { id: string; ifMatch: IfMatch; currentETag: string; what: DocumentKind | 'proposal' },
  set: Record<string, string | number | null>,
): Promise<string> {
  const etag = randomUUID()
  const stale = (): DomainError =>
    new DomainError('precondition-failed', `The ${doc.what} changed since you read it.`, {
      ko: `조회한 뒤에 다른 사용자가 이 ${DOCUMENT_KO[doc.what]}을(를) 수정했습니다. 최신 내용을 다시 불러온 뒤 수정하십시오.`,
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
  parentId: string,
  id: string,
  ifMatch: IfMatch,
  change: {
    kind: DocumentKind
    current: (r: Reader) => Promise<C>
    check?: (current: C) => void
    columns: Record<string, string | number | null>
    payload: unknown
  },
): Promise<{ current: C; etag: string; at: string }> {
  return writeInParent(w, table, parentId, async (n) => {
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
  readonly name: DocumentKind
  /** From the table's row (typed by the caller) to the API's view. */
  readonly toView: (row: never) => View
  readonly columns: (input: Input) => Record<string, string | number | null>
  readonly check?: (w: Writer, input: Input) => void
}) {
  const get = async (r: Reader, parentId: string, id: string): Promise<View> =>
    kind.toView((await ownDocument(r, kind.table, parentId, id)) as never)
  return {
    list: async (r: Reader, parentId: string): Promise<View[]> =>
      (await ownDocuments(r, kind.table, parentId)).map((row) => kind.toView(row as never)),
    get,
    create: async (w: Writer, parentId: string, input: Input): Promise<View> => {
      kind.check?.(w, input)
      const row = await createOwnDocument(w, kind.table, parentId, kind.columns(input), {
        kind: kind.name,
        payload: input,
      })
      return kind.toView(row as never)
    },
    update: async (
      w: Writer,
      parentId: string,
      id: string,
      ifMatch: IfMatch,
      input: Input,
    ): Promise<View> => {
      const { current, etag, at } = await replaceOwnDocument(w, kind.table, parentId, id, ifMatch, {
        kind: kind.name,
        current: (r) => get(r, parentId, id),
        check: () => kind.check?.(w, input),
        columns: kind.columns(input),
        payload: input,
      })
      return { ...current, ...input, etag, updatedAt: at }
    },
  }
}
