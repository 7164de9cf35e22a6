import { describe, expect, it } from 'vitest'
import { record } from '../../lib/record'
import { inForceOn, lapseOn, lapses } from './timeline'

const rok = record().agreements.filter((a) => a.hostNation === 'KR')

describe('overview timeline', () => {
  it('finds the 2020–2021 lapse with 2020 as a whole year without an agreement', () => {
    const ls = lapses(rok)
    const l = ls.find((x) => x.before.id === 'rok-us-sma-11')
    expect(l).toMatchObject({ from: '2020-01-01', to: '2021-08-31', wholeYears: [2020] })
    expect(lapseOn(ls, '2020-06-30')?.after.id).toBe('rok-us-sma-10')
    expect(inForceOn(rok, '2020-06-30')).toBeUndefined()
  })

  it('knows the agreement in force', () => {
    expect(inForceOn(rok, '2026-11-28')?.id).toBe('rok-us-sma-12')
  })
})
