import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../../src/contracts/analyses.js'
import { initI18n, translatorOf } from '../../i18n/i18n'
import { checkReservation, packageWords, roundToStep, runSummary } from './words'

const i18n = initI18n('en')
const bid = { firstYearIncreasePct: '5', capPct: '5', termYears: '5', series: 'KR_CPI' }

describe('packages in words', () => {
  it('says a package as negotiators do, in both languages', async () => {
    await i18n.changeLanguage('en')
    expect(packageWords(bid, translatorOf(i18n.t))).toBe(
      'first year +5.0 %, cap 5 %, 5 years, CPI-linked',
    )
    expect(packageWords({ capPct: 'none', termYears: '1' }, translatorOf(i18n.t))).toBe(
      'no cap, 1 year',
    )
    await i18n.changeLanguage('ko')
    expect(packageWords(bid, translatorOf(i18n.t))).toBe(
      '첫해 +5.0%, 상한 5%, 5년, 소비자물가 연동',
    )
  })
})

describe('amounts as the rules round them', () => {
  it('rounds half-up to the step, exactly', () => {
    expect(roundToStep('1523456789012', 100000000n)).toBe('1523500000000')
    expect(roundToStep('1523449999999', 100000000n)).toBe('1523400000000')
    expect(roundToStep('1523450000000', 100000000n)).toBe('1523500000000')
    expect(roundToStep('17', 1n)).toBe('17')
  })
})

describe('against our reservation value', () => {
  it('KR pays: above the reservation is outside; the US receives: below is outside', () => {
    expect(checkReservation('1600000000001', '1600000000000', 'KR')).toBe('outside')
    expect(checkReservation('1600000000000', '1600000000000', 'KR')).toBe('inside')
    expect(checkReservation('1500000000000', '1600000000000', 'US')).toBe('outside')
    expect(checkReservation('1700000000000', '1600000000000', 'US')).toBe('inside')
    expect(checkReservation(null, '1', 'KR')).toBe('unknown')
    expect(checkReservation('1', undefined, 'KR')).toBe('unknown')
  })
})

describe('a run in plain language', () => {
  const sim: SimulationResult = {
    strategies: ['boulware', 'conceder'],
    rounds: 100,
    deadline: null,
    seed: 1,
    roundsPlayed: 12,
    reservation: [0.2, 0.3],
    agreement: {
      bid,
      utility: [0.7, 0.6],
      amount: '1523456789012',
      round: 11,
      acceptedBy: 'US',
    },
    offerCounts: [6, 6],
    offers: [
      [
        [1, 0.1],
        [0.9, 0.3],
      ],
      [
        [0.2, 0.95],
        [0.7, 0.6],
      ],
    ],
  }
  it('names who conceded how much, when, and at which package', async () => {
    await i18n.changeLanguage('en')
    expect(
      runSummary(sim, ['KR', 'US'], translatorOf(i18n.t), 'en', 100000000n, 14, '2026-12-03'),
    ).toBe(
      'Agreement in round 12 (around 2027-05-20): first year +5.0 %, cap 5 %, 5 years, CPI-linked, ₩1,523,500,000,000 a year on average, accepted by the United States. Concessions from the first offer: Republic of Korea 30 points, United States 35 points (of utility).',
    )
    const none = runSummary(
      { ...sim, agreement: null },
      ['KR', 'US'],
      translatorOf(i18n.t),
      'en',
      1n,
    )
    expect(none).toBe(
      'No agreement in 12 rounds: neither the Republic of Korea nor the United States conceded below its reservation value.',
    )
    await i18n.changeLanguage('ko')
    const byDeadline = runSummary(
      { ...sim, agreement: null, deadline: '2027-06-03' },
      ['KR', 'US'],
      translatorOf(i18n.t),
      'ko',
      1n,
    )
    expect(byDeadline).toBe(
      '12라운드 동안 합의에 이르지 못했습니다(시한: 2027-06-03). 대한민국과 미국 모두 유보가치 아래로는 양보하지 않았습니다.',
    )
    await i18n.changeLanguage('en')
  })
})
