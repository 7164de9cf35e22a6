import { z } from 'zod'
import { EVENT_KINDS } from '../domain/negotiation/lifecycle.js'
import { localizedTextSchema } from '../domain/text/localized.js'
import { receivedView, reportedView } from './exchange.js'
import {
  author,
  delegation,
  idParam,
  isoDate,
  list,
  localized,
  ro,
  sources,
  text,
  visibility,
  wrap,
} from './common.js'
import { said } from './validation-words.js'

export const negotiationParams = z.strictObject({ id: idParam })
export const childParams = z.strictObject({ id: idParam, pid: idParam })
export const eventParams = z.strictObject({ id: idParam, eid: idParam })
export const eventConfirmed = z
  .object({ id: z.string(), confirmedAt: z.string().nullable() })
  .meta({ id: 'EventConfirmed' })
export type EventConfirmed = z.infer<typeof eventConfirmed>

/**
 * A free text of the record (decision 0019): `{ en, ko }` for the shipped history, the text as a
 * user typed it otherwise. Clients show `textIn(t, lang)`. An empty round summary stays `''`.
 */
const recordText = localizedTextSchema
const optionalText = z.union([z.literal(''), localizedTextSchema])

const lapse = z
  .object({ from: z.string(), to: z.string().nullable(), ongoing: z.boolean() })
  .nullable()
export const deadlineView = z
  .object({ kind: z.string(), date: z.string(), label: recordText, sources: ro(z.string()) })
  .meta({ id: 'Deadline' })
export type DeadlineView = z.infer<typeof deadlineView>

export const negotiationSummary = z
  .object({
    id: z.string(),
    title: localized,
    replaces: z.string().nullable(),
    successor: z.string().nullable(),
    visibility,
    status: z.enum(['open', 'concluded', 'signed', 'in-force']),
    lapse,
    nextDeadline: deadlineView.nullable(),
  })
  .meta({ id: 'NegotiationSummary' })
export type NegotiationSummary = z.infer<typeof negotiationSummary>
export const negotiationsResponse = list('negotiations', negotiationSummary, 'NegotiationList')

const person = z.object({ name: recordText, title: recordText.nullable(), agency: z.string() })
export const delegationView = z
  .object({
    party: delegation,
    chief: person.nullable(),
    members: ro(person.extend({ role: z.string() })),
    agencies: ro(z.string()),
    sources: ro(z.string()),
  })
  .meta({ id: 'Delegation' })
export const roundView = z
  .object({
    id: z.string(),
    number: z.int(),
    from: z.string(),
    to: z.string().nullable(),
    venue: recordText,
    summary: optionalText,
    visibility,
    sources: ro(z.string()),
    recordedBy: author.nullable(),
    reported: reportedView.nullable(),
    received: receivedView.nullable(),
  })
  .meta({ id: 'Round' })
export const eventView = z
  .object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    date: z.string(),
    party: delegation.nullable(),
    note: recordText,
    visibility,
    sources: ro(z.string()),
    recordedBy: author.nullable(),
    /** Mutual acts: each delegation's confirmation (the recording one's first). */
    confirmations: ro(
      z
        .object({
          party: delegation,
          by: author,
          at: z.string(),
          /** The other party's confirmation as reported by us (issue 17); else null. */
          reported: reportedView.nullable(),
        })
        .meta({ id: 'Confirmation' }),
    ),
    /** When the act counts; null while a mutual act awaits the other delegation. */
    confirmedAt: z.string().nullable(),
    reported: reportedView.nullable(),
    received: receivedView.nullable(),
  })
  .meta({ id: 'NegotiationEvent' })
export type EventView = z.infer<typeof eventView>
export const acceptanceView = z
  .object({
    party: delegation,
    proposalId: z.string(),
    revisionId: z.string(),
    at: z.string(),
    by: author.nullable(),
    reported: reportedView.nullable(),
    received: receivedView.nullable(),
  })
  .meta({ id: 'Acceptance' })

export const negotiationDetail = negotiationSummary
  .extend({
    sources: ro(z.string()),
    deadlines: ro(deadlineView),
    delegations: ro(delegationView),
    rounds: ro(roundView),
    events: ro(eventView),
    acceptances: ro(acceptanceView),
    concludedRevisionId: z.string().nullable(),
    inForceFrom: z.string().nullable(),
  })
  .meta({ id: 'Negotiation' })
export type NegotiationDetail = z.infer<typeof negotiationDetail>
export const negotiationResponse = wrap('negotiation', negotiationDetail, 'NegotiationResponse')

export const negotiationBody = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{2,63}$/,
        said(
          'lower-case letters, digits and dashes',
          '영문 소문자, 숫자, 붙임표(-)로 3~64자를 쓰십시오.',
        ),
      ),
    title: z.strictObject({ en: z.string().min(1).max(300), ko: z.string().min(1).max(300) }),
    replaces: idParam.nullable(),
    visibility: z.enum(['private', 'shared']),
    deadlines: z
      .array(
        z.strictObject({
          kind: z.string().min(1).max(50),
          date: isoDate,
          label: z.string().min(1).max(300),
          sources,
        }),
      )
      .max(50),
  })
  .meta({ id: 'NegotiationBody' })
export type NegotiationBody = z.infer<typeof negotiationBody>

export const roundBody = z
  .strictObject({
    number: z.int().min(1).max(1000),
    from: isoDate,
    to: isoDate.nullable(),
    venue: z.string().min(1).max(300),
    summary: text(5000),
    sources: sources.default([]),
  })
  .meta({ id: 'RoundBody' })
export type RoundBody = z.infer<typeof roundBody>

export const eventBody = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    date: isoDate,
    party: delegation.nullable(),
    note: z.string().min(1).max(5000),
    visibility: z.enum(['private', 'shared']),
    sources: sources.default([]),
  })
  .meta({ id: 'EventBody' })
export type EventBody = z.infer<typeof eventBody>
