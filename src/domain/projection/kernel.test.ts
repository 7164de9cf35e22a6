import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateSchedule } from '../agreement/evaluate.js'
import { agreementSpecSchema, type AgreementSpec } from '../agreement/spec.js'
import type { IndexOverride } from '../index-series/index-series.js'
import { applyProgram, simulateIndices } from './kernel.js'
import { chunkStream, RandomSource } from './random-stream.js'
import { buildPlan, type ProjectionPlan } from './plan.js'
import type { Scenario } from './scenario.js'
import { agreement, inputs, scenario } from './test-fixtures.js'
import { defenseBudgetVariant } from './variant.js'

/** A stress spec: CPI with cap 4.0 and floor 0.0 for 2027–2029, half-even, then a fixed 2.5 %. */
function stressSpec(): AgreementSpec {
  const base = agreement('rok-us-sma-12')
  return agreementSpecSchema.parse({
    ...base,
    id: 'stress-test',
    rules: [
      base.rules[0],
      {
        id: 'cpi-capped-floored',
        kind: 'index-linked',
        cite: ['test'],
        years: [2027, 2028, 2029],
        series: 'KR_CPI',
        lag: 2,
        ratePrecision: 1,
        vintage: 'latest',
        cap: { kind: 'rate', pct: '4.0' },
        floor: { kind: 'rate', pct: '0.0' },
        base: { kind: 'previous-year' },
        rounding: { mode: 'half-even', step: '100000000' },
      },
      {
        id: 'fixed',
        kind: 'fixed-percentage',
        cite: ['test'],
        years: [2030],
        ratePct: '2.5',
        base: { kind: 'previous-year' },
        rounding: { mode: 'half-up', step: '100000000' },
      },
    ],
  })
}

const ar1: Scenario = scenario('ar1')

function slotOverrides(plan: ProjectionPlan, ks: Int32Array): IndexOverride[] {
  const out: IndexOverride[] = []
  for (const s of plan.series) {
    for (let i = 0; i < s.count; i++) {
      const k = ks[s.slot0 + i] ?? 0
      const sign = k < 0 ? '-' : ''
      const a = Math.abs(k)
      out.push({
        series: s.series,
        period: s.firstPeriod + i,
        value: `${sign}${Math.floor(a / plan.scale)}.${String(a % plan.scale)}`,
      })
    }
  }
  return out
}

/** Kernel amounts (minor units) for one path of slot values. */
function kernelAmounts(plan: ProjectionPlan, j: number, ks: Int32Array): (string | null)[] {
  const program = plan.programs[j]
  if (!program) throw new Error('no program')
  const n = program.years.length
  const amounts = new Float64Array(n)
  applyProgram(plan, program, ks, 1, amounts, [], [])
  const unit = BigInt(plan.unit)
  return program.years.map((op, i) => {
    if (op.kind === 'unknown') return null
    if (op.kind === 'exact') return op.amount
    return (BigInt(amounts[i] ?? NaN) * unit).toString()
  })
}

describe('the float kernel equals the exact engine on every path', () => {
  const specs = [
    agreement('rok-us-sma-12'),
    defenseBudgetVariant(agreement('rok-us-sma-12'), 2027),
    stressSpec(),
  ]
  const plan = buildPlan(specs, ar1, inputs, { simulate: true })

  it('plans 12th SMA 2026–2027 exact and 2028–2030 simulated', () => {
    expect(plan.unit).toBe('100000000')
    expect(plan.programs[0]?.years.map((y) => y.kind)).toEqual([
      'exact',
      'exact',
      'escalate',
      'escalate',
      'escalate',
    ])
    expect(plan.series.map((s) => [s.series, s.firstPeriod, s.count])).toEqual([
      ['KR_CPI', 2026, 3],
      ['KR_DEFENSE_BUDGET', 2027, 3],
    ])
  })

  it('matches evaluateSchedule figure for figure on 3,000 random one-decimal paths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -60, max: 150 }), {
          minLength: plan.slots,
          maxLength: plan.slots,
        }),
        (values) => {
          const ks = Int32Array.from(values)
          const overrides = slotOverrides(plan, ks)
          specs.forEach((spec, j) => {
            const exact = evaluateSchedule(spec, {
              indices: inputs.indices,
              overrides,
              publishedOf: inputs.publishedOf,
            })
            expect(kernelAmounts(plan, j, ks)).toEqual(exact.years.map((y) => y.amount))
          })
        },
      ),
      { numRuns: 3000, seed: 6 },
    )
  })

  it('counts cap and floor bindings as the engine reports them', () => {
    const ks = Int32Array.from([-1, 50, 20, 20, 20, 20]) // CPI 2026 −0.1 (< 0 floor), 2027 5.0 (> 4 cap)
    const caps: number[] = []
    const floors: number[] = []
    const program = plan.programs[2]
    if (!program) throw new Error('no program')
    applyProgram(plan, program, ks, 1, new Float64Array(5), caps, floors)
    const exact = evaluateSchedule(stressSpec(), {
      indices: inputs.indices,
      overrides: slotOverrides(plan, ks),
      publishedOf: inputs.publishedOf,
    })
    const engine = exact.years.map((y) =>
      y.derivation.type === 'escalated' && y.derivation.rate.kind === 'index'
        ? y.derivation.rate.binding
        : null,
    )
    expect(engine).toEqual([null, null, 'floor', 'cap', null])
    expect(caps).toEqual([0, 0, 0, 1, 0])
    expect(floors).toEqual([0, 0, 1, 0, 0])
  })
})

describe('joint draws (issue 16)', () => {
  it('draws the later series with the stated correlation on the periods both windows share', () => {
    const sma12 = agreement('rok-us-sma-12')
    const plan = buildPlan(
      [sma12, defenseBudgetVariant(sma12, 2027)],
      scenario('calibrated'),
      inputs,
      {
        simulate: true,
      },
    )
    const [cpi, budget] = plan.series
    if (!cpi || !budget) throw new Error('two series expected')
    expect(budget.correlatedWith?.series).toBe(0)
    const forced: ProjectionPlan = {
      ...plan,
      series: [
        { ...cpi, model: { ...cpi.model, posterior: null } as typeof cpi.model },
        {
          ...budget,
          model: { ...budget.model, posterior: null } as typeof budget.model,
          correlatedWith: { series: 0, rho: 0.8 },
        },
      ],
    }
    const paths = 20_000
    const ks = new Int32Array(paths * plan.slots)
    simulateIndices(forced, new RandomSource(chunkStream(4, 0)), paths, ks)
    // first-year changes of 2027 (CPI slot 1 − slot 0 is a 2027 shock; budget slot 0 is 2027)
    const dc = Array.from(
      { length: paths },
      (_, p) => (ks[(cpi.slot0 + 1) * paths + p] ?? 0) - (ks[cpi.slot0 * paths + p] ?? 0),
    )
    const db = Array.from({ length: paths }, (_, p) => (ks[budget.slot0 * paths + p] ?? 0) - 75)
    const m = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    const mc = m(dc)
    const mb = m(db)
    const cov = m(dc.map((x, i) => (x - mc) * ((db[i] ?? 0) - mb)))
    const r = cov / Math.sqrt(m(dc.map((x) => (x - mc) ** 2)) * m(db.map((x) => (x - mb) ** 2)))
    expect(r).toBeGreaterThan(0.75) // 0.8 less a little for the rounding to one decimal
    expect(r).toBeLessThan(0.85)
  })
})
