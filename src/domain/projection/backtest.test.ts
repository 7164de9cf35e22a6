import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IndexSeriesSet } from '../index-series/index-series.js'
import { backtest, type BacktestOptions } from './backtest.js'
import { DEFAULT_SCENARIO } from './shipped-scenarios.js'
import { record, scenario } from './test-fixtures.js'

const CPI: BacktestOptions = {
  series: 'KR_CPI',
  origins: { from: 2010, to: 2024 },
  horizons: 3,
  paths: 20_000,
  seed: 1,
}

describe('backtest', () => {
  it('reproduces the finding of issue 16: the ar1 model covers 26 of 42 CPI outcomes with its P5–P95 band', () => {
    const r = backtest(scenario('ar1'), record.indices, CPI)
    expect(r.coverage.band90).toEqual({ hits: 26, cases: 42, share: 26 / 42 })
    // every year 2013–2016 fell below the band; 2022's 5.1 % lay above every band from 2019–2021
    const misses = r.cases.filter((c) => !c.inside90)
    expect(
      misses.filter((c) => c.period >= 2013 && c.period <= 2016).every((c) => c.miss === 'below'),
    ).toBe(true)
    expect(r.cases.filter((c) => c.period === 2022).map((c) => c.miss)).toEqual([
      'above',
      'above',
      'above',
    ])
    expect(r.skipped).toEqual([])
  })

  it('the default scenario covers between 85 % and 95 % of CPI outcomes at horizons 1–3 (acceptance of issue 16)', () => {
    expect(DEFAULT_SCENARIO).toBe('calibrated')
    for (const seed of [1, 2, 3]) {
      const r = backtest(scenario(DEFAULT_SCENARIO), record.indices, { ...CPI, seed })
      expect(r.coverage.band90.cases).toBe(42)
      expect(r.coverage.band90.share).toBeGreaterThanOrEqual(0.85)
      expect(r.coverage.band90.share).toBeLessThanOrEqual(0.95)
    }
    const db = backtest(scenario(DEFAULT_SCENARIO), record.indices, {
      ...CPI,
      series: 'KR_DEFENSE_BUDGET',
    })
    expect(db.coverage.band90.cases).toBe(41) // 2025 is not in the record
    expect(db.coverage.band90.share).toBeGreaterThan(0.8)
  })

  it('scores consistent bands: ordered percentiles, P25–P75 inside P5–P95, misses on the right side', () => {
    const r = backtest(scenario('calibrated'), record.indices, { ...CPI, paths: 2000 })
    for (const c of r.cases) {
      expect(c.p5 <= c.p25 && c.p25 <= c.p50 && c.p50 <= c.p75 && c.p75 <= c.p95).toBe(true)
      if (c.inside50) expect(c.inside90).toBe(true)
      const y = Number(c.actual)
      expect(c.miss).toBe(c.inside90 ? null : y < c.p5 ? 'below' : 'above')
      expect(c.period).toBe(c.origin + c.horizon)
    }
    const h = r.byHorizon.reduce((s, x) => s + x.band90.cases, 0)
    expect(h).toBe(r.coverage.band90.cases)
  })

  it('fits each origin only on the years up to it: changing later years changes none of its bands (property)', () => {
    const base = backtest(scenario('calibrated'), record.indices, { ...CPI, paths: 1000 })
    fc.assert(
      fc.property(
        fc.integer({ min: 2010, max: 2022 }),
        fc.integer({ min: -30, max: 80 }),
        (origin, tenths) => {
          const cpi = record.indices.KR_CPI
          if (!cpi) throw new Error('no CPI')
          const changed: IndexSeriesSet = {
            ...record.indices,
            KR_CPI: {
              ...cpi,
              values: cpi.values.map((v) =>
                v.period > origin ? { ...v, value: (tenths / 10).toFixed(1) } : v,
              ),
            },
          }
          const r = backtest(scenario('calibrated'), changed, { ...CPI, paths: 1000 })
          const bands = (cs: typeof r.cases) =>
            cs
              .filter((c) => c.origin === origin)
              .map(({ p5, p25, p50, p75, p95 }) => [p5, p25, p50, p75, p95])
          expect(bands(r.cases)).toEqual(bands(base.cases))
        },
      ),
      { numRuns: 8 },
    )
  })

  it('skips origins the model cannot be fitted at, and refuses a series without a model', () => {
    const r = backtest(scenario('ar1'), record.indices, { ...CPI, series: 'KR_DEFENSE_BUDGET' })
    // the ar1 scenario fits the budget from 2018: three pairs first exist at origin 2021
    expect(r.skipped.map((s) => s.origin)).toEqual([
      2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020,
    ])
    expect(r.cases[0]?.origin).toBe(2021)
    expect(() => backtest(scenario('baseline'), record.indices, CPI)).toThrow(
      /no Monte Carlo model/,
    )
    // the Korean the projections page shows names the scenario and the series too
    expect(() => backtest(scenario('baseline'), record.indices, CPI)).toThrow(
      expect.objectContaining({
        extra: { ko: `"baseline" 시나리오에는 ${CPI.series} 지수의 몬테카를로 모형이 없습니다.` },
      }),
    )
    expect(() => backtest(scenario('calibrated'), record.indices, { ...CPI, horizons: 0 })).toThrow(
      RangeError,
    )
  })

  it('is reproducible for a seed', () => {
    const a = backtest(scenario('calibrated'), record.indices, { ...CPI, paths: 500, seed: 9 })
    const b = backtest(scenario('calibrated'), record.indices, { ...CPI, paths: 500, seed: 9 })
    expect(a).toEqual(b)
  })
})

describe('backtestResultSchema', () => {
  it('accepts every result (the API response allow-list drops nothing)', async () => {
    const { backtestResultSchema } = await import('./backtest-schema.js')
    for (const id of ['calibrated', 'ar1', 'bootstrap']) {
      for (const series of ['KR_CPI', 'KR_DEFENSE_BUDGET'] as const) {
        const r = backtest(scenario(id), record.indices, { ...CPI, series, paths: 500 })
        expect(backtestResultSchema.parse(r)).toEqual(r)
      }
    }
  })
})
