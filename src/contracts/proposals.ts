import { z } from 'zod'
import { agreementSpec } from './domain-shapes.js'
import { author, idParam, list, party, visibility, wrap } from './common.js'
import { scheduleSchema } from './schedule.js'
import { receivedView, reportedView } from './exchange.js'

export const proposalView = z
  .object({
    id: z.string(),
    negotiationId: z.string(),
    title: z.string(),
    /** Whose proposal it is (for a reported or received one: the other party). */
    ownerParty: party,
    visibility,
    revisionId: z.string(),
    revises: z.string().nullable(),
    tabledAt: z.string().nullable(),
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
export type ProposalCreated = z.infer<typeof proposalCreated>
export type Tabled = z.infer<typeof tabledResponse>
export type Accepted = z.infer<typeof acceptedResponse>
export type DraftUpdated = z.infer<typeof draftUpdated>
