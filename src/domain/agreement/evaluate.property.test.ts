// Invariants of the evaluator over generated inputs (fast-check), and the paths of a schedule
// the shipped record does not take: floors, chains waiting on several inputs, bases that cannot
// be resolved. Every expected figure is computed here from the rule's words, not by the engine.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateSchedule, EvaluationError, type EvaluationContext } from './evaluate.js'
import { agreementSpecSchema, type AgreementSpec, type Rule } from './spec.js'
import { applyChanges } from './variant.js'
import { checkSchedule } from './check.js'
import { evaluationContext, publishedLookup } from '../record/record.js'
import { continuationTemplate } from './template.js'
import { parseIndexOverride } from '../index-series/index-series.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'

const record = loadRecord()
const ctx = (overrides: string[] = []): EvaluationContext => ({
  indices: record.indices,
  overrides: overrides.map(parseIndexOverride),
  publishedOf: publishedLookup(record.agreements),
})
const sma12 = shippedAgreement('rok-us-sma-12')
const BASE_2026 = 1_519_200_000_000n
const STEP = 100_000_000n
/** base × (1 + tenths/1000), rounded half-up to one 억 won (amounts are positive). */
const halfUp = (base: bigint, tenths: bigint): bigint => {
  const num = base * (1000n + tenths)
  const den = 1000n * STEP
  return ((2n * num + den) / (2n * den)) * STEP
}
/** A rate in tenths of a percent, written as the index releases write it ("-1.5", "2", "7.3"). */
const tenthsText = (t: number): string => (t / 10).toString()
const sma12With = (rules: Rule[], extra: Partial<AgreementSpec> = {}): AgreementSpec =>
  agreementSpecSchema.parse({ ...sma12, ...extra, rules })
const [firstYear, escalation] = sma12.rules

/** The error `f` throws, checked as an EvaluationError with its English and Korean. */
function expectEvaluationError(f: () => unknown, message: string, ko: string): void {
  let thrown: unknown = null
  try {
    f()
  } catch (e) {
    thrown = e
  }
  expect(thrown).toBeInstanceOf(EvaluationError)
  expect(thrown).toMatchObject({ code: 'unprocessable', message, extra: { ko } })
}
if (firstYear?.kind !== 'negotiated-increase' || escalation?.kind !== 'index-linked')
  throw new Error('the 12th SMA changed shape')

describe('cap and floor (property)', () => {
  const tenths = fc.integer({ min: -80, max: 150 })
  it('the applied rate is the index clamped to [floor, cap], and binding names the bound that bit', () => {
    fc.assert(
      fc.property(tenths, tenths, tenths, (v, a, b) => {
        const [floor, cap] = a <= b ? [a, b] : [b, a]
        const spec = applyChanges(sma12, { capPct: tenthsText(cap), floorPct: tenthsText(floor) })
        const s = evaluateSchedule(spec, ctx([`KR_CPI:2025=${tenthsText(v)}`]))
        const y = s.years[1]
        const d = y?.derivation
        if (d?.type !== 'escalated' || d.rate.kind !== 'index') throw new Error('not escalated')
        const applied = Math.min(Math.max(v, floor), cap)
        expect(Number(d.rate.pct) * 10).toBeCloseTo(applied, 9)
        expect(d.rate.binding).toBe(v > cap ? 'cap' : v < floor ? 'floor' : null)
        expect(d.rate.index.value).toBe(tenthsText(v))
        expect(y?.amount).toBe(halfUp(BASE_2026, BigInt(applied)).toString())
        expect(y?.provenance).toBe('derived')
        expect(y?.status).toBe('computed')
      }),
      { numRuns: 400, seed: 14 },
    )
  })

  it('with no bounds the index passes through, deflation included', () => {
    fc.assert(
      fc.property(tenths, (v) => {
        const spec = applyChanges(sma12, { capPct: 'none', floorPct: 'none' })
        const d = evaluateSchedule(spec, ctx([`KR_CPI:2025=${tenthsText(v)}`])).years[1]?.derivation
        if (d?.type !== 'escalated' || d.rate.kind !== 'index') throw new Error('not escalated')
        expect(d.rate.binding).toBeNull()
        expect(d.amount).toBe(halfUp(BASE_2026, BigInt(v)).toString())
      }),
      { numRuns: 200, seed: 3 },
    )
  })

  it('a floor binds on deflation: CPI −1.2 % with a 0 % floor keeps 2027 at the 2026 amount', () => {
    const spec = applyChanges(sma12, { floorPct: '0' })
    const d = evaluateSchedule(spec, ctx(['KR_CPI:2025=-1.2'])).years[1]?.derivation
    expect(d?.type === 'escalated' && d.rate).toMatchObject({ pct: '0', binding: 'floor' })
    expect(d?.type === 'escalated' && d.amount).toBe(BASE_2026.toString())
  })

  it('accepts a whole-number index value (no decimals is within any precision)', () => {
    const s = evaluateSchedule(sma12, ctx(['KR_CPI:2025=12']))
    expect(s.years[1]?.amount).toBe(halfUp(BASE_2026, 50n).toString()) // capped at 5 %
  })
})

