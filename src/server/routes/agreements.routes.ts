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
import { fileFormat, sendFile } from '../files.js'
import { type RouteKit } from '../request-context.js'

/** `index=SERIES:YEAR=VALUE` query values → overrides; a bad one names its position. */
function overridesOf(raw: string | readonly string[] | undefined): IndexOverride[] {
  const flags = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw
  return flags.map((f, i) => {
    try {
      return parseIndexOverride(f)
    } catch (err) {
      const detail = err instanceof Error ? err.message : 'invalid'
      throw new DomainError('invalid', 'The index parameter is not valid.', {
        errors: [{ pointer: `/querystring/index/${i}`, detail }],
      })
    }
  })
}

/** The public record: agreements, their schedules, the record as one document, index series. */
export function registerAgreementRoutes({ app, ctx, reader, writer }: RouteKit): void {
  const snapshot = (r: Reader) => ctx.record.snapshot(r.scope)
  bind(app, ops.listAgreements, async (req) =>
    agreementList(await snapshot(reader(req)), req.query.asOf ?? ctx.today()),
  )
  bind(app, ops.getAgreement, async (req) => {
    const r = reader(req)
    const a = await getAgreement(r.db, r.scope, r.cache, req.params.id)
    return { agreement: a.spec, revisionId: a.revisionId }
  })
  bind(app, ops.getAgreementSchedule, async (req, reply) => {
    const overrides = overridesOf(req.query.index)
    const record = await snapshot(reader(req))
    const format = fileFormat(req, req.query.format)
    if (format === null) return scheduleInRecord(record, req.params.id, overrides)
    const lang = req.query.lang ?? 'en'
    const file = await scheduleFile(record, req.params.id, {
      overrides,
      lang,
      format,
      today: ctx.today(),
    })
    return sendFile(reply, file)
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
  bind(app, ops.getRecord, async (req) => recordBody(await snapshot(reader(req))))
  bind(app, ops.listIndexValues, async (req) => ({
    series: req.params.series,
    values: await listIndexValues(ctx.store.db, req.params.series),
  }))
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
