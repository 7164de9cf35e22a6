import { describe, expect, it } from 'vitest'
import { evaluateSchedule } from '../agreement/evaluate.js'
import { buildPlan } from './plan.js'
import { ProjectionError } from './projection-error.js'
import { projectSchedule, scenarioOverrides } from './scenario-overrides.js'
import { projectInThread } from './project.js'
import { projectionResultSchema } from './result-schema.js'
import { runInThread, summarise } from './result.js'
import { parseScenario, yearValue, type Scenario } from './scenario.js'
import { shippedScenarios } from './shipped-scenarios.js'
import { agreement, inputs, record, scenario } from './test-fixtures.js'
import { defenseBudgetVariant } from './variant.js'

const sma12 = agreement('rok-us-sma-12')

describe('shipped scenarios', () => {
  it('validate and state a basis for every assumption', () => {
    const all = shippedScenarios()
    expect(all.map((s) => s.id).sort()).toEqual([
      'ar1',
      'baseline',
      'bok-2026-05',
      'bootstrap',
      'calibrated',
      'high-inflation',
      'imf-2025-article-iv',
      'low-inflation',
      'mnd-midterm-2025-2029',
    ])
    for (const s of all) {
      expect(s.overridePublished).toEqual([])
      // Issue 16: an institution's forecast names the institution for its own series; every
      // other path is SMA Desk's assumption and says so.
      for (const id of ['KR_CPI', 'KR_DEFENSE_BUDGET'] as const) {
        const basis = s.indices[id]?.basis ?? ''
        if (s.forecast?.series.includes(id)) expect(basis).toMatch(/Bank of Korea|IMF|Defense Plan/)
        else expect(basis).toMatch(/ssumption/)
      }
      expect(yearValue(s.servicemembers.KR ?? { values: {}, basis: 'x' }, 2028)).toBe('28500')
    }
    expect(scenario('baseline').indices.KR_CPI?.after).toBe('2.1')
  })

  it('official forecasts carry their institution, date, sources and how later years are filled', () => {
    const official = shippedScenarios().filter((s) => s.forecast !== undefined)
    expect(official.map((s) => s.id)).toEqual([
      'bok-2026-05',
      'imf-2025-article-iv',
      'mnd-midterm-2025-2029',
    ])
    for (const s of official) {
      expect(s.stochastic).toBeNull()
      expect(s.forecast?.sources.length).toBeGreaterThan(0)
      expect(s.forecast?.beyond.ko).toMatch(/가정/)
    }
    expect(scenario('bok-2026-05').indices.KR_CPI?.values).toEqual({ '2026': '2.7', '2027': '2.3' })
    expect(scenario('imf-2025-article-iv').forecast?.gaps?.en).toMatch(/World Economic Outlook/)
    // 72.352 / 66.7, 78.324 / 72.352, 84.7073 / 78.324, rounded half away from zero
    expect(scenario('mnd-midterm-2025-2029').indices.KR_DEFENSE_BUDGET?.values).toEqual({
      '2027': '8.5',
      '2028': '8.3',
      '2029': '8.1',
    })
  })

  it('reject unknown keys with a path', () => {
    const r = parseScenario({ ...scenario('baseline'), extra: 1 })
    expect(r.ok).toBe(false)
  })
})

describe('deterministic projection', () => {
  it('fills only missing periods and never overwrites published values', () => {
    const o = scenarioOverrides(sma12, scenario('high-inflation'), inputs.indices)
    expect(o).toEqual([
      { series: 'KR_CPI', period: 2026, value: '5.1' },
      { series: 'KR_CPI', period: 2027, value: '5.1' },
      { series: 'KR_CPI', period: 2028, value: '5.1' },
    ])
    const s = projectSchedule(sma12, scenario('high-inflation'), inputs)
    expect(s.years.map((y) => y.amount)).toEqual([
      '1519200000000',
      '1551100000000', // CPI 2025 = 2.1 (published) still applies
      '1628700000000', // 5.1 capped at 5.0: 1,551,100,000,000 × 1.05 = 1,628,655,000,000 → 1,628.7 bn
      '1710100000000',
      '1795600000000',
    ])
  })

  it('the kernel path equals the exact engine figure for figure (every agreement, every deterministic scenario)', () => {
    for (const sid of ['baseline', 'high-inflation', 'low-inflation']) {
      const sc = scenario(sid)
      for (const spec of record.agreements) {
        const exact = projectSchedule(spec, sc, inputs)
        const plan = buildPlan([spec], sc, inputs, { simulate: true })
        const r = summarise(plan, sc, inputs.indices, runInThread(plan, 1, 3), 1)
        const years = r.projections[0]?.years ?? []
        expect(years.map((y) => y.nominal?.p50 ?? null)).toEqual(exact.years.map((y) => y.amount))
        expect(years.map((y) => y.nominal?.p5 ?? null)).toEqual(exact.years.map((y) => y.amount))
      }
    }
  })

  it('a zero-variance stochastic scenario reproduces the deterministic schedule', () => {
    const zero: Scenario = {
      ...scenario('baseline'),
      id: 'zero-variance',
      stochastic: {
        KR_CPI: { model: 'ar1-params', c: 2.1, phi: 0, sigma: 0 },
        KR_DEFENSE_BUDGET: { model: 'ar1-params', c: 5.9, phi: 0, sigma: 0 },
      },
    }
    const variant = defenseBudgetVariant(sma12, 2027)
    const r = projectInThread(
      { specs: [sma12, variant], scenario: zero, paths: 20_000, seed: 9 },
      inputs,
    )
    expect(r.mode).toBe('monte-carlo')
    expect(r.paths).toBe(20_000)
    ;[sma12, variant].forEach((spec, j) => {
      const exact = projectSchedule(spec, scenario('baseline'), inputs)
      const years = r.projections[j]?.years ?? []
      for (const [i, y] of years.entries()) {
        const want = exact.years[i]?.amount
        expect(y.nominal).toEqual({
          p5: want,
          p25: want,
          p50: want,
          p75: want,
          p95: want,
          mean: want,
        })
      }
      expect(r.projections[j]?.total?.nominal.p50).toBe(exact.total)
    })
  })
})