describe('the years of a schedule (property)', () => {
  it('are the term, in order, one figure each; the total is their sum once none is pending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.boolean(), (termYears, allKnown) => {
        const spec = applyChanges(sma12, { termYears })
        const overrides = allKnown
          ? Array.from({ length: 10 }, (_, i) => `KR_CPI:${2026 + i}=2.0`)
          : []
        const s = evaluateSchedule(spec, ctx(overrides))
        expect(s.years.map((y) => y.year)).toEqual(
          Array.from({ length: termYears }, (_, i) => 2026 + i),
        )
        const amounts = s.years.map((y) => y.amount)
        const pending = amounts.some((a) => a === null)
        expect(pending).toBe(!allKnown && termYears > 2)
        expect(s.total).toBe(
          pending ? null : amounts.reduce((t, a) => t + BigInt(a ?? 0), 0n).toString(),
        )
        for (const y of s.years) expect(y.status === 'pending').toBe(y.amount === null)
      }),
      { numRuns: 60, seed: 21 },
    )
  })
})

describe('pending chains', () => {
  it('a year whose index exists but whose base is pending waits for what the base waits for', () => {
    const s = evaluateSchedule(sma12, ctx(['KR_CPI:2027=2.0']))
    const y2029 = s.years.find((y) => y.year === 2029)
    expect(y2029?.status).toBe('pending')
    expect(y2029?.derivation).toMatchObject({
      type: 'pending',
      waitingFor: [{ series: 'KR_CPI', period: 2026 }],
      reason: '2028 is not yet computed',
    })
    expect(s.years.find((y) => y.year === 2028)?.derivation).toMatchObject({
      reason: 'KR_CPI 2026 is not yet available',
    })
  })

  it('a year after an unknown one is pending on nothing it could name', () => {
    const spec = sma12With([
      firstYear,
      { id: 'gap', kind: 'unknown', cite: [], years: [2027], reason: 'test' },
      { ...escalation, years: [2028, 2029, 2030] },
    ])
    const s = evaluateSchedule(spec, ctx(['KR_CPI:2026=2.0']))
    expect(s.years[1]?.status).toBe('unknown')
    expect(s.years[1]?.provenance).toBeNull()
    expect(s.years[2]?.derivation).toMatchObject({
      type: 'pending',
      waitingFor: [],
      reason: '2027 is not yet computed',
    })
  })

  it('names every missing input once, by period, then series', () => {
    const spec = sma12With([
      firstYear,
      { ...escalation, years: [2027, 2028], lag: 1 },
      {
        ...escalation,
        id: 'defense',
        years: [2029, 2030],
        series: 'KR_DEFENSE_BUDGET',
        vintage: 'latest',
        lag: 2,
      },
    ])
    const s = evaluateSchedule(spec, ctx())
    expect(s.years.map((y) => y.derivation.type === 'pending' && y.derivation.waitingFor)).toEqual([
      false,
      [{ series: 'KR_CPI', period: 2026 }],
      [
        { series: 'KR_CPI', period: 2026 },
        { series: 'KR_CPI', period: 2027 },
      ],
      [
        { series: 'KR_CPI', period: 2026 },
        { series: 'KR_CPI', period: 2027 },
        { series: 'KR_DEFENSE_BUDGET', period: 2027 },
      ],
      [
        { series: 'KR_CPI', period: 2026 },
        { series: 'KR_CPI', period: 2027 },
        { series: 'KR_DEFENSE_BUDGET', period: 2027 },
        { series: 'KR_DEFENSE_BUDGET', period: 2028 },
      ],
    ])
  })
})

