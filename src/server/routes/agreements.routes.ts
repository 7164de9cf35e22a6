import { parseIndexOverride, type IndexOverride } from '../../domain/index-series/index-series.js'
import { DomainError } from '../../domain/errors.js'
import { scheduleInRecord } from '../../domain/record/record.js'
import { agreementList } from '../../contracts/agreements.js'
import { agreementOperations as ops } from '../../contracts/operations.js'
import { recordBody } from '../../contracts/record.js'
import { getAgreement } from '../../services/record/agreements.js'
import { addIndexValue, listIndexValues } from '../../services/record/index-values.js'
import type { Reader } from '../../services/context.js'
import { agreementBriefFile, scheduleFile } from '../../exports/make.js'
import { bind } from '../bind.js'
import { cachedRead } from '../cached-read.js'
import { fileFormat, sendFile } from '../files.js'
import { type RouteKit } from '../request-context.js'

/** `index=SERIES:YEAR=VALUE` query values → overrides; a bad one names its position. */
function overridesOf(raw: string | readonly string[] | undefined): IndexOverride[] {
  const flags = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw
  return flags.map((f, i) => {
    try {
      return parseIndexOverride(f)
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      const pointer = `/querystring/index/${i}`
      throw new DomainError('invalid', 'The index parameter is not valid.', {
        ko: `지수 매개변수가 올바르지 않습니다. ${err.extra.ko ?? ''}`.trimEnd(),
        errors: [
          err.extra.ko === undefined
            ? { pointer, detail: err.message }
            : { pointer, detail: err.message, detailKo: err.extra.ko },
        ],
      })
    }
  })
}

/**
 * The public record: agreements, their schedules, the record as one document, index series.
 * Reads are answered from the response cache, keyed by the record's version and the asker's
 * scope (src/server/cached-read.ts), with strong ETags.
 */
export function registerAgreementRoutes({ app, ctx, reader, writer }: RouteKit): void {
  const snapshot = (r: Reader) => ctx.record.snapshot(r.scope)
  bind(app, ops.listAgreements, async (req, reply) => {
    const asOf = req.query.asOf ?? ctx.today()
    return cachedRead(req, reply, ctx, `agreements ${asOf}`, async () =>
      agreementList(await snapshot(reader(req)), asOf),
    )
  })
  bind(app, ops.getAgreement, (req, reply) =>
    cachedRead(req, reply, ctx, `agreement ${req.params.id}`, async () => {
      const r = reader(req)
      const a = await getAgreement(r.db, r.scope, r.cache, req.params.id)
      return { agreement: a.spec, revisionId: a.revisionId }
    }),
  )
  bind(app, ops.getAgreementSchedule, async (req, reply) => {
    const flags = req.query.index
    const overrides = overridesOf(flags)
    const format = fileFormat(req, req.query.format)
    if (format !== null) {
      // A CSV or XLSX download: made per request (not cached), in the asked language.
      const file = await scheduleFile(await snapshot(reader(req)), req.params.id, {
        overrides,
        lang: req.query.lang ?? 'en',
        format,
        today: ctx.today(),
      })
      return sendFile(reply, file)
    }
    const what = `schedule ${req.params.id} ${typeof flags === 'string' ? flags : (flags ?? []).join('&')}`
    return cachedRead(req, reply, ctx, what, async () =>
      scheduleInRecord(await snapshot(reader(req)), req.params.id, overrides),
    )
  })
  bind(app, ops.getAgreementBrief, async (req, reply) => {
    const record = await snapshot(reader(req))
    const file = await agreementBriefFile(
      record,
      req.params.id,
      req.query.lang,
      ctx.today(),
      ctx.now(),
    )
    return sendFile(reply, file)
  })
  bind(app, ops.getRecord, (req, reply) =>
    cachedRead(req, reply, ctx, 'record', async () => recordBody(await snapshot(reader(req)))),
  )
  bind(app, ops.listIndexValues, (req, reply) =>
    cachedRead(req, reply, ctx, `index values ${req.params.series}`, async () => ({
      series: req.params.series,
      values: await listIndexValues(ctx.store.db, req.params.series),
    })),
  )
  bind(app, ops.addIndexValue, async (req, reply) => {
    const { note, ...value } = req.body
    const w = writer(req)
    const stored = await addIndexValue(
      w.store,
      w.actor,
      req.params.series,
      note === undefined ? value : { ...value, note },
      w.now,
    )
    return reply.code(201).send(stored)
  })
}
