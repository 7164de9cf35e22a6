import { describe, expect, it } from 'vitest'
import { compareItems } from '../../../../src/domain/negotiation/compare.js'
import { COMPARE_PATHS, idsOf, monteCarloRequest, toggled, yearlyOption } from './view'

describe('comparison state in the URL', () => {
  it('reads ids in order, without blanks or duplicates', () => {
    expect(idsOf('rok-us-sma-12,,p1,rok-us-sma-12')).toEqual(['rok-us-sma-12', 'p1'])
    expect(idsOf(null)).toEqual([])
  })
  it('adds and removes one id, and drops a run of other items', () => {
    const q = toggled(new URLSearchParams('a=rok-us-sma-12&p=p1&run=r1'), 'p', ['p1'], 'p2', true)
    expect(q.toString()).toBe('a=rok-us-sma-12&p=p1%2Cp2')
    // no agreement stays an empty a= (else the replaced agreement would come back by default)
    expect(toggled(q, 'a', ['rok-us-sma-12'], 'rok-us-sma-12', false).toString()).toBe(
      'a=&p=p1%2Cp2',
    )
    expect(toggled(new URLSearchParams('p=p1'), 'p', ['p1'], 'p1', false).toString()).toBe('')
  })
})

describe('the Monte Carlo request', () => {
  it('projects the first item and compares the others, proposals by reference', () => {
    expect(
      monteCarloRequest('neg', { agreements: ['rok-us-sma-12'], proposals: ['p1', 'p2'] }, 'ar1'),
    ).toEqual({
      agreement: 'rok-us-sma-12',
      scenario: 'ar1',
      paths: COMPARE_PATHS,
      seed: 1,
      compare: [
        { negotiation: 'neg', proposal: 'p1' },
        { negotiation: 'neg', proposal: 'p2' },
      ],
    })
    expect(monteCarloRequest('neg', { agreements: [], proposals: ['p1'] }, 'ar1')).toMatchObject({
      proposal: { negotiation: 'neg', proposal: 'p1' },
      compare: [],
    })
    expect(monteCarloRequest('neg', { agreements: [], proposals: [] }, 'ar1')).toBeNull()
  })
  it('keeps at most five items (the engine compares the first with four)', () => {
    const r = monteCarloRequest(
      'n',
      { agreements: [], proposals: ['1', '2', '3', '4', '5', '6'] },
      'x',
    )
    expect(r?.compare).toHaveLength(4)
  })
})

describe('the chart', () => {
  it('draws yearly amounts from zero, with our reservation value and target', () => {
    const c = compareItems(
      [
        {
          key: 'a',
          title: '12th',
          schedule: {
            currency: 'KRW',
            years: [{ year: 2026, amount: '1520000000000', status: 'computed' }],
          },
        },
      ],
      null,
      {},
      null,
    )
    const o = yearlyOption(
      c,
      { perUnitMinor: 1e8, label: '억 원' },
      { reservation: '1600000000000', target: null },
      {
        reservation: 'R',
        target: 'T',
      },
    ) as { yAxis: { min: number }; series: { data: number[]; markLine: { data: unknown[] } }[] }
    expect(o.yAxis.min).toBe(0)
    expect(o.series[0]?.data).toEqual([15200]) // 1,520,000,000,000 won = 15,200억
    expect(o.series[0]?.markLine.data).toEqual([{ name: 'R', yAxis: 16000 }])
  })
})
