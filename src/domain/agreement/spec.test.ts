import { describe, expect, it } from 'vitest'
import { parseAgreementSpec, type AgreementSpec } from './spec.js'
import { loadRecord } from '../../record/shipped-record.js'

const sma12 = loadRecord().agreements.find((a) => a.id === 'rok-us-sma-12') as AgreementSpec
const clone = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(sma12)) as Record<string, unknown>
type Json = Record<string, unknown>
const escalation = (spec: Json): Json => (spec.rules as Json[])[1] as Json

function problems(input: unknown): string[] {
  const r = parseAgreementSpec(input)
  return r.ok ? [] : r.problems
}

describe('agreement spec validation', () => {
  it('accepts every agreement of the record', () => {
    for (const a of loadRecord().agreements) expect(parseAgreementSpec(a).ok).toBe(true)
  })

  it('rejects unknown keys anywhere (a misplaced key must not be ignored)', () => {
    const top = clone()
    top.capPct = '5'
    expect(problems(top).join()).toMatch(/capPct|Unrecognized/)
    const nested = clone()
    escalation(nested).uprating = 'CPI'
    expect(problems(nested).join()).toMatch(/rules\.1/)
  })

  it.each(['cap', 'floor', 'rounding', 'lag', 'vintage', 'ratePrecision', 'base', 'series'])(
    'requires the open choice "%s" to be stated (no default)',
    (field) => {
      const s = clone()
      const rule = escalation(s)
      const { [field]: _removed, ...rest } = rule
      ;(s.rules as Json[])[1] = rest
      expect(problems(s).some((p) => p.startsWith(`rules.1`))).toBe(true)
    },
  )

  it('requires "none" to be said explicitly for an absent cap', () => {
    const s = clone()
    escalation(s).cap = null
    expect(problems(s).length).toBeGreaterThan(0)
    escalation(s).cap = { kind: 'none' }
    expect(problems(s)).toEqual([])
  })

  it('rejects money and rates written as numbers (they would pass through a float)', () => {
    const s = clone()
    escalation(s).cap = { kind: 'rate', pct: 5 }
    expect(problems(s).join()).toMatch(/rules\.1\.cap/)
    const t = clone()
    escalation(t).rounding = { mode: 'half-up', step: 100000000 }
    expect(problems(t).join()).toMatch(/rounding\.step/)
  })

  it('rejects an unknown rounding mode', () => {
    const s = clone()
    escalation(s).rounding = { mode: 'bankers', step: '100000000' }
    expect(problems(s).join()).toMatch(/rounding\.mode/)
  })

  it('requires every term year to be covered by exactly one rule', () => {
    const gap = clone()
    escalation(gap).years = [2027, 2028, 2029]
    expect(problems(gap)).toContain('rules: no rule covers 2030')
    const overlap = clone()
    escalation(overlap).years = [2026, 2027, 2028, 2029, 2030]
    expect(problems(overlap).join()).toMatch(/2026 is covered by both/)
    const outside = clone()
    escalation(outside).years = [2027, 2028, 2029, 2030, 2031]
    expect(problems(outside).join()).toMatch(/outside the term/)
  })

  it('rejects a wrong schema tag and a non-object', () => {
    expect(problems({ ...clone(), schema: 'sma-desk/agreement@2' }).join()).toMatch(/schema/)
    expect(problems('nope').length).toBeGreaterThan(0)
  })

  it('names each problem of the term and the rules exactly, with its path', () => {
    const backwards = clone()
    backwards.term = { firstYear: 2030, lastYear: 2026, yearKind: 'calendar' }
    // the term is reported alone: coverage of a backwards term would only repeat it
    expect(problems(backwards)).toEqual(['term: lastYear is before firstYear'])
    const outside = clone()
    escalation(outside).years = [2027, 2028, 2029, 2030, 2031]
    expect(problems(outside)).toEqual(['rules.1: rule escalation covers 2031, outside the term'])
    const before = clone()
    escalation(before).years = [2025, 2027, 2028, 2029, 2030]
    expect(problems(before)).toEqual(['rules.1: rule escalation covers 2025, outside the term'])
    const overlap = clone()
    escalation(overlap).years = [2026, 2027, 2028, 2029, 2030]
    expect(problems(overlap)).toEqual([
      'rules.1: 2026 is covered by both first-year and escalation',
    ])
  })

  it('rejects two rules with one id', () => {
    const dup = clone()
    escalation(dup).id = 'first-year'
    expect(problems(dup)).toEqual(['rules: duplicate rule id first-year'])
    const three = clone()
    const rules = three.rules as Json[]
    rules.push({ ...escalation(three), id: 'first-year', years: [2031] })
    three.term = { firstYear: 2026, lastYear: 2031, yearKind: 'calendar' }
    expect(problems(three)).toEqual(['rules: duplicate rule id first-year'])
  })
})
