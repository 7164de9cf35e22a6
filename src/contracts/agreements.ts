import { z } from 'zod'
import { exportFields } from './exports.js'
import { agreementSpec } from './domain-shapes.js'
import { AGREEMENT_STATUSES, agreementPeriod, agreementStatus } from '../domain/agreement/status.js'
import { currencyCodeSchema, reportingCurrency } from '../domain/agreement/spec.js'
import type { AgreementEntry, RecordSnapshot } from '../domain/record/record.js'
import { idParam, isoDate, localized, ro, text } from './common.js'
import { scheduleSchema } from './schedule.js'

export const agreementParams = z.strictObject({ id: idParam })

export const agreementsQuery = z.strictObject({
  /** Status as of this day (default: today on the server's clock). */
  asOf: isoDate.optional(),
})

export const agreementSummary = z
  .object({
    id: z.string(),
    title: localized,
    ordinal: z.int().nullable(),
    hostNation: z.enum(['KR', 'JP']),
    term: z.object({
      firstYear: z.int(),
      lastYear: z.int(),
      yearKind: z.enum(['calendar', 'jp-fiscal']),
    }),
    currency: currencyCodeSchema,
    status: z.enum(AGREEMENT_STATUSES),
    revisionId: z.string(),
    /** First and last day in force (see `fromKnown`/`toKnown` for which are recorded). */
    period: z.object({
      from: isoDate,
      fromKnown: z.boolean(),
      to: isoDate,
      toKnown: z.boolean(),
    }),
  })
  .meta({ id: 'AgreementSummary' })
export type AgreementSummary = z.infer<typeof agreementSummary>

export const agreementsResponse = z
  .object({ asOf: isoDate, agreements: ro(agreementSummary) })
  .meta({ id: 'AgreementList' })
export type AgreementsResponse = z.infer<typeof agreementsResponse>

export const agreementResponse = z
  .object({ agreement: agreementSpec, revisionId: z.string() })
  .meta({ id: 'AgreementRevision' })

export const scheduleQuery = z.strictObject({
  /** What-if index values, `SERIES:YEAR=VALUE` (repeatable). */
  index: z.union([text(64), z.array(text(64)).max(50)]).optional(),
  ...exportFields,
})
export const scheduleResponse = scheduleSchema
  .extend({ revisionId: z.string() })
  .meta({ id: 'AgreementSchedule' })
export type ScheduleResponse = z.infer<typeof scheduleResponse>

/**
 * The summary of one agreement on a day: what `GET /api/agreements` and `sma agreements --json`
 * both print, so the two cannot disagree.
 */
export function agreementSummaryOf(entry: AgreementEntry, asOf: string): AgreementSummary {
  const { spec, revisionId } = entry
  return {
    id: spec.id,
    title: spec.title,
    ordinal: spec.ordinal,
    hostNation: spec.hostNation,
    term: spec.term,
    currency: reportingCurrency(spec),
    status: agreementStatus(spec, asOf),
    revisionId,
    period: agreementPeriod(spec),
  }
}

/** Every agreement of a snapshot, summarised as of a day. */
export function agreementList(snapshot: RecordSnapshot, asOf: string): AgreementsResponse {
  return { asOf, agreements: snapshot.entries.map((e) => agreementSummaryOf(e, asOf)) }
}