describe('what a pending year waits for', () => {
  it('only its own inputs when its base is a published figure, not the pending year before it', () => {
    const sameYear = { ...escalation, lag: 0, cap: { kind: 'none' as const } }
    const spec = sma12With([
      // 2026 waits for CPI 2026 (lag 0); with no previous year in the term it has none to add
      { ...sameYear, years: [2026] },
      {
        ...sameYear,
        id: 'from-published',
        years: [2027],
        base: { kind: 'agreement-year', agreement: 'rok-us-sma-11', year: 2025, use: 'published' },
      },
      { ...escalation, id: 'rest', years: [2028, 2029, 2030] },
    ])
    const s = evaluateSchedule(spec, ctx())
    expect(s.years.slice(0, 2).map((y) => y.derivation)).toMatchObject([
      { type: 'pending', waitingFor: [{ series: 'KR_CPI', period: 2026 }] },
      { type: 'pending', waitingFor: [{ series: 'KR_CPI', period: 2027 }] },
    ])
  })
})

describe('bases that cannot be resolved are errors naming the rule and the year', () => {
  it('an escalation in the first year of a term has no previous year', () => {
    const spec = sma12With([{ ...escalation, years: [2026, 2027, 2028, 2029, 2030] }])
    expectEvaluationError(
      () => evaluateSchedule(spec, ctx()),
      'escalation (2026): no 2025 figure in rok-us-sma-12 to escalate from',
      '"escalation" 규칙의 2026년 기준 금액을 정할 수 없습니다. "rok-us-sma-12" 협정에 증액의 기준이 될 2025년 금액이 없습니다.',
    )
  })

  it('a published base the record does not hold', () => {
    const spec = sma12With([
      { ...firstYear, base: { ...firstYear.base, year: 2019 } as typeof firstYear.base },
      escalation,
    ])
    expect(() => evaluateSchedule(spec, ctx())).toThrow(
      'first-year (2026): no published figure for rok-us-sma-11 2019',
    )
  })

  it('a published base in another currency', () => {
    const spec = sma12With([firstYear, escalation], {
      currency: { kind: 'single', code: 'USD' },
      published: [],
    })
    expectEvaluationError(
      () => evaluateSchedule(spec, ctx()),
      'first-year (2026): rok-us-sma-11 2025 is published in KRW, not USD',
      '"first-year" 규칙의 2026년 기준 금액을 정할 수 없습니다. "rok-us-sma-11" 협정의 2025년 금액은 USD 통화가 아닌 KRW 통화로 발표되었습니다.',
    )
  })

  it('a year no rule covers (a spec that skipped validation)', () => {
    const spec: AgreementSpec = { ...sma12, rules: [firstYear] }
    expectEvaluationError(
      () => evaluateSchedule(spec, ctx()),
      'rok-us-sma-12: no rule covers 2027',
      '"rok-us-sma-12" 협정에는 2027년에 적용되는 규칙이 없습니다.',
    )
  })
})

describe('a base on another agreement’s computed figure (use: schedule)', () => {
  const next = continuationTemplate(sma12, { firstYear: 2031, lastYear: 2032, increasePct: '5' })

  it('is pending on that figure, naming it and what it waits for', () => {
    const s = evaluateSchedule(next, evaluationContext(record))
    expect(s.years[0]?.derivation).toMatchObject({
      type: 'pending',
      reason: 'rok-us-sma-12 2030 is not yet computed',
      waitingFor: [2026, 2027, 2028].map((period) => ({ series: 'KR_CPI', period })),
    })
  })

  it('is an error without a way to compute it, on itself, or on an unknown year', () => {
    expectEvaluationError(
      () => evaluateSchedule(next, ctx()),
      'first-year (2031): no computed figure for rok-us-sma-12 2030',
      '"first-year" 규칙의 2031년 기준 금액을 정할 수 없습니다. "rok-us-sma-12" 협정의 2030년 계산 금액이 없습니다.',
    )
    const [first] = next.rules
    if (first?.kind !== 'negotiated-increase' || first.base.kind !== 'agreement-year')
      throw new Error('shape')
    const selfBased = agreementSpecSchema.parse({
      ...next,
      id: 'rok-us-sma-12',
      rules: [{ ...first, base: { ...first.base, agreement: 'rok-us-sma-12' } }, next.rules[1]],
    })
    expect(() => evaluateSchedule(selfBased, evaluationContext(record))).toThrow(
      'first-year (2031): no computed figure for rok-us-sma-12 2030',
    )
    const unknownYears = agreementSpecSchema.parse({
      ...sma12,
      id: 'unknown-predecessor',
      rules: [
        {
          id: 'gap',
          kind: 'unknown',
          cite: [],
          years: [2026, 2027, 2028, 2029, 2030],
          reason: 'test',
        },
      ],
    })
    const after = agreementSpecSchema.parse({
      ...next,
      rules: [
        { ...first, base: { ...first.base, agreement: 'unknown-predecessor' } },
        next.rules[1],
      ],
    })
    const withUnknown = { ...record, agreements: [...record.agreements, unknownYears] }
    expect(() => evaluateSchedule(after, evaluationContext(withUnknown))).toThrow(
      'first-year (2031): unknown-predecessor 2030 is unknown',
    )
  })
})

