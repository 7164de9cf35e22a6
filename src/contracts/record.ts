import { z } from 'zod'
import { agreementSpec, indexSeries } from './domain-shapes.js'
import { type IndexSeriesSet } from '../domain/index-series/index-series.js'
import {
  recordSnapshot,
  type AgreementEntry,
  type RecordSnapshot,
} from '../domain/record/record.js'
import { ro } from './common.js'
import { sourceRegistrySchema } from '../domain/record/sources.js'

/**
 * `GET /api/record`: the record as the caller may see it, in one document: every visible
 * agreement spec with its revision id, and every index series with all its releases. The web app
 * and `sma … --server` compute schedules, explanations and checks from it with the same domain
 * code the server uses.
 */
export const recordResponse = z
  .object({
    agreements: ro(z.object({ spec: agreementSpec, revisionId: z.string() })),
    indices: ro(indexSeries),
    /**
     * Who published each cited source, in which tier, and the day the record was last checked
     * against its sources: clients show publishers, tiers and "record checked up to" from it and
     * tell published figures from press-reported ones with the same rule as the server.
     */
    sources: sourceRegistrySchema.optional(),
  })
  .meta({ id: 'Record' })
export type RecordResponse = z.infer<typeof recordResponse>

/** The answer of `GET /api/record` for a snapshot. */
export function recordBody(snapshot: RecordSnapshot): RecordResponse {
  return {
    agreements: snapshot.entries.map((e) => ({ spec: e.spec, revisionId: e.revisionId })),
    indices: Object.values(snapshot.indices),
    ...(snapshot.sources ? { sources: snapshot.sources } : {}),
  }
}

/** Reads `GET /api/record` (validated) back into a snapshot; throws a ZodError on a bad body. */
export function snapshotOfRecordBody(body: unknown): RecordSnapshot {
  const r = recordResponse.parse(body)
  const entries: AgreementEntry[] = r.agreements.map((a) => ({
    spec: a.spec,
    revisionId: a.revisionId,
  }))
  const indices: IndexSeriesSet = Object.fromEntries(r.indices.map((s) => [s.id, s]))
  return recordSnapshot(entries, indices, r.sources)
}
