import { ledgerOperations as ops } from '../../contracts/ledger-operations.js'
import { ledgerFile } from '../../exports/make.js'
import { ledgerOf } from '../../services/ledger/ledger.js'
import { createLedgerNote, listLedgerNotes, updateLedgerNote } from '../../services/ledger/notes.js'
import { bind } from '../bind.js'
import { cachedRead } from '../cached-read.js'
import { fileFormat, sendFile } from '../files.js'
import { requireIfMatch, type RouteKit } from '../request-context.js'

/** The execution ledger of an agreement, and a delegation's private notes on its years. */
export function registerLedgerRoutes({ app, ctx, reader, writer }: RouteKit): void {
  bind(app, ops.getLedger, async (req, reply) => {
    const format = fileFormat(req, req.query.format)
    if (format !== null) {
      // A CSV or XLSX download: made per request (not cached), in the asked language.
      const view = ledgerOf(await ctx.record.snapshot(reader(req).scope), req.params.id)
      const file = await ledgerFile(view, {
        lang: req.query.lang ?? 'en',
        format,
        today: ctx.today(),
      })
      return sendFile(reply, file)
    }
    return cachedRead(req, reply, ctx, `ledger ${req.params.id}`, async () =>
      ledgerOf(await ctx.record.snapshot(reader(req).scope), req.params.id),
    )
  })
  bind(app, ops.listLedgerNotes, async (req) => ({
    notes: await listLedgerNotes(reader(req), req.params.id),
  }))
  bind(app, ops.createLedgerNote, async (req, reply) => {
    const note = await createLedgerNote(writer(req), req.params.id, req.body)
    return reply.code(201).header('etag', `"${note.etag}"`).send({ note })
  })
  bind(app, ops.updateLedgerNote, async (req, reply) => {
    const etag = requireIfMatch(req.headers['if-match'])
    const note = await updateLedgerNote(writer(req), req.params.id, req.params.nid, etag, req.body)
    return reply.header('etag', `"${note.etag}"`).send({ note })
  })
}
