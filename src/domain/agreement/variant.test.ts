import { describe, expect, it } from 'vitest'
import { applyChanges, extendableRule } from './variant.js'
import type { AgreementSpec } from './spec.js'
import { ruleYears } from './spec.js'
import { evaluateSchedule } from './evaluate.js'
import { publishedLookup } from '../record/record.js'
import { loadRecord } from '../../record/shipped-record.js'
import { parseIndexOverride } from '../index-series/index-series.js'

const record = loadRecord()
const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
if (!sma12) throw new Error('no 12th SMA')
const ctx = (o: string[] = []) => ({
  indices: record.indices,
  overrides: o.map(parseIndexOverride),
  publishedOf: publishedLookup(record.agreements),
})

describe('applyChanges (what-if levers)', () => {
  it('a 3 % cap binds on CPI 7.3 %: 2027 = 1,519.2 bn × 1.03 → 1,564.8 bn', () => {
    const s = evaluateSchedule(applyChanges(sma12, { capPct: '3' }), ctx(['KR_CPI:2025=7.3']))
    expect(s.years[1]?.amount).toBe('1564800000000')
  })

  it('no cap lets CPI 7.3 % through: 1,519.2 × 1.073 = 1,630.1016 → 1,630.1 bn', () => {
    const s = evaluateSchedule(applyChanges(sma12, { capPct: 'none' }), ctx(['KR_CPI:2025=7.3']))
    expect(s.years[1]?.amount).toBe('1630100000000')
  })

  it('first-year increase 5 %: 1,402.8 × 1.05 = 1,472.94 → 1,472.9 bn, and it flows into 2027', () => {
    const s = evaluateSchedule(applyChanges(sma12, { firstYearIncreasePct: '5' }), ctx())
    expect(s.years[0]?.amount).toBe('1472900000000')
    expect(s.years[0]?.matchesPublished).toBe(false)
    // 1,472.9 × 1.021 = 1,503.8309 → 1,503.8 bn
    expect(s.years[1]?.amount).toBe('1503800000000')
  })

  it('a shorter or longer term cuts or extends the escalation', () => {
    expect(
      evaluateSchedule(applyChanges(sma12, { termYears: 2 }), ctx()).years.map((y) => y.year),
    ).toEqual([2026, 2027])
    expect(evaluateSchedule(applyChanges(sma12, { termYears: 7 }), ctx()).years.at(-1)?.year).toBe(
      2032,
    )
  })

  it('an 11th-style defense-budget rule (lag 1, no cap)', () => {
    const s = evaluateSchedule(
      applyChanges(sma12, { series: 'KR_DEFENSE_BUDGET', lag: 1, capPct: 'none' }),
      ctx(),
    )
    // 1,519.2 × (1 + 7.5 % [2026 budget growth]) = 1,633.14 → 1,633.1 bn
    expect(s.years[1]?.amount).toBe('1633100000000')
  })

  it('a term of one year leaves no escalation rule, and zero years is rejected', () => {
    expect(evaluateSchedule(applyChanges(sma12, { termYears: 1 }), ctx()).years).toHaveLength(1)
    expect(() => applyChanges(sma12, { termYears: 0 })).toThrow()
  })
})

describe('extendableRule', () => {
  const spec = (id: string): AgreementSpec => {
    const a = record.agreements.find((x) => x.id === id)
    if (!a) throw new Error(id)
    return a
  }

  it('is the rule of the last year when it compounds on the previous year', () => {
    expect(extendableRule(sma12)?.id).toBe('escalation')
    expect(extendableRule(spec('rok-us-sma-03'))?.kind).toBe('fixed-percentage')
    expect(extendableRule(spec('rok-us-sma-06'))).toBeUndefined() // flat
    expect(extendableRule(spec('rok-us-sma-02'))).toBeUndefined() // negotiated
    const escalation = sma12.rules[1]
    if (escalation?.kind !== 'index-linked') throw new Error('shape')
    const fromPublished: AgreementSpec = {
      ...sma12,
      rules: [
        sma12.rules[0] ?? escalation,
        {
          ...escalation,
          base: {
            kind: 'agreement-year',
            agreement: 'rok-us-sma-11',
            year: 2025,
            use: 'published',
          },
        },
      ],
    }
    expect(extendableRule(fromPublished)).toBeUndefined()
  })

  it('over the record: a rule covering the last year, escalating, on the previous year', () => {
    for (const a of record.agreements) {
      const r = extendableRule(a)
      if (r === undefined) continue
      expect(ruleYears(r)).toContain(a.term.lastYear)
      expect(['index-linked', 'fixed-percentage']).toContain(r.kind)
      expect('base' in r && r.base.kind).toBe('previous-year')
    }
  })
})

