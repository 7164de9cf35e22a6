import type { IndexOverride, SeriesId } from '../index-series/index-series.js'
import { lookupIndex } from '../index-series/index-series.js'
import type { ModelReport, PlanModel, ProjectionInputs } from './plan-types.js'
import { ProjectionError } from './projection-error.js'
import { scenarioIndexValue, type Scenario, type SeriesModel } from './scenario.js'
import { bootstrapBlocks, fitAr1, scaledInteger, seriesHistory } from './series-models.js'

/**
 * How one series of a plan draws its values: a deterministic path (the scenario's, or the record's
 * where it has values), a block bootstrap of the record, or an AR(1) fitted to the record by OLS
 * (or with the scenario's stated parameters), started from the last recorded value.
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
): { model: PlanModel; report: ModelReport } {
  const first = window[0] ?? 0
  if (!simulate || model === undefined) {
    const values: Record<string, string> = {}
    const scaled = window.map((p) => {
      const known = lookupIndex(inputs.indices, explicit, id, p, 'latest')
      const v = known?.value ?? scenarioIndexValue(scenario, id, p)
      if (v === undefined) {
        throw new ProjectionError(`scenario ${scenario.id} gives no ${id} value for ${p}`)
      }
      values[String(p)] = v
      return scaledInteger(v, digits)
    })
    return {
      model: { kind: 'path', values: scaled },
      report: { series: id, model: 'scenario-path', values, periods: window },
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
    }
  }
  // AR(1): the state starts at the last recorded value before the window.
  let start: { period: number; value: string } | undefined
  for (let p = first - 1; p >= first - 50 && !start; p--) {
    const v = lookupIndex(inputs.indices, explicit, id, p, 'latest')
    if (v) start = { period: p, value: v.value }
  }
  if (!start) throw new ProjectionError(`${id}: no recorded value before ${first} to start from`)
  let params: { c: number; phi: number; sigma: number; mean: number | null }
  let fit: { from: number; to: number; pairs: number } | null = null
  if (model.model === 'ar1') {
    const f = fitAr1(seriesHistory(inputs.indices, id, model.fit.from, model.fit.to))
    params = { c: f.c, phi: f.phi, sigma: f.sigma, mean: f.mean }
    fit = { from: f.from, to: f.to, pairs: f.pairs }
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
    },
    report: {
      series: id,
      model: 'ar1',
      fitted: model.model === 'ar1',
      fit,
      params,
      start,
      periods: window,
    },
  }
}
