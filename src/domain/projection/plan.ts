import { evaluateSchedule, type EvaluationContext, type Schedule } from '../agreement/evaluate.js'
import { textIn } from '../text/localized.js'
import { reportingCurrency, ruleYears, type AgreementSpec, type Rule } from '../agreement/spec.js'
import { toMinorUnits, type CurrencyCode } from '../money/currency.js'
import type { RoundingMode } from '../money/rounding.js'
import { lookupIndex, type SeriesId } from '../index-series/index-series.js'
import type { Scenario } from './scenario.js'
import { buildModel } from './plan-model.js'
import { explicitOverrides, scenarioOverrides } from './scenario-overrides.js'
import { DomainError } from '../errors.js'
import { ProjectionError } from './projection-error.js'
import { pearsonByPeriod, scaledInteger } from './series-models.js'

export type {
  CorrelationReport,
  PlanPosterior,
  ProjectionInputs,
  PlanModel,
  ModelReport,
  PlanSeries,
  PlanRate,
  YearOp,
  SpecProgram,
  ProjectionPlan,
} from './plan-types.js'
import type {
  CorrelationReport,
  ProjectionInputs,
  PlanRate,
  PlanSeries,
  YearOp,
  SpecProgram,
  ProjectionPlan,
} from './plan-types.js'

