import { describe, expect, it } from 'vitest'
import { findAgreement } from '../../../../src/domain/index.js'
import { shippedSnapshot } from '../../../../src/record/shipped-record.js'
import { scheduleOf } from '../../lib/record'
import {
  applyWhatIf,
  changedIndexSummary,
  compareRows,
  computeWhatIf,
  EMPTY_WHAT_IF,
  inputFromUrl,
  knownTotal,
  leversOf,
  whatIfParams,
} from './what-if'

// The record as `GET /api/record` serves it on a fresh database (the shipped data).
const snapshot = shippedSnapshot()
const sma12 = findAgreement(snapshot, 'rok-us-sma-12')
if (!sma12) throw new Error('rok-us-sma-12 missing from the record')
const indices = snapshot.indices

function run(input: Parameters<typeof applyWhatIf>[2]) {
  const r = applyWhatIf(sma12 as NonNullable<typeof sma12>, indices, input)
  if (!r.ok) throw new Error(`invalid: ${r.invalid.join(', ')}`)
  return { ...r, schedule: scheduleOf(snapshot, r.spec, r.overrides) }
}
const amount = (s: ReturnType<typeof run>['schedule'], y: number) =>
  s.years.find((f) => f.year === y)?.amount

describe('what-if on the 12th SMA', () => {
  it('offers the CPI periods, the cap, the first-year increase and the term as levers', () => {
    const l = leversOf(sma12, indices, null)
    expect(l.indexInputs.map((i) => i.key)).toEqual([
      'KR_CPI:2025',
      'KR_CPI:2026',
      'KR_CPI:2027',
      'KR_CPI:2028',
    ])
    expect(l.indexInputs[0]?.recordValue).toBe('2.1')
    expect(l.firstYearPct).toBe('8.3')
    expect(l.term).toMatchObject({ first: 2026, last: 2030 })
  })

  it('unchanged inputs reproduce the signed schedule', () => {
    const s = run(EMPTY_WHAT_IF).schedule
    expect(amount(s, 2026)).toBe('1519200000000')
    expect(amount(s, 2027)).toBe('1551100000000')
  })

  it('CPI 2025 at 7.3 % hits the 5 % cap: 2027 becomes ₩1,595,200,000,000', () => {
    const s = run({ ...EMPTY_WHAT_IF, indexValues: { 'KR_CPI:2025': '7.3' } }).schedule
    expect(amount(s, 2027)).toBe('1595200000000')
    const d = s.years.find((f) => f.year === 2027)?.derivation
    expect(d?.type === 'escalated' && d.rate.kind === 'index' && d.rate.binding).toBe('cap')
  })

  it('a higher cap lets the CPI through', () => {
    const s = run({
      ...EMPTY_WHAT_IF,
      indexValues: { 'KR_CPI:2025': '7.3' },
      capPct: '10',
    }).schedule
    // 1,519.2 bn × 1.073 = 1,630.1016 bn → 1,630.1 bn
    expect(amount(s, 2027)).toBe('1630100000000')
  })

  it('the first-year increase changes 2026 and flows on', () => {
    const s = run({ ...EMPTY_WHAT_IF, firstYearPct: '5' }).schedule
    // 1,402.8 bn × 1.05 = 1,472.94 bn → 1,472.9 bn
    expect(amount(s, 2026)).toBe('1472900000000')
    expect(amount(s, 2027)).toBe('1503800000000')
  })

  it('shortens and extends the term', () => {
    const short = run({ ...EMPTY_WHAT_IF, lastYear: 2027 }).schedule
    expect(short.years.map((y) => y.year)).toEqual([2026, 2027])
    expect(short.total).toBe('3070300000000')
    const long = run({
      ...EMPTY_WHAT_IF,
      lastYear: 2031,
      indexValues: {
        'KR_CPI:2026': '2',
        'KR_CPI:2027': '2',
        'KR_CPI:2028': '2',
        'KR_CPI:2029': '2',
      },
    }).schedule
    expect(long.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031])
    expect(long.total).not.toBeNull()
  })

  it('rejects text that is not a number', () => {
    const r = applyWhatIf(sma12, indices, { ...EMPTY_WHAT_IF, indexValues: { 'KR_CPI:2025': 'x' } })
    expect(r.ok).toBe(false)
  })

  it('knownTotal adds the computed years only', () => {
    expect(knownTotal([{ amount: '1' }, { amount: null }, { amount: '2' }])).toEqual({
      total: '3',
      known: 2,
      all: 3,
    })
  })

  it('reads a preset from the address, ignoring a malformed index value', () => {
    const input = inputFromUrl(
      new URLSearchParams('index=KR_CPI:2025=7.3&index=nonsense&cap=10&last=2031'),
    )
    expect(input).toEqual({
      indexValues: { 'KR_CPI:2025': '7.3' },
      capPct: '10',
      firstYearPct: null,
      lastYear: 2031,
    })
  })

  it('computes a what-if against the snapshot, or says which inputs are wrong', () => {
    const input = { ...EMPTY_WHAT_IF, indexValues: { 'KR_CPI:2025': '7.3' } }
    const r = computeWhatIf(snapshot, sma12, input)
    expect(r.invalid).toEqual([])
    expect(r.schedule?.years.find((y) => y.year === 2027)?.amount).toBe('1595200000000')
    expect(changedIndexSummary(r.levers, input)).toBe('KR_CPI 2025 = 7.3 %')
    const bad = computeWhatIf(snapshot, sma12, { ...EMPTY_WHAT_IF, capPct: 'five' })
    expect(bad).toMatchObject({ invalid: ['cap'], schedule: null, spec: null })
  })

  it('sets as-signed and what-if side by side, with the difference', () => {
    const signed = run(EMPTY_WHAT_IF).schedule
    const longer = run({ ...EMPTY_WHAT_IF, indexValues: { 'KR_CPI:2025': '7.3' }, lastYear: 2031 })
    const rows = compareRows(signed, longer.schedule)
    expect(rows.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031])
    expect(rows[1]?.delta).toBe(44100000000n)
    expect(rows[2]?.delta).toBeNull() // 2028 is pending in both
    expect(rows[5]?.signed).toBeUndefined()
  })
})

describe('what-if in the URL', () => {
  it('writes every changed lever and reads it back, keeping the language', () => {
    const input = {
      indexValues: { 'KR_CPI:2025': '7.3' },
      capPct: '10',
      firstYearPct: '8.3',
      lastYear: 2031,
    }
    const p = whatIfParams(input, new URLSearchParams('lang=ko&cap=3'))
    expect(p.toString()).toBe('lang=ko&index=KR_CPI%3A2025%3D7.3&cap=10&first=8.3&last=2031')
    expect(inputFromUrl(p)).toEqual(input)
  })
  it('leaves unchanged levers out', () => {
    expect(whatIfParams(EMPTY_WHAT_IF, new URLSearchParams('lang=en')).toString()).toBe('lang=en')
  })
  it('keeps a removed cap (empty) apart from the signed cap (absent)', () => {
    const p = whatIfParams({ ...EMPTY_WHAT_IF, capPct: '' }, new URLSearchParams())
    expect(p.has('cap')).toBe(true)
    expect(inputFromUrl(p).capPct).toBe('')
  })
})
