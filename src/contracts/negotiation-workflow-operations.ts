import { z } from 'zod'
import { agreementParams } from './agreements.js'
import { childParams, negotiationParams } from './negotiations.js'
import { createdResponse, delegation, sources } from './common.js'
import { agreementSpec } from './domain-shapes.js'
import { get, operations, post } from './operation.js'
import { rejectBody, rejectedResponse, withdrawnResponse } from './proposals.js'
import { said } from './validation-words.js'

/**
 * The negotiation workflow of the web app (issue 11): closing acts on a tabled proposal besides
 * acceptance, and a draft spec continuing an agreement over a new term. (operations.ts is full.)
 */
const decimalText = z
  .string()
  .regex(
    /^-?\d{1,3}(\.\d{1,4})?$/,
    said(
      'a percentage such as "5" or "3.5"',
      '백분율을 "5" 또는 "3.5"와 같이 쓰십시오(소수점 아래 넷째 자리까지).',
    ),
  )

export const templateQuery = z.strictObject({
  firstYear: z.coerce.number().int().min(1990).max(2100),
  lastYear: z.coerce.number().int().min(1990).max(2100),
  /** The first year's increase over the agreement's last year, percent (default 0). */
  increasePct: decimalText.optional(),
})
export type TemplateQuery = z.infer<typeof templateQuery>

export const templateResponse = z
  .object({
    spec: agreementSpec,
    /** The agreement continued: its id, stored revision and the year the first year grows from. */
    basedOn: z.object({ agreement: z.string(), revisionId: z.string(), year: z.int() }),
  })
  .meta({ id: 'AgreementTemplate' })
export type TemplateResponse = z.infer<typeof templateResponse>

export const delegationBody = z
  .strictObject({
    party: delegation,
    members: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(200),
          title: z.string().max(200).nullable(),
          agency: z.string().trim().min(1).max(200),
          /** `chief` for the head of the delegation (exactly one), otherwise free text. */
          role: z.string().trim().min(1).max(100),
        }),
      )
      .min(1)
      .max(60),
    sources: sources.default([]),
  })
  .meta({ id: 'DelegationBody' })
export type DelegationBody = z.infer<typeof delegationBody>

export const negotiationWorkflowOperations = operations('negotiations', {
  getDeadlinesCalendar: get(
    '/api/negotiations/:id/deadlines.ics',
    'negotiation:read',
    'The deadlines of a negotiation as an iCalendar feed, as you may see them',
    {
      params: negotiationParams,
      response: null,
      files: ['ics'],
      description:
        "All-day entries (RFC 5545), one per deadline you may see, with its sources; a delegation gets its own private deadlines too, never the other delegation's. Subscribe to it from a calendar app.",
    },
  ),
  putDelegation: post(
    '/api/negotiations/:id/delegations',
    'round:write',
    'Record (or replace) your own delegation: its chief and members by agency',
    {
      params: negotiationParams,
      body: delegationBody,
      response: createdResponse,
      status: 201,
      description:
        'A delegation states only its own composition (party must be yours: else 403); exactly one member has role "chief".',
    },
  ),
  rejectProposal: post(
    '/api/negotiations/:id/proposals/:pid/reject',
    'proposal:accept',
    "Reject the other delegation's tabled proposal, with a reason both delegations see",
    {
      params: childParams,
      body: rejectBody,
      response: rejectedResponse,
      description:
        'Only the delegation that did not table it, only while it is tabled (else 409). The reason (1–2,000 characters) and who rejected (party and role) show in the proposal.',
    },
  ),
  withdrawProposal: post(
    '/api/negotiations/:id/proposals/:pid/withdraw',
    'proposal:table',
    'Withdraw your tabled proposal (it stays on the record, marked withdrawn)',
    {
      params: childParams,
      response: withdrawnResponse,
      description: 'Only the owning delegation, only while tabled (else 409).',
    },
  ),
})

export const agreementTemplateOperations = operations('agreements', {
  getAgreementTemplate: get(
    '/api/agreements/:id/template',
    'public:read',
    "A draft spec continuing an agreement's rules over a new term",
    {
      params: agreementParams,
      querystring: templateQuery,
      response: templateResponse,
      errors: [422],
      description:
        "First year = the agreement's last-year amount (its own computed figure) × (1 + increasePct/100), rounded as the agreement rounds; later years follow its escalation rule. Pending while that last year is pending. A term that does not follow the agreement, or runs over 10 years: 422.",
    },
  ),
})
