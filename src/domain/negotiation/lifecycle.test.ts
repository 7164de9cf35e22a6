import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDays, isIsoDate, toDays } from '../calendar/civil-date.js'
import {
  acceptRefusal,
  assertionRefusal,
  conclusion,
  confirmationRefusal,
  eventRefusal,
  negotiationState,
  nextDeadline,
  tableRefusal,
  type AcceptanceFact,
  type EventFact,
  type NegotiationFacts,
} from './lifecycle.js'

const acc = (party: 'KR' | 'US', revisionId: string, at: string): AcceptanceFact => ({
  party,
  proposalId: `p-${revisionId}`,
  revisionId,
  at,
})
const ev = (
  kind: EventFact['kind'],
  date: string,
  party: EventFact['party'] = null,
): EventFact => ({
  kind,
  date,
  party,
})

describe('civil dates', () => {
  it('round-trips every day between 1900 and 2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDays('1900-01-01'), max: toDays('2200-12-31') }), (n) => {
        const d = fromDays(n)
        expect(isIsoDate(d)).toBe(true)
        expect(toDays(d)).toBe(n)
      }),
      { seed: 1, numRuns: 5000 },
    )
  })
  it('knows month ends and leap years', () => {
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01')
    expect(addDays('2021-09-01', -1)).toBe('2021-08-31')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(isIsoDate('2023-02-29')).toBe(false)
  })
})

describe('mutual consent', () => {
  it('concludes only when both parties accept the same revision', () => {
    expect(conclusion([acc('KR', 'r1', '2024-10-02')])).toBeNull()
    expect(conclusion([acc('KR', 'r1', '2024-10-02'), acc('US', 'r2', '2024-10-02')])).toBeNull()
    expect(conclusion([acc('KR', 'r1', '2024-10-01'), acc('US', 'r1', '2024-10-02')])).toEqual({
      revisionId: 'r1',
      proposalId: 'p-r1',
      on: '2024-10-02',
    })
  })
  it('uses each party’s latest acceptance', () => {
    const a = [
      acc('KR', 'r1', '2024-10-01'),
      acc('US', 'r1', '2024-10-02'),
      acc('KR', 'r2', '2024-10-03'),
    ]
    expect(conclusion(a)).toBeNull()
  })
  it('never concludes with differing revisions (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            party: fc.constantFrom<'KR' | 'US'>('KR', 'US'),
            rev: fc.constantFrom('a', 'b', 'c'),
            day: fc.integer({ min: 1, max: 28 }),
          }),
        ),
        (xs) => {
          const list = xs.map((x) =>
            acc(x.party, x.rev, `2024-10-${String(x.day).padStart(2, '0')}`),
          )
          const c = conclusion(list)
          if (c) {
            expect(list.some((a) => a.party === 'KR' && a.revisionId === c.revisionId)).toBe(true)
            expect(list.some((a) => a.party === 'US' && a.revisionId === c.revisionId)).toBe(true)
          }
        },
      ),
      { seed: 3, numRuns: 2000 },
    )
  })
})

