import {
  exchangeOperations as ops,
  reportedOperations as reported,
} from '../../contracts/exchange-operations.js'
import { exportItem, importDocument, listReceived } from '../../services/exchange/documents.js'
import { instanceKeyView, listKeys, registerKey } from '../../services/exchange/keys.js'
import {
  reportEvent,
  reportProposal,
  reportReply,
  reportRound,
} from '../../services/negotiations/reported.js'
import { bind } from '../bind.js'
import type { RouteKit } from '../request-context.js'

/**
 * One delegation's own instance (issue 17): the other party's acts recorded as reported by us,
 * and signed documents exchanged with the other instance (keys, export, import).
 */
export function registerExchangeRoutes({ app, ctx, reader, writer }: RouteKit): void {
  const parties = ctx.parties
  bind(app, reported.reportProposal, async (req, reply) =>
    reply.code(201).send(await reportProposal(writer(req), parties, req.params.id, req.body)),
  )
  bind(app, reported.reportReply, async (req, reply) =>
    reply
      .code(201)
      .send(await reportReply(writer(req), parties, req.params.id, req.params.pid, req.body)),
  )
  bind(app, reported.reportEvent, async (req, reply) =>
    reply.code(201).send(await reportEvent(writer(req), parties, req.params.id, req.body)),
  )
  bind(app, reported.reportRound, async (req, reply) =>
    reply.code(201).send(await reportRound(writer(req), parties, req.params.id, req.body)),
  )

  bind(app, ops.getInstanceKey, () => instanceKeyView(parties, ctx.instanceKey))
  bind(app, ops.listKeys, async () => ({ keys: await listKeys(ctx.store.db) }))
  bind(app, ops.registerKey, async (req, reply) =>
    reply
      .code(201)
      .send({ key: await registerKey(writer(req), parties, ctx.instanceKey, req.body) }),
  )
  bind(app, ops.exportItem, async (req, reply) => {
    const doc = await exportItem(writer(req), ctx.instanceKey, req.params.id, req.body)
    const name = `${req.params.id}-${req.body.kind}-${req.body.id}.signed.json`
    return reply.header('content-disposition', `attachment; filename="${name}"`).send(doc)
  })
  bind(app, ops.importDocument, async (req, reply) =>
    reply.code(201).send({
      received: await importDocument(writer(req), parties, req.params.id, req.body.document),
    }),
  )
  bind(app, ops.listReceived, async (req) => ({
    received: await listReceived(reader(req), req.params.id),
  }))
}
