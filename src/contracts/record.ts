import { z } from 'zod'
import { agreementSpec, indexSeries } from './domain-shapes.js'
import { type IndexSeriesSet } from '../domain/index-series/index-series.js'
import {
  recordSnapshot,
  type AgreementEntry,
  type RecordSnapshot,
} from '../domain/record/record.js'
import { ro } from './common.js'

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
  })
  .meta({ id: 'Record' })
export type RecordResponse = z.infer<typeof recordResponse>

/** The answer of `GET /api/record` for a snapshot. */
export function recordBody(snapshot: RecordSnapshot): RecordResponse {
  return {
    agreements: snapshot.entries.map((e) => ({ spec: e.spec, revisionId: e.revisionId })),
    indices: Object.values(snapshot.indices),
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
  return recordSnapshot(entries, indices)
}
