import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  indexValueSchema,
  type IndexSeries,
  type IndexSeriesSet,
  type IndexValue,
  type SeriesId,
} from '../../domain/index-series/index-series.js'
import type { Selectable } from 'kysely'
import type { DbOrTrx, IndexValuesTable } from '../../db/database.js'
import { withTransaction, type Actor, type Store } from '../audit.js'
import type { SpecCache } from './spec-cache.js'

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
const nameSchema = z.object({ en: z.string(), ko: z.string() })

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
    out[id] = {
      schema: 'sma-desk/index-series@1',
      id,
      name: nameSchema.parse(JSON.parse(s.name_json)),
      unit: 'percent',
      decimals: s.decimals,
      publisher: s.publisher,
      values: values.filter((v) => v.series_id === s.id).map(toIndexValue),
    }
  }
  return out
}

function toIndexValue(v: Selectable<IndexValuesTable>): IndexValue {
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

/**
 * Appends a release to a series, after the releases it already has (the order is the release
 * order the `latest` and `first-release` vintages read). Returns the new row's id.
 */
export async function appendIndexValue(
  db: DbOrTrx,
  series: SeriesId,
  value: IndexValue,
  at: string,
  createdBy: string | null,
): Promise<string> {
  const last = await db
    .selectFrom('index_values')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('series_id', '=', series)
    .executeTakeFirst()
  const id = randomUUID()
  await db
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
      created_at: at,
      created_by: createdBy,
    })
    .execute()
  return id
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
  return withTransaction({ store, actor, now }, async (trx, audit) => {
    const id = await appendIndexValue(trx, series, value, now().toISOString(), actor.id)
    audit({
      action: 'index-value.add',
      object: `index-value:${id}`,
      visibility: 'public',
      payload: { series, ...value },
    })
    return value
  })
}
