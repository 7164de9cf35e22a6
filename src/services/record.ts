import { randomUUID } from 'node:crypto'
import type { AgreementSpec } from '../domain/agreement/spec.js'
import { evaluateSchedule, type Schedule } from '../domain/agreement/evaluate.js'
import { revisionId } from '../domain/agreement/revision-id.js'
import {
  SERIES_IDS,
  indexValueSchema,
  type IndexOverride,
  type IndexSeries,
  type IndexSeriesSet,
  type IndexValue,
  type SeriesId,
} from '../domain/index-series/index-series.js'
import { publishedLookup } from '../domain/record/record.js'
import type { AccessScope } from '../domain/access/scope.js'
import type { DbOrTrx } from '../db/database.js'
import { visibleTo } from '../db/repositories/access-filter.js'
import { withTransaction, type Actor, type Store } from './audit.js'
import { notFound } from './errors.js'
import type { SpecCache } from './spec-cache.js'
import { z } from 'zod'

export interface AgreementEntry {
  readonly spec: AgreementSpec
  readonly revisionId: string
}

/** Stores a spec revision (content-addressed: storing the same spec twice is a no-op). */
export async function putRevision(db: DbOrTrx, spec: AgreementSpec, at: string): Promise<string> {
  const id = revisionId(spec)
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
  // Revisions are immutable: fetch the (large) spec text only for revisions not parsed yet.
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

/** loadIndexSet through the app's memo (see SpecCache.indexMemo). */
export async function cachedIndexSet(db: DbOrTrx, cache: SpecCache): Promise<IndexSeriesSet> {
  const row = await db
    .selectFrom('index_values')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst()
  const count = Number(row?.n ?? 0)
  if (cache.indexMemo?.count === count) return cache.indexMemo.value as IndexSeriesSet
  const value = await loadIndexSet(db)
  cache.indexMemo = { count, value }
  return value
}

const sourcesSchema = z.array(z.string())

/** Every index series with its values in release order, as the engine reads them. */
export async function loadIndexSet(db: DbOrTrx): Promise<IndexSeriesSet> {
  const series = await db.selectFrom('index_series').selectAll().execute()
  const values = await db
    .selectFrom('index_values')
    .selectAll()
    .orderBy('series_id')
    .orderBy('position')
    .execute()
  const out: Partial<Record<SeriesId, IndexSeries>> = {}
  for (const s of series) {
    const id = s.id as SeriesId
    const name = z.object({ en: z.string(), ko: z.string() }).parse(JSON.parse(s.name_json))
    out[id] = {
      schema: 'sma-desk/index-series@1',
      id,
      name,
      unit: 'percent',
      decimals: s.decimals,
      publisher: s.publisher,
      values: values.filter((v) => v.series_id === s.id).map(toIndexValue),
    }
  }
  return out
}

function toIndexValue(v: {
  period: number
  value: string
  vintage: string
  released_on: string | null
  sources_json: string
  note: string | null
}): IndexValue {
  const base = {
    period: v.period,
    value: v.value,
    vintage: v.vintage,
    releasedOn: v.released_on,
    sources: sourcesSchema.parse(JSON.parse(v.sources_json)),
  }
  return v.note === null ? base : { ...base, note: v.note }
}

export async function listIndexValues(db: DbOrTrx, series: SeriesId): Promise<IndexValue[]> {
  const rows = await db
    .selectFrom('index_values')
    .selectAll()
    .where('series_id', '=', series)
    .orderBy('position')
    .execute()
  return rows.map(toIndexValue)
}

export function isSeriesId(text: string): text is SeriesId {
  return (SERIES_IDS as readonly string[]).includes(text)
}

/**
 * Records a new release of one period's value (a new CPI release, a revision). Values are never
 * edited: a revision is a later entry for the same period, so schedules using the `latest`
 * vintage pick it up at once and `first-release` rules keep the first.
 */
export async function addIndexValue(
  store: Store,
  actor: Actor,
  series: SeriesId,
  input: IndexValue,
  now: () => Date,
): Promise<IndexValue> {
  const value = indexValueSchema.parse(input)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const last = await trx
        .selectFrom('index_values')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('series_id', '=', series)
        .executeTakeFirst()
      const id = randomUUID()
      await trx
        .insertInto('index_values')
        .values({
          id,
          series_id: series,
          period: value.period,
          value: value.value,
          vintage: value.vintage,
          released_on: value.releasedOn,
          sources_json: JSON.stringify(value.sources),
          note: value.note ?? null,
          position: (last?.p ?? 0) + 1,
          created_at: now().toISOString(),
          created_by: actor.id,
        })
        .execute()
      audit({
        action: 'index-value.add',
        object: `index-value:${id}`,
        visibility: 'public',
        payload: { series, ...value },
      })
      return value
    },
    now,
  )
}

/**
 * The schedule of a visible agreement, computed from the database's current index values
 * (plus what-if overrides), so a newly added release changes it at once.
 */
export async function scheduleFor(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  id: string,
  overrides: readonly IndexOverride[],
): Promise<Schedule & { revisionId: string }> {
  const { spec, revisionId: rid } = await getAgreement(db, scope, cache, id)
  const [indices, all] = await Promise.all([
    cachedIndexSet(db, cache),
    listAgreements(db, scope, cache),
  ])
  const schedule = evaluateSchedule(spec, {
    indices,
    overrides,
    publishedOf: publishedLookup(all.map((a) => a.spec)),
  })
  return { ...schedule, revisionId: rid }
}

export type AgreementStatus = 'in-force' | 'expired' | 'signed' | 'pending'

/** Status on a given day (ISO date), from the spec's lifecycle dates. */
export function agreementStatus(spec: AgreementSpec, today: string): AgreementStatus {
  const l = spec.lifecycle
  const known = (f: (typeof l)['signed']): string | null => (f.status === 'known' ? f.date : null)
  const expiry = known(l.expiry)
  const inForce = known(l.entryIntoForce)
  const signed = known(l.signed)
  if (expiry !== null && expiry < today.slice(0, expiry.length)) return 'expired'
  if (inForce !== null && inForce <= today.slice(0, inForce.length)) return 'in-force'
  if (signed !== null && signed <= today.slice(0, signed.length)) return 'signed'
  // A historical agreement with no recorded dates but a past term has expired.
  if (expiry === null && spec.term.lastYear < Number(today.slice(0, 4))) return 'expired'
  return 'pending'
}
