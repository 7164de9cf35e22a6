import { shippedSources } from '../../record/shipped-sources.js'
import type { AccessScope } from '../../domain/access/scope.js'
import {
  recordSnapshot,
  type RecordSnapshot,
  type RecordSource,
} from '../../domain/record/record.js'
import type { DbOrTrx } from '../../db/database.js'
import { listAgreements } from './agreements.js'
import { cachedIndexSet } from './index-values.js'
import type { SpecCache } from './spec-cache.js'

/** The record as one asker sees it in the database (agreements by scope; index values are public). */
export async function databaseSnapshot(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
): Promise<RecordSnapshot> {
  const [entries, indices] = await Promise.all([
    listAgreements(db, scope, cache),
    cachedIndexSet(db, cache),
  ])
  return recordSnapshot(entries, indices, shippedSources())
}

/**
 * The database as a record source: the server's, and the CLI's with `SMA_DB`. A value stored
 * through `POST /api/indices/{series}/values` is in the next snapshot.
 */
export function databaseRecordSource(db: DbOrTrx, cache: SpecCache, label: string): RecordSource {
  return { label, snapshot: (scope) => databaseSnapshot(db, scope, cache) }
}
