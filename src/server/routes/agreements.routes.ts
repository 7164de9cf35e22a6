import { parseIndexOverride, type IndexOverride } from '../../domain/index-series/index-series.js'
import { DomainError } from '../../domain/errors.js'
import { scheduleInRecord } from '../../domain/record/record.js'
import { agreementList } from '../../contracts/agreements.js'
import { agreementOperations as ops } from '../../contracts/operations.js'
import { recordBody } from '../../contracts/record.js'
import { getAgreement } from '../../services/record/agreements.js'
import { addIndexValue, listIndexValues } from '../../services/record/index-values.js'
import type { Reader } from '../../services/context.js'
import { bind } from '../bind.js'
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
        ko: '지수 매개변수가 올바르지 않습니다(SERIES:YEAR=VALUE, 값은 연간 -50 %~100 %).',
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
  bind(app, ops.getAgreementSchedule, async (req) => {
    const overrides = overridesOf(req.query.index)
    return scheduleInRecord(await snapshot(reader(req)), req.params.id, overrides)
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
