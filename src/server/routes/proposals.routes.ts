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
import { putDelegation } from '../../services/negotiations/delegations.js'
import { factsFor, visibleNegotiation } from '../../services/negotiations/negotiation.js'
import { icsCalendar } from '../../domain/calendar/ics.js'
import { textIn } from '../../domain/text/localized.js'
import {
  acceptProposal,
  createProposal,
  getProposal,
  listProposals,
  tableProposal,
  updateDraft,
} from '../../services/negotiations/proposals.js'
import { bind } from '../bind.js'
import { sendFile } from '../files.js'
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
      throw new DomainError('forbidden', 'Tabling a proposal needs a negotiator.', {
        ko: '제안은 협상 대표 권한이 있는 사용자만 제시할 수 있습니다.',
      })
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
  bind(app, flow.getDeadlinesCalendar, async (req, reply) => {
    const { db, scope } = reader(req)
    const n = await visibleNegotiation(db, scope, req.params.id)
    const { deadlines } = await factsFor(db, scope, n)
    const title = (JSON.parse(n.title_json) as { ko?: string; en?: string }).en ?? n.id
    const body = icsCalendar(
      title,
      deadlines.map((d) => ({
        uid: `${n.id}-${d.kind}-${d.date}@sma-desk`,
        date: d.date,
        // the calendar is titled in English (as above), so is each deadline
        summary: textIn(d.label, 'en'),
        description: d.sources.join('\n'),
      })),
      ctx.now().toISOString(),
    )
    // Party-scoped content: never cached by shared caches unless the negotiation is public.
    return sendFile(
      reply,
      {
        body: Buffer.from(body, 'utf8'),
        contentType: 'text/calendar; charset=utf-8',
        fileName: `${n.id}-deadlines.ics`,
      },
      n.visibility !== 'public',
    )
  })
  bind(app, flow.putDelegation, async (req, reply) =>
    reply.code(201).send(await putDelegation(writer(req), req.params.id, req.body)),
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
