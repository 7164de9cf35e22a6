import { can } from '../../domain/access/permissions.js'
import { DomainError } from '../../domain/errors.js'
import { proposalOperations as ops } from '../../contracts/operations.js'
import {
  agreementTemplateOperations,
  negotiationWorkflowOperations as flow,
} from '../../contracts/negotiation-workflow-operations.js'
import { continuationTemplate } from '../../domain/agreement/template.js'
import { notFound } from '../../domain/errors.js'
import { rejectProposal, withdrawProposal } from '../../services/negotiations/proposal-acts.js'
import {
  acceptProposal,
  createProposal,
  getProposal,
  listProposals,
  tableProposal,
  updateDraft,
} from '../../services/negotiations/proposals.js'
import { bind } from '../bind.js'
import { requireIfMatch, type RouteKit } from '../request-context.js'

/**
 * Proposals: private drafts, tabling (then immutable), withdrawal by the owner, rejection with a
 * reason and acceptance by the other party; and the template a draft for a new term starts from.
 */
export function registerProposalRoutes({ app, ctx, reader, writer }: RouteKit): void {
  bind(app, ops.listProposals, async (req) => {
    const r = reader(req)
    return { proposals: await listProposals(r, req.params.id, () => ctx.record.snapshot(r.scope)) }
  })
  bind(app, ops.createProposal, async (req, reply) => {
    if (req.body.visibility === 'shared' && !can(req.auth?.principal ?? null, 'proposal:table')) {
      throw new DomainError('forbidden', 'Tabling a proposal needs a negotiator.')
    }
    const created = await createProposal(writer(req), req.params.id, req.body)
    return reply.code(201).header('etag', `"${created.etag}"`).send(created)
  })
  bind(app, ops.getProposal, async (req, reply) => {
    const r = reader(req)
    const p = await getProposal(r, req.params.id, req.params.pid, () =>
      ctx.record.snapshot(r.scope),
    )
    return reply.header('etag', `"${p.etag}"`).send({ proposal: p })
  })
  bind(app, ops.updateDraft, async (req, reply) => {
    const etag = requireIfMatch(req.headers['if-match'])
    const r = await updateDraft(writer(req), req.params.id, req.params.pid, etag, req.body)
    return reply.header('etag', `"${r.etag}"`).send(r)
  })
  bind(app, ops.tableProposal, (req) => tableProposal(writer(req), req.params.id, req.params.pid))
  bind(app, ops.acceptProposal, (req) => acceptProposal(writer(req), req.params.id, req.params.pid))
  bind(app, flow.rejectProposal, (req) =>
    rejectProposal(writer(req), req.params.id, req.params.pid, req.body),
  )
  bind(app, flow.withdrawProposal, (req) =>
    withdrawProposal(writer(req), req.params.id, req.params.pid),
  )
  bind(app, agreementTemplateOperations.getAgreementTemplate, async (req) => {
    const snap = await ctx.record.snapshot(reader(req).scope)
    const entry = snap.entries.find((e) => e.spec.id === req.params.id)
    if (!entry) throw notFound()
    const spec = continuationTemplate(entry.spec, {
      firstYear: req.query.firstYear,
      lastYear: req.query.lastYear,
      increasePct: req.query.increasePct ?? '0',
    })
    return {
      spec,
      basedOn: {
        agreement: entry.spec.id,
        revisionId: entry.revisionId,
        year: entry.spec.term.lastYear,
      },
    }
  })
}