describe('applyChanges on terms', () => {
  const spec = (id: string): AgreementSpec => {
    const a = record.agreements.find((x) => x.id === id)
    if (!a) throw new Error(id)
    return a
  }

  it('refuses to run an agreement beyond its term when nothing compounds', () => {
    expect(() => applyChanges(spec('rok-us-sma-06'), { termYears: 3 })).toThrow(
      new RangeError(
        'rok-us-sma-06 cannot run beyond 2006: no rule compounds on the previous year',
      ),
    )
  })

  it('cuts negotiated and appropriated amounts to the shorter term, dropping emptied rules', () => {
    expect(applyChanges(spec('rok-us-sma-02'), { termYears: 1 }).rules).toMatchObject([
      { kind: 'negotiated', amounts: [{ year: 1994 }] },
    ])
    expect(applyChanges(spec('rok-us-sma-04'), { termYears: 2 }).rules.map(ruleYears)).toEqual([
      [1999],
      [2000],
    ])
    expect(applyChanges(spec('rok-us-sma-11'), { termYears: 1 }).rules.map((r) => r.id)).toEqual([
      'freeze',
    ])
    expect(applyChanges(spec('rok-us-sma-04'), { termYears: 1 }).rules.map((r) => r.id)).toEqual([
      'first-year',
    ])
    const sma02 = spec('rok-us-sma-02')
    const contribution = sma02.rules[0]
    if (contribution?.kind !== 'negotiated') throw new Error('shape')
    const appropriated: AgreementSpec = {
      ...sma02,
      rules: [
        {
          ...contribution,
          kind: 'appropriated',
          amounts: contribution.amounts.map((a) => ({ ...a, provenance: 'published' as const })),
        },
      ],
    }
    const later: AgreementSpec = {
      ...sma02,
      rules: [
        { ...contribution, amounts: contribution.amounts.filter((a) => a.year === 1994) },
        {
          ...contribution,
          id: 'budget',
          kind: 'appropriated',
          amounts: contribution.amounts
            .filter((a) => a.year === 1995)
            .map((a) => ({ ...a, provenance: 'reported' as const })),
        },
      ],
    }
    expect(applyChanges(later, { termYears: 1 }).rules.map((r) => r.id)).toEqual(['contribution'])
    const cut = applyChanges(appropriated, { termYears: 1 })
    expect(cut.rules).toMatchObject([{ kind: 'appropriated', amounts: [{ year: 1994 }] }])
    expect(cut.term.lastYear).toBe(1994)
  })

  it('extends only the compounding rule, and changes the first year only when it is negotiated', () => {
    const sma11 = spec('rok-us-sma-11')
    const longer = applyChanges(sma11, { termYears: 7 })
    expect(longer.rules.map((r) => [r.id, ruleYears(r)])).toEqual([
      ['freeze', [2020]],
      ['first-increase', [2021]],
      ['escalation', [2022, 2023, 2024, 2025, 2026]],
    ])
    // the 11th SMA's negotiated increase is its second year: a first-year lever leaves it
    const s = evaluateSchedule(applyChanges(sma11, { firstYearIncreasePct: '1' }), ctx())
    expect(s.years[1]?.amount).toBe(evaluateSchedule(sma11, ctx()).years[1]?.amount)
  })

  it('sets or removes the floor, and marks the copy once as a what-if', () => {
    const floored = applyChanges(sma12, { floorPct: '1' })
    expect(floored.rules[1]).toMatchObject({ floor: { kind: 'rate', pct: '1' } })
    expect(applyChanges(floored, { floorPct: 'none' }).rules[1]).toMatchObject({
      floor: { kind: 'none' },
    })
    expect(floored.id).toBe('rok-us-sma-12-what-if')
    expect(applyChanges(floored, {}).id).toBe('rok-us-sma-12-what-if')
    expect(floored.lifecycle.expiry).toEqual({ status: 'unknown', note: 'what-if' })
  })
})
