import { reportingCurrency, type AgreementSpec, type PublishedFigure } from '../agreement/spec.js'
import { evaluateSchedule, type EvaluationContext, type Schedule } from '../agreement/evaluate.js'
import { notFound } from '../errors.js'
import type { IndexOverride, IndexSeriesSet } from '../index-series/index-series.js'
import type { AccessScope } from '../access/scope.js'
import { provenanceOfSources, type SourceRegistry } from './sources.js'

/** The record: every agreement (as specs) and every index series, validated. */
export interface SmaRecord {
  readonly agreements: readonly AgreementSpec[]
  readonly indices: IndexSeriesSet
  /** Who published each cited source, and in which tier (data/sources.json), where known. */
  readonly sources?: SourceRegistry
}

/** One agreement of the record with the id of its stored revision (SHA-256 of its spec). */
export interface AgreementEntry {
  readonly spec: AgreementSpec
  readonly revisionId: string
}

/**
 * The record as one asker sees it at one moment: the agreements visible in their scope (with
 * revision ids) and the index series. Everything that computes a schedule, an explanation, a
 * check, a projection or an analysis starts from one of these.
 */
export interface RecordSnapshot extends SmaRecord {
  readonly entries: readonly AgreementEntry[]
}

/**
 * Where the record comes from. Three implementations, one contract: the shipped files (the CLI by
 * default), the database (the server; the CLI with `SMA_DB`), and the API (the web app; the CLI
 * with `--server`). Index values are public; agreements are filtered by the asker's scope.
 */
export interface RecordSource {
  /** A short description for messages, e.g. "the shipped record" or "https://sma.example". */
  readonly label: string
  snapshot(scope: AccessScope): Promise<RecordSnapshot>
}

/** Builds a snapshot from entries and index series (agreements keep the entries' order). */
export function recordSnapshot(
  entries: readonly AgreementEntry[],
  indices: IndexSeriesSet,
  sources?: SourceRegistry,
): RecordSnapshot {
  const base = { entries, agreements: entries.map((e) => e.spec), indices }
  return sources ? { ...base, sources } : base
}

/** A lookup of published figures across agreements, for bases that cite another agreement. */
export function publishedLookup(
  agreements: readonly AgreementSpec[],
): (agreementId: string, year: number) => PublishedFigure | undefined {
  const byId = new Map(agreements.map((a) => [a.id, a]))
  return (agreementId, year) => {
    const a = byId.get(agreementId)
    if (!a) return undefined
    const cur = reportingCurrency(a)
    return a.published.find((p) => p.year === year && p.currency === cur)
  }
}

/**
 * The one way to build an evaluation context from a record: its index series, what-if
 * overrides, and the published figures of its agreements (for bases such as "the 11th SMA's 2025
 * amount").
 * @example evaluateSchedule(sma12, evaluationContext(record, [{ series: 'KR_CPI', period: 2025, value: '7.3' }]))
 */
export function evaluationContext(
  record: SmaRecord,
  overrides: readonly IndexOverride[] = [],
): EvaluationContext {
  const registry = record.sources
  const byId = new Map(record.agreements.map((a) => [a.id, a]))
  // Schedules of other agreements, computed once per context and only when a base asks.
  const schedules = new Map<string, Schedule | null>()
  const ctx: EvaluationContext = {
    indices: record.indices,
    overrides,
    publishedOf: publishedLookup(record.agreements),
    ...(registry ? { provenanceOf: (urls) => provenanceOfSources(registry, urls) } : {}),
    scheduleOf: (agreementId, year) => {
      if (!schedules.has(agreementId)) {
        const spec = byId.get(agreementId)
        schedules.set(agreementId, null) // a base chain that loops finds no figure
        schedules.set(agreementId, spec ? evaluateSchedule(spec, ctx) : null)
      }
      const schedule = schedules.get(agreementId)
      const figure = schedule?.years.find((y) => y.year === year)
      return schedule && figure ? { figure, currency: schedule.currency } : undefined
    },
  }
  return ctx
}

/** An agreement of the record by id. */
export function findAgreement(record: SmaRecord, id: string): AgreementSpec | undefined {
  return record.agreements.find((a) => a.id === id)
}

/**
 * The schedule of one agreement of a snapshot, with the id of the revision it was computed from.
 * An id the snapshot does not hold (missing, or not visible to the asker) is `not-found`.
 * @example scheduleInRecord(snapshot, 'rok-us-sma-12').years[1].amount // "1551100000000"
 */
export function scheduleInRecord(
  snapshot: RecordSnapshot,
  id: string,
  overrides: readonly IndexOverride[] = [],
): Schedule & { revisionId: string } {
  const entry = snapshot.entries.find((e) => e.spec.id === id)
  if (!entry) throw notFound()
  return {
    ...evaluateSchedule(entry.spec, evaluationContext(snapshot, overrides)),
    revisionId: entry.revisionId,
  }
}
