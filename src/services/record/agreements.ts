import type { AgreementSpec } from '../../domain/agreement/spec.js'
import { fastRevisionId } from '../../record/fast-revision-id.js'
import type { AccessScope } from '../../domain/access/scope.js'
import { notFound } from '../../domain/errors.js'
import type { AgreementEntry } from '../../domain/record/record.js'
import type { DbOrTrx } from '../../db/database.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import type { SpecCache } from './spec-cache.js'

/** Stores a spec revision (content-addressed: storing the same spec twice is a no-op). */
export async function putRevision(db: DbOrTrx, spec: AgreementSpec, at: string): Promise<string> {
  const id = fastRevisionId(spec)
  const exists = await db
    .selectFrom('spec_revisions')
    .select('revision_id')
    .where('revision_id', '=', id)
    .executeTakeFirst()
  if (!exists) {
    await db
      .insertInto('spec_revisions')
      .values({
        revision_id: id,
        agreement_id: spec.id,
        spec_json: JSON.stringify(spec),
        created_at: at,
      })
      .execute()
  }
  return id
}

/**
 * Every agreement visible in the scope, in record order. Revisions are immutable, so the (large)
 * spec text is fetched and parsed only for revisions the cache has not seen.
 */
export async function listAgreements(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
): Promise<AgreementEntry[]> {
  const heads = await db
    .selectFrom('agreements')
    .select(['agreements.revision_id'])
    .where(visibleTo(scope, 'agreements'))
    .orderBy('agreements.position')
    .execute()
  const missing = heads.map((h) => h.revision_id).filter((id) => cache.peek(id) === undefined)
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('spec_revisions')
      .select(['revision_id', 'spec_json'])
      .where('revision_id', 'in', missing)
      .execute()
    for (const r of rows) cache.parse(r.revision_id, r.spec_json)
  }
  return heads.map((h) => {
    const spec = cache.peek(h.revision_id)
    if (!spec) throw new Error(`revision ${h.revision_id} is missing`)
    return { spec, revisionId: h.revision_id }
  })
}

/** One visible agreement; another party's private one is `not-found`, like a missing one. */
export async function getAgreement(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  id: string,
): Promise<AgreementEntry> {
  const head = await db
    .selectFrom('agreements')
    .select('revision_id')
    .where('agreements.id', '=', id)
    .where(visibleTo(scope, 'agreements'))
    .executeTakeFirst()
  if (!head) throw notFound()
  const known = cache.peek(head.revision_id)
  if (known) return { spec: known, revisionId: head.revision_id }
  const r = await db
    .selectFrom('spec_revisions')
    .select('spec_json')
    .where('revision_id', '=', head.revision_id)
    .executeTakeFirstOrThrow()
  return { spec: cache.parse(head.revision_id, r.spec_json), revisionId: head.revision_id }
}
