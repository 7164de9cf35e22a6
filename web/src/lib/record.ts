/**
 * Schedules computed in the browser from a record snapshot (loaded by `useRecord`), with the same
 * pure domain code the server and the CLI use. Memoised per snapshot: a snapshot never changes,
 * and a new one (another viewer, a refetch) gets fresh schedules.
 */
import {
  evaluateSchedule,
  evaluationContext,
  type AgreementSpec,
  type IndexOverride,
  type RecordSnapshot,
  type Schedule,
} from '../../../src/domain/index.js'

/** Evaluates a spec (the record's or a what-if copy) against the snapshot's index series. */
export function scheduleOf(
  snapshot: RecordSnapshot,
  spec: AgreementSpec,
  overrides: readonly IndexOverride[] = [],
): Schedule {
  return evaluateSchedule(spec, evaluationContext(snapshot, overrides))
}

const signed = new WeakMap<RecordSnapshot, Map<string, Schedule>>()

/** The as-signed schedule of an agreement of the snapshot (computed once per snapshot). */
export function signedSchedule(snapshot: RecordSnapshot, spec: AgreementSpec): Schedule {
  let bySpec = signed.get(snapshot)
  if (!bySpec) {
    bySpec = new Map()
    signed.set(snapshot, bySpec)
  }
  let s = bySpec.get(spec.id)
  if (!s) {
    s = scheduleOf(snapshot, spec)
    bySpec.set(spec.id, s)
  }
  return s
}
