import { z } from 'zod'
import { agreementParams } from './agreements.js'
import { childParams } from './negotiations.js'
import { agreementSpec } from './domain-shapes.js'
import { get, operations, post } from './operation.js'
import { rejectBody, rejectedResponse, withdrawnResponse } from './proposals.js'

/**
 * The negotiation workflow of the web app (issue 11): closing acts on a tabled proposal besides
 * acceptance, and a draft spec continuing an agreement over a new term. (operations.ts is full.)
 */
const decimalText = z.string().regex(/^-?\d{1,3}(\.\d{1,4})?$/, 'a percentage such as "5" or "3.5"')

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

export const negotiationWorkflowOperations = operations('negotiations', {
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
