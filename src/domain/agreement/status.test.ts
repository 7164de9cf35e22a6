import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDays, toDays } from '../calendar/civil-date.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'
import {
  AGREEMENT_STATUSES,
  agreementPeriod,
  agreementStatus,
  currentAgreement,
  lapseOn,
  lapses,
  termDays,
} from './status.js'

const record = loadRecord()
const rok = record.agreements.filter((a) => a.hostNation === 'KR')
const byId = shippedAgreement
const FIRST_DAY = toDays('1985-01-01')
const LAST_DAY = toDays('2032-12-31')
const anyDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDays)
const anyAgreement = fc.constantFrom(...record.agreements)
const rank = (s: string): number => AGREEMENT_STATUSES.indexOf(s as never)

describe('agreement status', () => {
  it('reads the 12th SMA through its life: pending, signed (4–28 Nov 2024), in force, expired', () => {
    const sma12 = byId('rok-us-sma-12')
    expect(agreementStatus(sma12, '2024-11-03')).toBe('pending')
    expect(agreementStatus(sma12, '2024-11-04')).toBe('signed')
    expect(agreementStatus(sma12, '2024-11-28')).toBe('signed')
    expect(agreementStatus(sma12, '2024-11-29')).toBe('in-force')
    expect(agreementStatus(sma12, '2030-12-31')).toBe('in-force')
    expect(agreementStatus(sma12, '2031-01-01')).toBe('expired')
  })

  it('is not "signed" before the signing date (a defect of an earlier copy)', () => {
    expect(agreementStatus(byId('rok-us-sma-12'), '2020-01-01')).toBe('pending')
  })

  it('counts a Japanese fiscal-year term to 31 March of the next year', () => {
    const jp = byId('jp-us-sma-2022')
    expect(termDays(jp)).toEqual({ first: '2022-04-01', last: '2027-03-31' })
    expect(agreementStatus(jp, '2027-03-31')).toBe('in-force')
    expect(agreementStatus(jp, '2027-04-01')).toBe('expired')
  })

  it('never goes back: over any agreement, a later day has a status at least as far along (property)', () => {
    fc.assert(
      fc.property(anyAgreement, anyDate, anyDate, (a, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1]
        expect(rank(agreementStatus(a, early))).toBeLessThanOrEqual(rank(agreementStatus(a, late)))
      }),
      { seed: 11, numRuns: 3000 },
    )
  })

  it('agrees with the recorded dates (property over every agreement and day 1985–2032)', () => {
    fc.assert(
      fc.property(anyAgreement, anyDate, (a, day) => {
        const s = agreementStatus(a, day)
        const l = a.lifecycle
        const p = agreementPeriod(a)
        if (s === 'signed') {
          expect(l.signed.status).toBe('known')
          if (l.signed.status === 'known') expect(day >= l.signed.date.slice(0, 7)).toBe(true)
        }
        if (s === 'in-force') {
          if (l.entryIntoForce.status === 'known')
            expect(day >= l.entryIntoForce.date.slice(0, 7)).toBe(true)
          else expect(day >= termDays(a).first).toBe(true)
          expect(day <= p.to).toBe(true)
        }
        if (s === 'expired') expect(day > p.to).toBe(true)
        if (s === 'pending' && l.signed.status === 'known') expect(day < l.signed.date).toBe(true)
      }),
      { seed: 5, numRuns: 5000 },
    )
  })
})

describe('periods, the current agreement and lapses', () => {
  it('finds the 2020–2021 lapse with 2020 as a whole year without an agreement', () => {
    const ls = lapses(rok)
    const l = ls.find((x) => x.before.id === 'rok-us-sma-11')
    expect(l).toMatchObject({ from: '2020-01-01', to: '2021-08-31', wholeYears: [2020] })
    expect(lapseOn(ls, '2020-06-30')?.after.id).toBe('rok-us-sma-10')
    expect(currentAgreement(rok, '2020-06-30')).toBeUndefined()
  })

  it('names the agreement that sets the year’s amount when two are in force', () => {
    expect(agreementStatus(byId('rok-us-sma-12'), '2025-06-01')).toBe('in-force')
    expect(currentAgreement(rok, '2025-06-01')?.id).toBe('rok-us-sma-11')
    expect(currentAgreement(rok, '2026-11-28')?.id).toBe('rok-us-sma-12')
  })

  it('has no day in a lapse on which an agreement is in force (property)', () => {
    const ls = lapses(rok)
    for (const l of ls) {
      for (let d = l.from; d <= l.to; d = addDays(d, 7)) {
        expect(rok.filter((a) => agreementStatus(a, d) === 'in-force')).toEqual([])
      }
    }
  })
})