describe('index values', () => {
  it('with more decimals than the rule applies are refused, naming the value and the precision', () => {
    expectEvaluationError(
      () => evaluateSchedule(sma12, ctx(['KR_CPI:2025=2.15'])),
      "KR_CPI 2025 = 2.15 has more decimals than the rule's rate precision (1)",
      '2025년 KR_CPI 값 2.15의 소수점 이하 자릿수가 규칙이 적용하는 자릿수(1자리)보다 많습니다.',
    )
  })
})

describe('stated and appropriated amounts', () => {
  it('carry the provenance of the budget they come from, and compare with the published figure', () => {
    const spec = sma12With(
      [
        {
          id: 'budget',
          kind: 'appropriated',
          cite: ['https://example.org/budget'],
          amounts: [
            { year: 2026, amount: '1519200000000', sources: ['a'], provenance: 'published' },
            {
              year: 2027,
              amount: '1600000000000',
              sources: ['b'],
              provenance: 'reported',
              components: [{ currency: 'KRW', amount: '1600000000000' }],
            },
          ],
        },
        { ...escalation, years: [2028, 2029, 2030] },
      ],
      {
        published: [
          ...sma12.published,
          {
            year: 2027,
            currency: 'KRW',
            amount: '1601000000000',
            precision: '100000000',
            basis: 'published',
            confidence: 'high',
            sources: ['b'],
          },
        ],
      },
    )
    const s = evaluateSchedule(spec, ctx(['KR_CPI:2026=2.0']))
    expect(s.years[0]).toMatchObject({ provenance: 'published', matchesPublished: true })
    expect(s.years[0]?.derivation).toEqual({
      type: 'stated',
      rule: { id: 'budget', kind: 'appropriated', cite: ['https://example.org/budget'] },
      amount: '1519200000000',
      sources: ['a'],
      provenance: 'published',
    })
    expect(s.years[1]).toMatchObject({
      provenance: 'reported',
      amount: '1600000000000',
      published: '1601000000000',
      matchesPublished: false,
      comparePrecision: '100000000',
      publishedBasis: 'published',
      publishedProvenance: null,
    })
    expect(s.years[1]?.derivation).toMatchObject({
      components: [{ currency: 'KRW', amount: '1600000000000' }],
    })
    expect(checkSchedule(s).map((r) => [r.year, r.kind, r.result])).toEqual([
      [2026, 'negotiated', 'match'],
      [2027, 'negotiated', 'mismatch'],
      [2028, 'computed', 'no-published-figure'],
      [2029, 'pending', 'not-computable'],
      [2030, 'pending', 'not-computable'],
    ])
  })

  it('a fixed percentage compounds on the previous year', () => {
    const spec = sma12With([
      firstYear,
      {
        id: 'fixed',
        kind: 'fixed-percentage',
        cite: [],
        years: [2027, 2028, 2029, 2030],
        ratePct: '4.0',
        base: { kind: 'previous-year' },
        rounding: { mode: 'half-up', step: '100000000', basis: 'text' },
      },
    ])
    const s = evaluateSchedule(spec, ctx())
    let prev = BASE_2026
    for (const y of s.years.slice(1)) {
      prev = halfUp(prev, 40n)
      expect(y.amount).toBe(prev.toString())
      expect(y.derivation).toMatchObject({
        rate: { kind: 'fixed', pct: '4.0' },
        rounding: { basis: 'text' },
      })
    }
    expect(s.years[0]?.derivation).toMatchObject({
      rate: {
        kind: 'parts',
        pct: '8.3',
        parts: [{ pct: '8.3', label: firstYear.parts[0]?.label }],
      },
    })
  })
})
