import { describe, expect, it } from 'vitest'
import type { AgreementSummary } from '../../../../src/contracts/agreements.js'
import {
  agreementChoices,
  comparableWith,
  compareFromValue,
  compareValue,
  wholeNumber,
} from './view'

const summary = (id: string, hostNation: 'KR' | 'JP', firstYear: number, currency: 'KRW' | 'JPY') =>
  ({ id, hostNation, currency, term: { firstYear } }) as AgreementSummary

describe('projection form helpers', () => {
  it('read whole numbers within limits only', () => {
    expect(wholeNumber(' 2000 ', 1, 1_000_000)).toBe(2000)
    expect(wholeNumber('0', 1, 10)).toBeNull()
    expect(wholeNumber('1.5', 0, 10)).toBeNull()
    expect(wholeNumber('', 0, 10)).toBeNull()
  })

  it('round-trip the comparison choice through the select value', () => {
    for (const c of [
      { kind: 'none' },
      { kind: 'variant' },
      { kind: 'agreement', id: 'rok-us-sma-11' },
    ] as const) {
      expect(compareFromValue(compareValue(c))).toEqual(c)
    }
  })

  it('offer ROK–US agreements first and compare only within one reporting currency', () => {
    const list = [
      summary('jp-us-sma-2022', 'JP', 2022, 'JPY'),
      summary('rok-us-sma-12', 'KR', 2026, 'KRW'),
      summary('rok-us-sma-11', 'KR', 2020, 'KRW'),
    ]
    expect(agreementChoices(list).map((a) => a.id)).toEqual([
      'rok-us-sma-11',
      'rok-us-sma-12',
      'jp-us-sma-2022',
    ])
    expect(comparableWith(list, 'rok-us-sma-12').map((a) => a.id)).toEqual(['rok-us-sma-11'])
    expect(comparableWith(list, 'unknown')).toEqual([])
  })
})
