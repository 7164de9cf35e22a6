import { beforeAll, describe, expect, it } from 'vitest'
import i18next from 'i18next'
import type { AnalysisResult } from '../../../../src/contracts/analyses.js'
import { smaAnalysisSetup } from '../../../../src/contracts/domain-shapes.js'
import { initI18n, translatorOf } from '../../i18n/i18n'
import {
  bidText,
  bounds,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_VALUES,
  defaultParty,
  esc,
  includedLevers,
  planeOption,
  setupOf,
  simulationInput,
  utilitiesText,
  type SetupForm,
} from './view'

const form: SetupForm = {
  base: 'rok-us-sma-12',
  viewpoint: 'KR',
  measure: 'average-per-year',
  levers: {
    firstYearIncreasePct: { on: true, values: DEFAULT_VALUES.firstYearIncreasePct },
    capPct: { on: true, values: DEFAULT_VALUES.capPct },
    termYears: { on: false, values: DEFAULT_VALUES.termYears },
    series: { on: true, values: '' },
  },
  assumptions: `${DEFAULT_ASSUMPTIONS}\n\n`,
  parties: { KR: defaultParty('KR'), US: defaultParty('US') },
}

beforeAll(() => {
  initI18n('en')
})

describe('analysis view model', () => {
  it('builds a setup the contract accepts from the form', () => {
    expect(includedLevers(form)).toEqual(['firstYearIncreasePct', 'capPct'])
    const setup = setupOf(form)
    expect(smaAnalysisSetup.safeParse(setup).success).toBe(true)
    expect(setup.issues).toEqual([
      { lever: 'firstYearIncreasePct', values: ['3.0', '5.0', '8.3', '13.9'] },
      { lever: 'capPct', values: ['3', '5', 'none'] },
    ])
    expect(setup.assumptions).toHaveLength(10)
    // Priorities only for the levers in the analysis (termYears and series are out).
    expect(setup.parties[0]).toEqual({
      party: 'KR',
      costWeight: 1,
      priorities: {},
      reservation: 0.25,
    })
  })

  it('keeps a simulation within the API’s limits', () => {
    expect(simulationInput('boulware', 'conceder', '5000', '-3')).toEqual({
      strategyA: 'boulware',
      strategyB: 'conceder',
      rounds: 2000,
      seed: 0,
    })
    expect(simulationInput('linear', 'linear', 'x', '7').rounds).toBe(1)
  })

  it('writes utilities and packages, and escapes titles for the tooltip', () => {
    expect(utilitiesText([0.81234, 0.5])).toBe('0.812 / 0.500')
    expect(bidText({ first: '8.3', cap: 5 })).toBe('8.3 · 5')
    expect(esc('<b>"KR"</b>')).toBe('&#60;b&#62;&#34;KR&#34;&#60;/b&#62;')
    expect(bounds([-0.15, 0.4])).toEqual({ min: -0.2, max: 1 })
  })

  it('names the own axis and the estimate of the other side on the plane', () => {
    const r = {
      profiles: ['KR', 'US'],
      reservation: [0.25, 0.2],
      frontier: [{ utility: [1, 0], bid: {}, outcomes: 1 }],
      cloud: null,
      nash: null,
      kalaiSmorodinsky: null,
      equalUtility: null,
      egalitarian: null,
      maxWelfare: null,
      proposals: [],
    } as unknown as AnalysisResult
    const o = planeOption(r, 'KR', null, translatorOf(i18next.t), 'en') as {
      xAxis: { name: string }
      yAxis: { name: string }
      series: unknown[]
    }
    expect(o.xAxis.name).toBe('ROK (our utility)')
    expect(o.yAxis.name).toBe('our estimate of the US')
    expect(o.series).toHaveLength(3)
  })
})
