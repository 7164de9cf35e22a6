import type { ReceivedView, ReportedView, ReportedSource } from '../../contracts/exchange.js'
import type { DbOrTrx } from '../database.js'
import type { AuthorRow } from './authors.js'

/**
 * How an act of the other party came to be in our record (issue 17), as the views show it:
 * reported by us from a source, or received in a signed document whose signature was verified.
 */

/** The reported marker of a row, or null when the row's act is asserted or received. */
export function reportedView(
  reportedJson: string | null | undefined,
  recorderParty: string,
  recorder: AuthorRow | null,
): ReportedView | null {
  if (reportedJson === null || reportedJson === undefined) return null
  if (recorderParty !== 'KR' && recorderParty !== 'US') return null
  return {
    party: recorderParty,
    by: recorder,
    source: JSON.parse(reportedJson) as ReportedSource,
  }
}

/** The received facts of rows that name a document: one query for a page of rows. */
export async function receivedOf(
  db: DbOrTrx,
  ids: readonly (string | null | undefined)[],
): Promise<(id: string | null | undefined) => ReceivedView | null> {
  const want = [...new Set(ids.filter((i): i is string => typeof i === 'string'))]
  const rows = want.length
    ? await db
        .selectFrom('received_documents')
        .select(['id', 'signer_fingerprint', 'signed_at', 'received_at'])
        .where('id', 'in', want)
        .execute()
    : []
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        documentId: r.id,
        fingerprint: r.signer_fingerprint,
        signedAt: r.signed_at,
        receivedAt: r.received_at,
      },
    ]),
  )
  return (id) => (typeof id === 'string' ? (byId.get(id) ?? null) : null)
}
