import { z } from 'zod'
import { agreementSpec } from './domain-shapes.js'
import { author, delegation, idParam, list, party, visibility, wrap } from './common.js'
import { PROPOSAL_STATES, REJECTION_REASON_MAX } from '../domain/negotiation/proposal-state.js'
import { scheduleSchema } from './schedule.js'
import { receivedView, reportedView } from './exchange.js'
import { localizedTextSchema } from '../domain/text/localized.js'

export const proposalView = z
  .object({
    id: z.string(),
    negotiationId: z.string(),
    /** As typed by its delegation; both languages for the shipped history's agreed texts. */
    title: localizedTextSchema,
    /** Whose proposal it is (for a reported or received one: the other party). */
    ownerParty: party,
    visibility,
    revisionId: z.string(),
    /** The tabled proposal this one revises (a counter-text or a new version), or null. */
    revises: z.string().nullable(),
    /** Proposals past drafting that revise this one (it reads as superseded once one exists). */
    revisedBy: z.array(z.string()),
    state: z.enum(PROPOSAL_STATES),
    tabledAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    rejection: z
      .object({
        reason: z.string(),
        at: z.string(),
        by: author.nullable(),
        /** The other party's rejection as recorded by us from a source (issue 17); else null. */
        reported: reportedView.nullable(),
      })
      .nullable()
      .meta({ id: 'ProposalRejection' }),
    /** The delegations whose latest acceptance names this proposal. */
    acceptedBy: z.array(delegation),
    roundId: z.string().nullable(),
    createdBy: author.nullable(),
    tabledBy: author.nullable(),
    etag: z.string(),
    /** The other party's proposal as recorded by us from a source (issue 17); else null. */
    reported: reportedView.nullable(),
    /** Received from the other party's instance in a verified signed document; else null. */
    received: receivedView.nullable(),
    spec: agreementSpec,
    schedule: scheduleSchema.nullable(),
    scheduleError: z.string().nullable(),
  })
  .meta({ id: 'Proposal' })
export type ProposalView = z.infer<typeof proposalView>
export const proposalsResponse = list('proposals', proposalView, 'ProposalList')
export const proposalResponse = wrap('proposal', proposalView, 'ProposalResponse')

export const proposalBody = z
  .strictObject({
    title: z.string().min(1).max(300),
    visibility: z.enum(['private', 'shared']),
    spec: agreementSpec,
    roundId: idParam.nullable().optional(),
    revises: idParam.nullable().optional(),
  })
  .meta({ id: 'ProposalBody' })
export type ProposalBody = z.infer<typeof proposalBody>
export const proposalUpdateBody = z
  .strictObject({ title: z.string().min(1).max(300), spec: agreementSpec })
  .meta({ id: 'ProposalUpdateBody' })
export type ProposalUpdateBody = z.infer<typeof proposalUpdateBody>

export const proposalCreated = z
  .object({ id: z.string(), revisionId: z.string(), etag: z.string() })
  .meta({ id: 'ProposalCreated' })
export const tabledResponse = z.object({ tabledAt: z.string() }).meta({ id: 'Tabled' })
export const acceptedResponse = z
  .object({ concluded: z.boolean(), revisionId: z.string() })
  .meta({ id: 'Accepted' })
export const draftUpdated = z
  .object({ etag: z.string(), revisionId: z.string() })
  .meta({ id: 'DraftUpdated' })
export const rejectBody = z
  .strictObject({ reason: z.string().trim().min(1).max(REJECTION_REASON_MAX) })
  .meta({ id: 'RejectBody' })
export type RejectBody = z.infer<typeof rejectBody>
export const rejectedResponse = z
  .object({ rejectedAt: z.string(), state: z.literal('rejected') })
  .meta({ id: 'Rejected' })
export const withdrawnResponse = z
  .object({ withdrawnAt: z.string(), state: z.literal('withdrawn') })
  .meta({ id: 'Withdrawn' })
export type Rejected = z.infer<typeof rejectedResponse>
export type Withdrawn = z.infer<typeof withdrawnResponse>
export type ProposalCreated = z.infer<typeof proposalCreated>
export type Tabled = z.infer<typeof tabledResponse>
export type Accepted = z.infer<typeof acceptedResponse>
export type DraftUpdated = z.infer<typeof draftUpdated>
