import type { IndexOverride, SeriesId } from '../index-series/index-series.js'
import { lookupIndex } from '../index-series/index-series.js'
import type { ModelReport, PlanModel, PlanPosterior, ProjectionInputs } from './plan-types.js'
import { ProjectionError } from './projection-error.js'
import { scenarioIndexValue, type Scenario, type SeriesModel } from './scenario.js'
import {
  bootstrapBlocks,
  fitAr1,
  fitRandomWalk,
  residualsByPeriod,
  scaledInteger,
  seriesHistory,
} from './series-models.js'

/**
 * How one series of a plan draws its values: a deterministic path (the scenario's, or the record's
 * where it has values), a block bootstrap of the record, or an AR(1) fitted to the record by OLS
 * (or with the scenario's stated parameters) or a random walk, started from the last recorded
 * value. Fitted normal-shock models also return their one-step residuals by period (for the
 * correlation of two series' shocks).
 */
export function buildModel(
  id: SeriesId,
  scenario: Scenario,
  model: SeriesModel | undefined,
  inputs: ProjectionInputs,
  explicit: readonly IndexOverride[],
  window: readonly number[],
  digits: number,
  simulate: boolean,
): { model: PlanModel; report: ModelReport; residuals: Map<number, number> | null } {
  const first = window[0] ?? 0
  if (!simulate || model === undefined) {
    const values: Record<string, string> = {}
    const scaled = window.map((p) => {
      const known = lookupIndex(inputs.indices, explicit, id, p, 'latest')
      const v = known?.value ?? scenarioIndexValue(scenario, id, p)
      if (v === undefined) {
        throw new ProjectionError(
          `scenario ${scenario.id} gives no ${id} value for ${p}`,
          `"${scenario.id}" 시나리오에 ${p}년 ${id} 값이 없습니다.`,
        )
      }
      values[String(p)] = v
      return scaledInteger(v, digits)
    })
    return {
      model: { kind: 'path', values: scaled },
      report: { series: id, model: 'scenario-path', values, periods: window },
      residuals: null,
    }
  }
  if (model.model === 'block-bootstrap') {
    const blocks = bootstrapBlocks(
      seriesHistory(inputs.indices, id, model.fit.from, model.fit.to),
      model.blockLength,
      digits,
    )
    return {
      model: { kind: 'bootstrap', blocks },
      report: {
        series: id,
        model: 'block-bootstrap',
        blockLength: model.blockLength,
        fit: model.fit,
        blocks: blocks.length,
        periods: window,
      },
      residuals: null,
    }
  }
  // AR(1): the state starts at the last recorded value before the window.
  let start: { period: number; value: string } | undefined
  for (let p = first - 1; p >= first - 50 && !start; p--) {
    const v = lookupIndex(inputs.indices, explicit, id, p, 'latest')
    if (v) start = { period: p, value: v.value }
  }
  if (!start) {
    throw new ProjectionError(
      `${id}: no recorded value before ${first} to start from`,
      `${id} 지수에 ${first}년 이전의 기록된 값이 없어 모형을 시작할 수 없습니다.`,
    )
  }
  const parameters = 'parameters' in model ? (model.parameters ?? 'point') : 'point'
  if (model.model === 'random-walk') {
    const history = seriesHistory(inputs.indices, id, model.fit.from, model.fit.to)
    const f = fitRandomWalk(history)
    return {
      model: {
        kind: 'ar1',
        c: 0,
        phi: 1,
        sigma: f.sigma,
        start: Number(start.value),
        posterior: parameters === 'posterior' ? { kind: 'sigma', dof: f.pairs, ss: f.ss } : null,
      },
      report: {
        series: id,
        model: 'random-walk',
        parameters,
        fit: { from: f.from, to: f.to, pairs: f.pairs },
        params: { sigma: f.sigma },
        start,
        periods: window,
      },
      residuals: residualsByPeriod(history, 0, 1),
    }
  }
  let params: { c: number; phi: number; sigma: number; mean: number | null }
  let fit: { from: number; to: number; pairs: number } | null = null
  let posterior: PlanPosterior | null = null
  let residuals: Map<number, number> | null = null
  if (model.model === 'ar1') {
    const history = seriesHistory(inputs.indices, id, model.fit.from, model.fit.to)
    const f = fitAr1(history)
    params = { c: f.c, phi: f.phi, sigma: f.sigma, mean: f.mean }
    fit = { from: f.from, to: f.to, pairs: f.pairs }
    residuals = residualsByPeriod(history, f.c, f.phi)
    if (parameters === 'posterior') {
      // Cholesky factor of (XᵀX)⁻¹ (2 × 2)
      const { cc, cphi, phiphi } = f.unscaledCov
      const l11 = Math.sqrt(cc)
      const l21 = cphi / l11
      const l22 = Math.sqrt(Math.max(0, phiphi - l21 * l21))
      posterior = { kind: 'ar1', dof: f.pairs - 2, ss: f.ssr, l11, l21, l22 }
    }
  } else {
    params = {
      c: model.c,
      phi: model.phi,
      sigma: model.sigma,
      mean: model.phi < 1 ? model.c / (1 - model.phi) : null,
    }
  }
  return {
    model: {
      kind: 'ar1',
      c: params.c,
      phi: params.phi,
      sigma: params.sigma,
      start: Number(start.value),
      posterior,
    },
    report: {
      series: id,
      model: 'ar1',
      fitted: model.model === 'ar1',
      parameters,
      fit,
      params,
      start,
      periods: window,
    },
    residuals,
  }
}
