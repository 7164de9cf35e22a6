import { evaluateSchedule, type Schedule } from '../agreement/evaluate.js'
import type { AgreementSpec } from '../agreement/spec.js'
import {
  lookupIndex,
  type IndexOverride,
  type IndexSeriesSet,
  type SeriesId,
} from '../index-series/index-series.js'
import type { ProjectionInputs } from './plan-types.js'
import { ProjectionError } from './projection-error.js'
import { scenarioIndexValue, type Scenario } from './scenario.js'

/**
 * A deterministic scenario as engine overrides: which index periods an agreement needs that the
 * record lacks, and the scenario's values for them. Published values are never replaced unless
 * the scenario says so explicitly.
 */
/**
 * The index periods an agreement reads that the record (with the scenario's explicit
 * `overridePublished` values) does not have yet, per series.
 * @example missingPeriods(sma12, record.indices, []) // Map { 'KR_CPI' => [2026, 2027, 2028] }
 */
export function missingPeriods(
  spec: AgreementSpec,
  indices: IndexSeriesSet,
  overrides: readonly IndexOverride[],
): Map<SeriesId, number[]> {
  const out = new Map<SeriesId, number[]>()
  for (const rule of spec.rules) {
    if (rule.kind !== 'index-linked') continue
    for (const y of rule.years) {
      const period = y - rule.lag
      if (!lookupIndex(indices, overrides, rule.series, period, rule.vintage)) {
        const list = out.get(rule.series) ?? []
        if (!list.includes(period)) list.push(period)
        out.set(
          rule.series,
          list.sort((a, b) => a - b),
        )
      }
    }
  }
  return out
}

/**
 * The scenario's explicit replacements of published values, as engine overrides.
 * @example explicitOverrides(baseline) // [] (no shipped scenario replaces a published value)
 */
export function explicitOverrides(scenario: Scenario): IndexOverride[] {
  return scenario.overridePublished.map((o) => ({
    series: o.series,
    period: o.period,
    value: o.value,
  }))
}

/**
 * Engine overrides for a deterministic scenario: its explicit `overridePublished` values, plus
 * its path value for every period an agreement needs and the record lacks. Published values
 * are never replaced otherwise. Throws ProjectionError when the scenario has no value for a
 * needed period.
 * @example
 * // 12th SMA under baseline (CPI 2.1 % a year): KR_CPI 2026, 2027, 2028 = "2.1"
 * scenarioOverrides(sma12, baseline, record.indices)
 */
export function scenarioOverrides(
  spec: AgreementSpec,
  scenario: Scenario,
  indices: IndexSeriesSet,
): IndexOverride[] {
  const explicit = explicitOverrides(scenario)
  const out = [...explicit]
  for (const [series, periods] of missingPeriods(spec, indices, explicit)) {
    for (const period of periods) {
      const value = scenarioIndexValue(scenario, series, period)
      if (value === undefined) {
        throw new ProjectionError(
          `scenario ${scenario.id} gives no ${series} value for ${period} (needed by ${spec.id})`,
          `"${scenario.id}" 시나리오에 "${spec.id}" 협정 계산에 필요한 ${period}년 ${series} 값이 없습니다.`,
        )
      }
      out.push({ series, period, value })
    }
  }
  return out
}

/**
 * Evaluates an agreement exactly under a deterministic scenario: `evaluateSchedule` with the
 * scenario's values for missing index periods (see `scenarioOverrides`).
 * @example
 * // 12th SMA, baseline CPI 2.1 %: 2028 = round(1,551,100,000,000 × 1.021, 10^8) = 1,583,700,000,000
 * projectSchedule(sma12, baseline, inputs).years[2].amount // "1583700000000"
 */
export function projectSchedule(
  spec: AgreementSpec,
  scenario: Scenario,
  inputs: ProjectionInputs,
): Schedule {
  return evaluateSchedule(spec, {
    indices: inputs.indices,
    overrides: scenarioOverrides(spec, scenario, inputs.indices),
    publishedOf: inputs.publishedOf,
  })
}
