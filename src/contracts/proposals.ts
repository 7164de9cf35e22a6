import { z } from 'zod'
import { agreementSpec } from './domain-shapes.js'
import { idParam, party, ro, visibility } from './common.js'
import { scheduleSchema } from './schedule.js'

export const proposalView = z
  .object({
    id: z.string(),
    negotiationId: z.string(),
    title: z.string(),
    ownerParty: party,
    visibility,
    revisionId: z.string(),
    revises: z.string().nullable(),
    tabledAt: z.string().nullable(),
    roundId: z.string().nullable(),
    etag: z.string(),
    spec: agreementSpec,
    schedule: scheduleSchema.nullable(),
    scheduleError: z.string().nullable(),
  })
  .meta({ id: 'Proposal' })
export type ProposalView = z.infer<typeof proposalView>
export const proposalsResponse = z
  .object({ proposals: ro(proposalView) })
  .meta({ id: 'ProposalList' })
export const proposalResponse = z
  .object({ proposal: proposalView })
  .meta({ id: 'ProposalResponse' })

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
