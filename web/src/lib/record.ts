/**
 * The shipped record (all agreements and index series) and exact schedules, computed in the
 * browser by the same pure domain code the server and CLI use. Loaded by route chunks only, so the
 * entry bundle stays light.
 */
import { evaluateSchedule, publishedLookup, type AgreementSpec, type IndexOverride, type Schedule, type SmaRecord } from '../../../src/domain/index.js'
import { loadRecord } from '../../../src/record/shipped-record.js'

let cached: SmaRecord | undefined

/** The record, validated once per page load (immutable data). */
export function record(): SmaRecord {
  cached ??= loadRecord()
  return cached
}

export function agreementById(id: string): AgreementSpec | undefined {
  return record().agreements.find((a) => a.id === id)
}

/** Evaluates a spec (the record's or a what-if copy) against the record's index series. */
export function scheduleOf(
  spec: AgreementSpec,
  overrides: readonly IndexOverride[] = [],
): Schedule {
  const r = record()
  return evaluateSchedule(spec, {
    indices: r.indices,
    overrides,
    publishedOf: publishedLookup(r.agreements),
  })
}

const scheduleCache = new Map<string, Schedule>()

/** The as-signed schedule of a record agreement (memoised: the record never changes). */
export function signedSchedule(spec: AgreementSpec): Schedule {
  let s = scheduleCache.get(spec.id)
  if (!s) {
    s = scheduleOf(spec)
    scheduleCache.set(spec.id, s)
  }
  return s
}