describe('Monte Carlo projection of the 12th SMA', () => {
  const ar1 = scenario('ar1')
  const run = (seed: number, paths = 30_000) =>
    projectInThread(
      { specs: [sma12, defenseBudgetVariant(sma12, 2027)], scenario: ar1, paths, seed },
      inputs,
    )

  it('gives 2026 and 2027 exactly and 2028–2030 as distributions with cap-binding shares', () => {
    const r = run(1)
    const years = r.projections[0]?.years ?? []
    expect(years.map((y) => y.status)).toEqual([
      'fixed',
      'fixed',
      'simulated',
      'simulated',
      'simulated',
    ])
    expect(years[0]?.exact).toBe('1519200000000')
    expect(years[1]?.exact).toBe('1551100000000')
    expect(years[1]?.nominal?.p5).toBe('1551100000000')
    expect(years[1]?.capBinds).toBe(0)
    for (const y of years.slice(2)) {
      expect(y.exact).toBeNull()
      const q = y.nominal
      if (!q) throw new Error('no quantiles')
      const ps = [q.p5, q.p25, q.p50, q.p75, q.p95].map(BigInt)
      expect(ps).toEqual([...ps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      expect(ps[0]).toBeLessThan(ps[4] ?? 0n)
      expect(y.capBinds).toBeGreaterThan(0)
      expect(y.capBinds).toBeLessThan(0.5)
    }
    expect(r.models[0]).toMatchObject({
      series: 'KR_CPI',
      model: 'ar1',
      fit: { from: 2000, to: 2025, pairs: 25 },
    })
    const cmp = r.comparisons[0]
    expect(cmp?.b).toBe('rok-us-sma-12-defense-budget-rule')
    expect(cmp?.years[1]?.difference.p50).toBe('-82000000000') // 1,551.1 bn − 1,633.1 bn, exact
    expect(cmp?.total?.pBHigher).toBeGreaterThan(0.9)
  })

  it('is reproducible for a seed and differs across seeds', () => {
    expect(run(5, 20_000)).toEqual(run(5, 20_000))
    expect(run(6, 20_000).projections[0]?.years[4]?.nominal).not.toEqual(
      run(5, 20_000).projections[0]?.years[4]?.nominal,
    )
  })

  it('the block bootstrap only draws historical one-decimal values', () => {
    const r = projectInThread(
      { specs: [sma12], scenario: scenario('bootstrap'), paths: 5000, seed: 3 },
      inputs,
    )
    expect(r.models[0]).toMatchObject({ model: 'block-bootstrap', blockLength: 3, blocks: 24 })
    // highest CPI in the record is 5.1 > 5 % cap: the cap binds on some paths
    expect(r.projections[0]?.years[2]?.capBinds).toBeGreaterThan(0)
  })

  it('is deterministic (one exact path) for a deterministic scenario', () => {
    const r = projectInThread(
      { specs: [sma12], scenario: scenario('baseline'), paths: 1000, seed: 1 },
      inputs,
    )
    expect(r.mode).toBe('deterministic')
    expect(r.paths).toBe(1)
    const exact = evaluateSchedule(sma12, {
      indices: inputs.indices,
      overrides: scenarioOverrides(sma12, scenario('baseline'), inputs.indices),
      publishedOf: inputs.publishedOf,
    })
    expect(r.projections[0]?.years.map((y) => y.exact)).toEqual(exact.years.map((y) => y.amount))
    expect(r.projections[0]?.years[2]?.status).toBe('assumed')
  })
})

describe('the calibrated scenario (issue 16)', () => {
  const run = (paths = 20_000) =>
    projectInThread(
      {
        specs: [sma12, defenseBudgetVariant(sma12, 2027)],
        scenario: scenario('calibrated'),
        paths,
        seed: 1,
      },
      inputs,
    )

  it('draws CPI and budget growth jointly with their estimated correlation, and shows it', () => {
    const r = run()
    expect(r.models.map((m) => [m.series, m.model])).toEqual([
      ['KR_CPI', 'random-walk'],
      ['KR_DEFENSE_BUDGET', 'random-walk'],
    ])
    const c = r.correlation
    expect(c).toMatchObject({ series: ['KR_CPI', 'KR_DEFENSE_BUDGET'], pairs: 24, from: 2001 })
    expect(c?.rho).toBeGreaterThan(c?.interval95[0] ?? 1)
    expect(c?.rho).toBeLessThan(c?.interval95[1] ?? -1)
    // the median of a random walk is the last value: CPI 2.1 % → 2028 = 1,551.1 bn × 1.021
    expect(r.projections[0]?.years[2]?.nominal?.p50).toBe('1583700000000')
  })

  it('a projection of one series alone reports no correlation; independent scenarios neither', () => {
    const one = projectInThread(
      { specs: [sma12], scenario: scenario('calibrated'), paths: 1000, seed: 1 },
      inputs,
    )
    expect(one.correlation).toBeNull()
    expect(run(1000).correlation).not.toBeNull()
    const ar1 = projectInThread(
      {
        specs: [sma12, defenseBudgetVariant(sma12, 2027)],
        scenario: scenario('ar1'),
        paths: 1000,
        seed: 1,
      },
      inputs,
    )
    expect(ar1.correlation).toBeNull()
  })

  it('refuses an estimated correlation with a bootstrap model', () => {
    const sc = { ...scenario('bootstrap'), correlation: 'estimated' as const }
    expect(() =>
      buildPlan([sma12, defenseBudgetVariant(sma12, 2027)], sc, inputs, { simulate: true }),
    ).toThrow(/needs ar1 or random-walk/)
    // the Korean the projections page shows names the scenario and what it needs
    let ko: string | undefined
    try {
      buildPlan([sma12, defenseBudgetVariant(sma12, 2027)], sc, inputs, { simulate: true })
    } catch (e) {
      if (e instanceof ProjectionError) ko = e.extra.ko
    }
    expect(ko).toMatch(/^"bootstrap" 시나리오에서 상관계수를 추정하려면 .+ 두 지수 모두/)
    expect(ko).toMatch(/"ar1" 또는 "random-walk"\(확률보행\) 모형이어야 합니다\.$/)
  })
})

describe('defenseBudgetVariant', () => {
  it('derives the 11th-style rule for 2027–2030', () => {
    const v = defenseBudgetVariant(sma12, 2027)
    expect(v.id).toBe('rok-us-sma-12-defense-budget-rule')
    const rule = v.rules.find((r) => r.id === 'defense-budget-rule')
    expect(rule).toMatchObject({
      kind: 'index-linked',
      series: 'KR_DEFENSE_BUDGET',
      lag: 1,
      cap: { kind: 'none' },
      years: [2027, 2028, 2029, 2030],
    })
    const s = evaluateSchedule(v, {
      indices: inputs.indices,
      overrides: [],
      publishedOf: inputs.publishedOf,
    })
    expect(s.years[1]?.amount).toBe('1633100000000') // 1,519.2 bn × 1.075 (budget 2026)
    expect(s.years[2]?.status).toBe('pending')
  })
})

describe('projectionResultSchema', () => {
  it('accepts the results of every mode (the API response allow-list drops nothing)', () => {
    for (const sid of ['calibrated', 'ar1', 'bootstrap', 'baseline', 'mnd-midterm-2025-2029']) {
      const r = projectInThread(
        {
          specs: [sma12, defenseBudgetVariant(sma12, 2027)],
          scenario: scenario(sid),
          paths: 2000,
          seed: 1,
        },
        inputs,
      )
      expect(projectionResultSchema.parse(r)).toEqual(r)
    }
  })
})

describe('comparisons of other terms (issue 11)', () => {
  it('compares the years in common, and totals only over the same years', () => {
    // 11th SMA 2021–2025 against 12th SMA 2026–2030: no year in common, no total compared
    const sma11 = agreement('rok-us-sma-11')
    const r = projectInThread(
      {
        specs: [sma12, sma11, defenseBudgetVariant(sma12, 2027)],
        scenario: scenario('ar1'),
        paths: 500,
        seed: 2,
      },
      inputs,
    )
    expect(r.comparisons[0]?.years).toEqual([])
    expect(r.comparisons[0]?.total).toBeNull()
    expect(r.comparisons[1]?.total).not.toBeNull() // the variant covers 2026–2030 too
  })
})