describe('entry into force and lapse', () => {
  const sma12: NegotiationFacts = {
    predecessorExpiry: '2025-12-31',
    acceptances: [acc('KR', 'r12', '2024-10-02'), acc('US', 'r12', '2024-10-02')],
    events: [
      ev('signed', '2024-11-04'),
      ev('domestic-procedure', '2024-11-28', 'KR'),
      ev('domestic-procedure', '2024-11-29', 'US'),
      ev('entry-into-force', '2024-11-29'),
    ],
  }
  it('is in force once both domestic procedures precede entry into force', () => {
    const s = negotiationState(sma12, '2026-11-28')
    expect(s.status).toBe('in-force')
    expect(s.inForceFrom).toBe('2024-11-29')
    expect(s.lapse).toBeNull()
    expect(negotiationState(sma12, '2024-11-10').status).toBe('signed')
  })
  it('is not in force when one domestic procedure is missing', () => {
    const facts = { ...sma12, events: sma12.events.filter((e) => e.party !== 'US') }
    expect(negotiationState(facts, '2026-11-28').status).toBe('signed')
    expect(eventRefusal(facts, ev('entry-into-force', '2024-11-29'))).toMatch(/missing: US/)
  })
  it('refuses signing before a conclusion', () => {
    expect(eventRefusal({ ...sma12, acceptances: [] }, ev('signed', '2024-11-04'))).toMatch(
      /both parties/,
    )
  })
  it('records the 2020 lapse of the 11th SMA', () => {
    const sma11: NegotiationFacts = {
      predecessorExpiry: '2019-12-31',
      acceptances: [acc('KR', 'r11', '2021-03-18'), acc('US', 'r11', '2021-03-18')],
      events: [
        ev('domestic-procedure', '2021-08-31', 'KR'),
        ev('domestic-procedure', '2021-09-01', 'US'),
        ev('entry-into-force', '2021-09-01'),
      ],
    }
    expect(negotiationState(sma11, '2026-11-28').lapse).toEqual({
      from: '2020-01-01',
      to: '2021-08-31',
      ongoing: false,
    })
    expect(negotiationState(sma11, '2020-06-01')).toMatchObject({
      status: 'concluded',
      lapse: { from: '2020-01-01', to: null, ongoing: true },
    })
  })
  it('has no lapse before the predecessor expires', () => {
    const open: NegotiationFacts = { predecessorExpiry: '2030-12-31', acceptances: [], events: [] }
    expect(negotiationState(open, '2026-11-28')).toEqual({
      status: 'open',
      concluded: null,
      inForceFrom: null,
      lapse: null,
    })
    expect(negotiationState(open, '2031-01-01').lapse).toEqual({
      from: '2031-01-01',
      to: null,
      ongoing: true,
    })
  })
  it('picks the next deadline', () => {
    const ds = [{ date: '2028-11-07' }, { date: '2030-12-31' }, { date: '2024-01-01' }]
    expect(nextDeadline(ds, '2026-11-28')).toEqual({ date: '2028-11-07' })
    expect(nextDeadline(ds, '2031-01-01')).toBeNull()
  })
})

describe('proposal rules', () => {
  it('tables a private draft once, by its owner only', () => {
    expect(
      tableRefusal({ ownerParty: 'KR', visibility: 'private', tabledAt: null }, 'KR'),
    ).toBeNull()
    expect(
      tableRefusal({ ownerParty: 'KR', visibility: 'private', tabledAt: null }, 'US'),
    ).not.toBeNull()
    expect(
      tableRefusal({ ownerParty: 'KR', visibility: 'shared', tabledAt: '2024-01-01' }, 'KR'),
    ).not.toBeNull()
  })
  it('accepts only tabled proposals of an unconcluded negotiation', () => {
    const facts: NegotiationFacts = { predecessorExpiry: null, acceptances: [], events: [] }
    expect(
      acceptRefusal({ ownerParty: 'KR', visibility: 'private', tabledAt: null }, facts),
    ).not.toBeNull()
    expect(
      acceptRefusal({ ownerParty: 'KR', visibility: 'shared', tabledAt: '2024-01-01' }, facts),
    ).toBeNull()
  })
})

describe('authored acts (issue 14)', () => {
  it('lets a delegation assert only its own acts', () => {
    expect(assertionRefusal('US', { kind: 'opened', party: 'KR' })).toMatch(/only its own acts/)
    expect(assertionRefusal('US', { kind: 'domestic-procedure', party: 'KR' })).not.toBeNull()
    expect(assertionRefusal('US', { kind: 'domestic-procedure', party: 'US' })).toBeNull()
    expect(assertionRefusal('KR', { kind: 'note', party: null })).toBeNull()
    expect(assertionRefusal('KR', { kind: 'opened', party: 'KR' })).toBeNull()
  })
  it('takes mutual acts with party null only', () => {
    for (const kind of ['text-agreed', 'initialled', 'signed'] as const) {
      expect(assertionRefusal('KR', { kind, party: null })).toBeNull()
      expect(assertionRefusal('KR', { kind, party: 'KR' })).toMatch(/both delegations/)
      expect(assertionRefusal('US', { kind, party: 'KR' })).toMatch(/only its own acts/)
    }
  })
  it('needs the other delegation to confirm a mutual act, once', () => {
    expect(confirmationRefusal({ kind: 'signed', confirmedBy: ['KR'] }, 'US')).toBeNull()
    expect(confirmationRefusal({ kind: 'signed', confirmedBy: ['KR'] }, 'KR')).toMatch(/already/)
    expect(confirmationRefusal({ kind: 'signed', confirmedBy: ['KR', 'US'] }, 'US')).toMatch(
      /already/,
    )
    expect(confirmationRefusal({ kind: 'note', confirmedBy: [] }, 'US')).toMatch(/not a mutual/)
  })
})
