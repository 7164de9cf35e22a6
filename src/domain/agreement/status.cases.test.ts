// Status, period, current agreement and lapses on made-up lifecycles: every combination of a
// known or unknown signing, entry into force and expiry, and the boundary days of each rule.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDays, toDays } from '../calendar/civil-date.js'
import { shippedAgreement } from '../../record/shipped-record.js'
import type { AgreementSpec, DateFact } from './spec.js'
import {
  agreementPeriod,
  agreementStatus,
  currentAgreement,
  lapseOn,
  lapses,
  termDays,
} from './status.js'

const template = shippedAgreement('rok-us-sma-12')
const unknown: DateFact = { status: 'unknown' }
const on = (date: string): DateFact => ({ status: 'known', date, sources: [] })

/** A calendar-year agreement with the given term and dates (null = unknown). */
function agreement(
  id: string,
  firstYear: number,
  lastYear: number,
  dates: { signed?: string; eif?: string; expiry?: string } = {},
  yearKind: 'calendar' | 'jp-fiscal' = 'calendar',
): AgreementSpec {
  return {
    ...template,
    id,
    term: { firstYear, lastYear, yearKind },
    lifecycle: {
      ...template.lifecycle,
      signed: dates.signed ? on(dates.signed) : unknown,
      entryIntoForce: dates.eif ? on(dates.eif) : unknown,
      expiry: dates.expiry ? on(dates.expiry) : unknown,
    },
  }
}

describe('term days', () => {
  it('calendar years run January to December, Japanese fiscal years April to March', () => {
    expect(termDays(agreement('a', 2020, 2022))).toEqual({
      first: '2020-01-01',
      last: '2022-12-31',
    })
    expect(termDays(agreement('a', 2020, 2022, {}, 'jp-fiscal'))).toEqual({
      first: '2020-04-01',
      last: '2023-03-31',
    })
  })
})

describe('period in force', () => {
  it('uses the recorded entry into force and expiry (month-only dates widen to the month)', () => {
    expect(
      agreementPeriod(agreement('a', 2020, 2022, { eif: '2019-11', expiry: '2023-02' })),
    ).toEqual({
      from: '2019-11-01',
      fromKnown: true,
      to: '2023-02-28',
      toKnown: true,
    })
  })

  it('without an entry into force: the term’s first day, or the signing day when later', () => {
    expect(agreementPeriod(agreement('a', 2020, 2022))).toEqual({
      from: '2020-01-01',
      fromKnown: false,
      to: '2022-12-31',
      toKnown: false,
    })
    expect(agreementPeriod(agreement('a', 2020, 2022, { signed: '2019-06-30' })).from).toBe(
      '2020-01-01',
    )
    expect(agreementPeriod(agreement('a', 2020, 2022, { signed: '2020-01-01' })).from).toBe(
      '2020-01-01',
    )
    expect(agreementPeriod(agreement('a', 2020, 2022, { signed: '2020-03-10' })).from).toBe(
      '2020-03-10',
    )
  })

  it('a signing date after an unknown entry into force still follows the status order (property)', () => {
    const day = fc.integer({ min: toDays('2018-01-01'), max: toDays('2024-12-31') }).map(fromDays)
    fc.assert(
      fc.property(day, day, (signed, asOf) => {
        const a = agreement('a', 2020, 2022, { signed })
        const p = agreementPeriod(a)
        expect(p.from).toBe(signed > '2020-01-01' ? signed : '2020-01-01')
        const s = agreementStatus(a, asOf)
        expect(s).toBe(
          asOf > '2022-12-31'
            ? 'expired'
            : asOf >= p.from
              ? 'in-force'
              : asOf >= signed
                ? 'signed'
                : 'pending',
        )
      }),
      { numRuns: 500, seed: 7 },
    )
  })
})

describe('the current agreement', () => {
  // A runs 2022–2023 and stays in force until mid-2024; B (2024–2025) entered into force early.
  const a = agreement('a', 2022, 2023, { eif: '2021-01-01', expiry: '2024-06-30' })
  const b = agreement('b', 2024, 2025, { eif: '2021-06-01' })

  it('is the one in force whose term covers the day, from its term’s first to its last day', () => {
    expect(currentAgreement([a, b], '2022-01-01')?.id).toBe('a')
    expect(currentAgreement([b, a], '2023-12-31')?.id).toBe('a')
    expect(currentAgreement([a, b], '2024-01-01')?.id).toBe('b')
  })

  it('else the one in force that entered into force last, whatever the order given', () => {
    expect(currentAgreement([a, b], '2021-07-01')?.id).toBe('b')
    expect(currentAgreement([b, a], '2021-07-01')?.id).toBe('b')
    expect(currentAgreement([a, b], '2021-03-01')?.id).toBe('a')
    expect(currentAgreement([a, b], '2020-12-31')).toBeUndefined()
  })
})

describe('lapses', () => {
  const a = agreement('a', 2016, 2019)
  const b = agreement('b', 2022, 2023, { eif: '2022-01-01' })
  const c = agreement('c', 2024, 2025, { eif: '2024-03-15' })

  it('runs from the day after one agreement ends to the day before the next enters into force', () => {
    const ls = lapses([c, b, a])
    expect(ls.map((l) => [l.after.id, l.before.id, l.from, l.to, l.wholeYears])).toEqual([
      ['a', 'b', '2020-01-01', '2021-12-31', [2020, 2021]],
      ['b', 'c', '2024-01-01', '2024-03-14', []],
    ])
  })

  it('is none when the next enters into force the day after, or earlier', () => {
    expect(lapses([b, agreement('c', 2024, 2025, { eif: '2024-01-01' })])).toEqual([])
    expect(lapses([b, agreement('c', 2024, 2025, { eif: '2023-06-01' })])).toEqual([])
  })

  it('counts a year whole only when every day of it is in the lapse', () => {
    const end2020 = agreement('x', 2021, 2022, { eif: '2021-01-01' })
    expect(lapses([a, end2020])[0]).toMatchObject({ to: '2020-12-31', wholeYears: [2020] })
    expect(lapses([a, agreement('y', 2021, 2022, { eif: '2020-12-31' })])[0]?.wholeYears).toEqual(
      [],
    )
    expect(
      lapses([agreement('z', 2016, 2019, { expiry: '2019-03-31' }), end2020])[0],
    ).toMatchObject({ from: '2019-04-01', to: '2020-12-31', wholeYears: [2020] })
  })

  it('contains its first and last day and no other (lapseOn)', () => {
    const ls = lapses([a, b, c])
    for (const l of ls) {
      expect(lapseOn(ls, l.from)).toBe(l)
      expect(lapseOn(ls, l.to)).toBe(l)
      expect(lapseOn(ls, addDays(l.from, -1))).toBeUndefined()
      expect(lapseOn(ls, addDays(l.to, 1))).toBeUndefined()
    }
  })
})
