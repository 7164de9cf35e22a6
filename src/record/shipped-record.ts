import cpi from '../../data/indices/KR_CPI.json' with { type: 'json' }
import defenseBudget from '../../data/indices/KR_DEFENSE_BUDGET.json' with { type: 'json' }
import { agreementSpecSchema, type AgreementSpec } from '../domain/agreement/spec.js'
import { revisionId } from '../domain/agreement/revision-id.js'
import { indexSeriesSchema } from '../domain/index-series/index-series.js'
import {
  recordSnapshot,
  type AgreementEntry,
  type RecordSnapshot,
  type RecordSource,
  type SmaRecord,
} from '../domain/record/record.js'
import { rawAgreements } from './raw-agreements.js'
import { shippedSources } from './shipped-sources.js'

/**
 * Validates and returns the shipped record (data/agreements, data/indices), agreements sorted by
 * host nation (Korea first), then first year. Throws, naming the file and the path, if a data
 * file breaks the schema: the record is checked on every load, not trusted. The JSON is imported
 * statically so the compiled CLI and server carry it; the web app does not import this module (it
 * reads the record from the API).
 */
export function loadRecord(): SmaRecord {
  const agreements = rawAgreements.map((raw): AgreementSpec => {
    const r = agreementSpecSchema.safeParse(raw)
    if (!r.success) {
      const id = (raw as { id?: unknown }).id
      const issue = r.error.issues[0]
      throw new Error(
        `data/agreements/${String(id)}.json: ${issue?.path.join('.')}: ${issue?.message}`,
      )
    }
    return r.data
  })
  agreements.sort((a, b) =>
    a.hostNation === b.hostNation
      ? a.term.firstYear - b.term.firstYear
      : a.hostNation < b.hostNation
        ? 1
        : -1,
  )
  return {
    agreements,
    indices: {
      KR_CPI: indexSeriesSchema.parse(cpi),
      KR_DEFENSE_BUDGET: indexSeriesSchema.parse(defenseBudget),
    },
  }
}

let shipped: RecordSnapshot | undefined

/** The shipped record as a snapshot (validated once per process: the files do not change). */
export function shippedSnapshot(): RecordSnapshot {
  if (shipped === undefined) {
    const r = loadRecord()
    shipped = recordSnapshot(
      r.agreements.map((spec): AgreementEntry => {
        // hashed on first read: `sma project` and `sma check` never read it
        let id: string | undefined
        return {
          spec,
          get revisionId() {
            return (id ??= revisionId(spec))
          },
        }
      }),
      r.indices,
      shippedSources(),
    )
  }
  return shipped
}

/** The record source of the shipped files: everything in it is public, so the scope is moot. */
export const shippedRecordSource: RecordSource = {
  label: 'the shipped record (data/)',
  snapshot: () => Promise.resolve(shippedSnapshot()),
}

/** An agreement of the shipped record by id (throws on an unknown id: for tests, benches, fixtures). */
export function shippedAgreement(id: string): AgreementSpec {
  const spec = shippedSnapshot().agreements.find((a) => a.id === id)
  if (!spec) throw new Error(`no agreement ${id} in the shipped record`)
  return spec
}