function decimalsOf(text: string): number {
  const i = text.indexOf('.')
  return i < 0 ? 0 : text.length - i - 1
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

function ruleFor(spec: AgreementSpec, year: number): Rule {
  const r = spec.rules.find((x) => ruleYears(x).includes(year))
  if (!r) {
    throw new ProjectionError(
      `${spec.id}: no rule covers ${year}`,
      `"${spec.id}" 협정에는 ${year}년에 적용되는 규칙이 없습니다.`,
    )
  }
  return r
}

interface DraftEscalate {
  readonly kind: 'escalate'
  readonly year: number
  readonly ruleId: string
  readonly base: bigint | null
  readonly rate:
    | { kind: 'slot'; series: SeriesId; period: number; capK: number | null; floorK: number | null }
    | { kind: 'const'; k: number; binding: 'cap' | 'floor' | null }
  readonly step: bigint
  readonly mode: RoundingMode
  readonly hasCap: boolean
  readonly hasFloor: boolean
}
type DraftOp = Exclude<YearOp, { kind: 'escalate' }> | DraftEscalate

export interface PlanOptions {
  /**
   * `true`: years needing future index values are simulated (series without a model in the
   * scenario follow its deterministic path, with zero variance). `false`: every year is
   * evaluated exactly with the scenario's deterministic values.
   */
  readonly simulate: boolean
}

/**
 * Compiles agreements and a scenario into a Monte Carlo plan. Years fixed by published inputs
 * are exact; a year needing a future index value becomes an escalation op reading a simulated
 * slot (rounded to the series' published decimals), capped and floored exactly as the rule says.
 * AR(1) models are fitted here (OLS on the record, latest vintage).
 * @example
 * // 12th SMA, AR(1) on CPI: 2026, 2027 exact; 2028–2030 read slots KR_CPI 2026–2028
 * buildPlan([sma12], ar1Scenario, inputs, { simulate: true }).programs[0].years.map((y) => y.kind)
 * // ['exact', 'exact', 'escalate', 'escalate', 'escalate']
 */
export function buildPlan(
  specs: readonly AgreementSpec[],
  scenario: Scenario,
  inputs: ProjectionInputs,
  options: PlanOptions,
): ProjectionPlan {
  if (specs.length === 0) throw new ProjectionError('nothing to project', '예측할 협정이 없습니다.')
  const explicit = explicitOverrides(scenario)
  const seriesDigits = (s: SeriesId): number => inputs.indices[s]?.decimals ?? 1

  // Scale: enough decimals for every rate the kernel handles.
  let digits = 0
  for (const spec of specs) {
    for (const rule of spec.rules) {
      if (rule.kind === 'index-linked') {
        digits = Math.max(digits, seriesDigits(rule.series))
        if (rule.cap.kind === 'rate') digits = Math.max(digits, decimalsOf(rule.cap.pct))
        if (rule.floor.kind === 'rate') digits = Math.max(digits, decimalsOf(rule.floor.pct))
      } else if (rule.kind === 'fixed-percentage') {
        digits = Math.max(digits, decimalsOf(rule.ratePct))
      } else if (rule.kind === 'negotiated-increase') {
        for (const p of rule.parts) digits = Math.max(digits, decimalsOf(p.pct))
      }
    }
  }
  digits = Math.min(digits, 6)
  const scale = 10 ** digits

  const needed = new Map<SeriesId, Set<number>>()
  const drafts: { spec: AgreementSpec; currency: CurrencyCode; ops: DraftOp[] }[] = []

  for (const spec of specs) {
    const currency = reportingCurrency(spec)
    const ctxFixed: EvaluationContext = {
      indices: inputs.indices,
      overrides: explicit,
      publishedOf: inputs.publishedOf,
    }
    let fixedSchedule: Schedule
    let assumedSchedule: Schedule
    try {
      fixedSchedule = evaluateSchedule(spec, ctxFixed)
      assumedSchedule = options.simulate
        ? fixedSchedule
        : evaluateSchedule(spec, {
            ...ctxFixed,
            overrides: scenarioOverrides(spec, scenario, inputs.indices),
          })
    } catch (e) {
      if (e instanceof ProjectionError) throw e
      // An EvaluationError brings its own Korean; anything else gets a Korean that says what failed.
      throw new ProjectionError(
        e instanceof Error ? e.message : String(e),
        e instanceof DomainError && e.extra.ko !== undefined
          ? e.extra.ko
          : `"${spec.id}" 협정의 금액을 계산할 수 없어 예측할 수 없습니다.`,
      )
    }
    const ops: DraftOp[] = []
    for (const yf of assumedSchedule.years) {
      const d = yf.derivation
      const fixed = fixedSchedule.years.find((y) => y.year === yf.year)?.status === 'computed'
      const rule = ruleFor(spec, yf.year)
      const hasCap = rule.kind === 'index-linked' && rule.cap.kind === 'rate'
      const hasFloor = rule.kind === 'index-linked' && rule.floor.kind === 'rate'
      if (yf.status === 'computed' && yf.amount !== null) {
        ops.push({
          kind: 'exact',
          year: yf.year,
          ruleId: d.rule.id,
          amount: yf.amount,
          fixed,
          hasCap,
          hasFloor,
          binding: d.type === 'escalated' && d.rate.kind === 'index' ? d.rate.binding : null,
        })
        continue
      }
      if (yf.status === 'unknown' || d.type === 'unknown') {
        ops.push({
          kind: 'unknown',
          year: yf.year,
          ruleId: d.rule.id,
          reason: d.type === 'unknown' ? textIn(d.reason, 'en') : 'unknown',
        })
        continue
      }
      // Pending: an escalation whose index value or base is still in the future.
      if (
        rule.kind !== 'index-linked' &&
        rule.kind !== 'fixed-percentage' &&
        rule.kind !== 'negotiated-increase'
      ) {
        ops.push({ kind: 'unknown', year: yf.year, ruleId: rule.id, reason: d.type })
        continue
      }
      let rate: DraftEscalate['rate']
      if (rule.kind === 'index-linked') {
        if (rule.ratePrecision < seriesDigits(rule.series)) {
          throw new ProjectionError(
            `${spec.id} ${rule.id}: applies ${rule.series} with ${rule.ratePrecision} decimals, but the series is published with ${seriesDigits(rule.series)}`,
            `"${spec.id}" 협정의 "${rule.id}" 규칙은 ${rule.series} 지수를 소수점 이하 ${rule.ratePrecision}자리로 적용하지만, 이 지수는 소수점 이하 ${seriesDigits(rule.series)}자리로 발표됩니다.`,
          )
        }
        const period = yf.year - rule.lag
        const capK = rule.cap.kind === 'rate' ? scaledInteger(rule.cap.pct, digits) : null
        const floorK = rule.floor.kind === 'rate' ? scaledInteger(rule.floor.pct, digits) : null
        const known = lookupIndex(inputs.indices, explicit, rule.series, period, rule.vintage)
        if (known) {
          if (decimalsOf(known.value) > rule.ratePrecision) {
            throw new ProjectionError(
              `${rule.series} ${period} = ${known.value} has more decimals than ${rule.id} applies`,
              `${period}년 ${rule.series} 값 ${known.value}의 소수점 이하 자릿수가 "${rule.id}" 규칙이 적용하는 자릿수보다 많습니다.`,
            )
          }
          let k = scaledInteger(known.value, digits)
          let binding: 'cap' | 'floor' | null = null
          if (capK !== null && k > capK) {
            k = capK
            binding = 'cap'
          }
          if (floorK !== null && k < floorK) {
            k = floorK
            binding = 'floor'
          }
          rate = { kind: 'const', k, binding }
        } else {
          rate = { kind: 'slot', series: rule.series, period, capK, floorK }
          const set = needed.get(rule.series) ?? new Set<number>()
          set.add(period)
          needed.set(rule.series, set)
        }
      } else if (rule.kind === 'fixed-percentage') {
        rate = { kind: 'const', k: scaledInteger(rule.ratePct, digits), binding: null }
      } else {
        const k = rule.parts.reduce((s, p) => s + scaledInteger(p.pct, digits), 0)
        rate = { kind: 'const', k, binding: null }
      }
      let base: bigint | null
      if (rule.base.kind === 'previous-year') {
        const prev = ops.find((o) => o.year === yf.year - 1)
        if (!prev) {
          throw new ProjectionError(
            `${spec.id} ${yf.year}: no previous year`,
            `"${spec.id}" 협정의 ${yf.year}년 금액을 계산할 전년도 금액이 없습니다.`,
          )
        }
        if (prev.kind === 'unknown') {
          ops.push({ kind: 'unknown', year: yf.year, ruleId: rule.id, reason: 'base unknown' })
          continue
        }
        base = prev.kind === 'exact' ? BigInt(prev.amount) : null
      } else {
        const p = inputs.publishedOf(rule.base.agreement, rule.base.year)
        if (!p) {
          throw new ProjectionError(
            `no published figure for ${rule.base.agreement} ${rule.base.year}`,
            `"${rule.base.agreement}" 협정의 ${rule.base.year}년 발표 금액이 없습니다.`,
          )
        }
        base = toMinorUnits(p.amount, currency)
      }
      ops.push({
        kind: 'escalate',
        year: yf.year,
        ruleId: rule.id,
        base,
        rate,
        step: toMinorUnits(rule.rounding.step, currency),
        mode: rule.rounding.mode,
        hasCap,
        hasFloor,
      })
    }
    drafts.push({ spec, currency, ops })
  }

  // The amount unit: gcd of every step and constant base of an escalation.
  let unit = 0n
  for (const d of drafts) {
    for (const op of d.ops) {
      if (op.kind !== 'escalate') continue
      unit = gcd(unit, op.step)
      if (op.base !== null) unit = gcd(unit, op.base)
    }
  }
  if (unit === 0n) unit = 1n

  // Simulated series: one window of consecutive periods each.
  const series: PlanSeries[] = []
  const residualsOf: (Map<number, number> | null)[] = []
  const slotOf = new Map<string, number>()
  let slots = 0
  for (const [id, set] of [...needed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const periods = [...set].sort((a, b) => a - b)
    const first = periods[0] ?? 0
    const last = periods.at(-1) ?? 0
    const count = last - first + 1
    const window = Array.from({ length: count }, (_, i) => first + i)
    const known = window.map((p) => {
      const v = lookupIndex(inputs.indices, explicit, id, p, 'latest')
      return v ? scaledInteger(v.value, digits) : null
    })
    const built = buildModel(
      id,
      scenario,
      scenario.stochastic?.[id],
      inputs,
      explicit,
      window,
      digits,
      options.simulate,
    )
    const { residuals, ...rest } = built
    series.push({
      series: id,
      firstPeriod: first,
      count,
      slot0: slots,
      known,
      ...rest,
      correlatedWith: null,
    })
    residualsOf.push(residuals)
    window.forEach((p, i) => slotOf.set(`${id}:${p}`, slots + i))
    slots += count
  }
  const correlation = options.simulate ? correlate(scenario, series, residualsOf) : null

  const programs: SpecProgram[] = drafts.map(({ spec, currency, ops }) => ({
    agreement: { id: spec.id, revision: spec.revision, title: spec.title },
    hostNation: spec.hostNation,
    currency,
    years: ops.map((op): YearOp => {
      if (op.kind !== 'escalate') return op
      const rate: PlanRate =
        op.rate.kind === 'const'
          ? op.rate
          : {
              kind: 'slot',
              slot: slotOf.get(`${op.rate.series}:${op.rate.period}`) ?? -1,
              capK: op.rate.capK,
              floorK: op.rate.floorK,
            }
      return {
        kind: 'escalate',
        year: op.year,
        ruleId: op.ruleId,
        baseUnits: op.base === null ? null : Number(op.base / unit),
        rate,
        stepUnits: Number(op.step / unit),
        mode: op.mode,
        hasCap: op.hasCap,
        hasFloor: op.hasFloor,
      }
    }),
  }))
  const currencies = new Set(programs.map((p) => p.currency))
  if (currencies.size > 1) {
    throw new ProjectionError(
      `cannot compare agreements in different currencies (${[...currencies].join(', ')})`,
      `통화가 서로 다른 협정은 비교할 수 없습니다(${[...currencies].join(', ')}).`,
    )
  }
  return {
    scale,
    unit: unit.toString(),
    series,
    slots,
    programs,
    stochastic: programs.some((p) => p.years.some((y) => y.kind === 'escalate')),
    correlation,
  }
}

/**
 * With `correlation: "estimated"` and two simulated series: Pearson's r of their models'
 * residuals over the periods both fits share, set on the later series so its shocks are drawn
 * jointly with the earlier one's. Needs normal-shock models fitted to the record.
 */
function correlate(
  scenario: Scenario,
  series: PlanSeries[],
  residualsOf: readonly (Map<number, number> | null)[],
): CorrelationReport | null {
  if (scenario.correlation !== 'estimated') return null
  const simulated = series
    .map((s, i) => ({ s, i, residuals: residualsOf[i] ?? null }))
    .filter(({ s }) => s.model.kind !== 'path')
  const [a, b] = simulated
  if (!a || !b) return null
  if (a.residuals === null || b.residuals === null) {
    throw new ProjectionError(
      `scenario ${scenario.id}: an estimated correlation needs ar1 or random-walk models fitted to the record for ${a.s.series} and ${b.s.series}`,
      `"${scenario.id}" 시나리오에서 상관계수를 추정하려면 ${a.s.series}, ${b.s.series} 두 지수 모두 기록으로 적합한 "ar1" 또는 "random-walk"(확률보행) 모형이어야 합니다.`,
    )
  }
  const r = pearsonByPeriod(a.residuals, b.residuals)
  if (r === null) {
    throw new ProjectionError(
      `scenario ${scenario.id}: fewer than 5 common years to estimate the ${a.s.series}–${b.s.series} correlation`,
      `"${scenario.id}" 시나리오에서 ${a.s.series}–${b.s.series} 상관계수를 추정할 공통 연도가 5개 미만입니다.`,
    )
  }
  const rho = Math.max(-0.999, Math.min(0.999, r.rho))
  series[b.i] = { ...b.s, correlatedWith: { series: a.i, rho } }
  const z = Math.atanh(rho)
  const half = 1.959963984540054 / Math.sqrt(Math.max(1, r.pairs - 3))
  return {
    series: [a.s.series, b.s.series],
    rho,
    interval95: [Math.tanh(z - half), Math.tanh(z + half)],
    pairs: r.pairs,
    from: r.from,
    to: r.to,
  }
}
