import { describe, expect, it } from 'vitest'
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import type { Principal } from '../../../../src/domain/index.js'
import {
  canConfirm,
  compareProposals,
  lifecycleSteps,
  ownDrafts,
  tabledProposals,
  wonFromInput,
} from './view'

const schedule = (amounts: (string | null)[]) =>
  ({
    currency: 'KRW',
    years: amounts.map((amount, i) => ({ year: 2026 + i, amount })),
  }) as unknown as ProposalView['schedule']

const proposal = (p: Partial<ProposalView>): ProposalView =>
  ({
    id: 'p',
    title: 'p',
    ownerParty: 'KR',
    visibility: 'shared',
    schedule: schedule(['100', '110']),
    scheduleError: null,
    tabledAt: null,
    ...p,
  }) as ProposalView

const kr: Principal = { userId: 'u', email: 'kr@x', party: 'KR', role: 'analyst' }

describe('negotiation view model', () => {
  it('lists the lifecycle with one domestic approval per delegation', () => {
    const n = {
      events: [
        { kind: 'opened', date: '2024-04-23', party: null, confirmedAt: 'x' },
        { kind: 'domestic-procedure', date: '2024-11-28', party: 'KR', confirmedAt: 'x' },
        // signed by one delegation only: not reached until the other confirms
        { kind: 'signed', date: '2024-11-04', party: null, confirmedAt: null },
      ],
    } as unknown as NegotiationDetail
    const steps = lifecycleSteps(n)
    expect(steps.map((s) => s.key)).toEqual([
      'opened',
      'text-agreed',
      'initialled',
      'signed',
      'domestic-procedure-KR',
      'domestic-procedure-US',
      'entry-into-force',
    ])
    expect(steps[0]?.date).toBe('2024-04-23')
    expect(steps.find((s) => s.key === 'domestic-procedure-KR')?.date).toBe('2024-11-28')
    expect(steps.find((s) => s.key === 'domestic-procedure-US')?.date).toBeNull()
    expect(steps.find((s) => s.key === 'signed')?.date).toBeNull()
  })

  it('offers a confirmation to the other delegation only, while one is missing', () => {
    const e = {
      confirmedAt: null,
      confirmations: [{ party: 'US', by: { party: 'US', role: 'negotiator' }, at: 'x' }],
    } as unknown as NegotiationDetail['events'][number]
    expect(canConfirm(e, kr)).toBe(true)
    expect(canConfirm(e, { ...kr, party: 'US' })).toBe(false)
    expect(canConfirm(e, { ...kr, party: 'PUBLIC' })).toBe(false)
    expect(canConfirm({ ...e, confirmedAt: 'y' }, kr)).toBe(false)
  })

  it('separates tabled proposals from the viewer’s own drafts (the domain’s write rule)', () => {
    const list = [
      proposal({ id: 'tabled', visibility: 'shared', ownerParty: 'US' }),
      proposal({ id: 'ours', visibility: 'private', ownerParty: 'KR' }),
      proposal({ id: 'theirs', visibility: 'private', ownerParty: 'US' }),
    ]
    expect(tabledProposals(list).map((p) => p.id)).toEqual(['tabled'])
    expect(ownDrafts(list, kr).map((p) => p.id)).toEqual(['ours'])
    expect(ownDrafts(list, null)).toEqual([])
  })

  it('compares proposals year by year and in total, against the first', () => {
    const c = compareProposals([
      proposal({ id: 'a' }),
      proposal({ id: 'b', schedule: schedule(['120', null]) }),
    ])
    expect(c.years).toEqual([2026, 2027])
    expect(c.rows[0]?.cells).toEqual([
      { amount: '100', delta: null },
      { amount: '120', delta: 20n },
    ])
    expect(c.rows[1]?.cells[1]).toEqual({ amount: null, delta: null })
    // a total missing a pending year is not compared with a complete one
    expect(c.totals[1]).toEqual({
      total: { total: '120', known: 1, all: 2 },
      delta: null,
      notCompared: 'incomplete',
    })
    const same = compareProposals([
      proposal({ id: 'a' }),
      proposal({ id: 'c', schedule: schedule(['120', '130']) }),
    ])
    expect(same.totals[1]?.delta).toBe(40n)
    expect(same.totals[1]?.notCompared).toBeNull()
    const longer = compareProposals([
      proposal({ id: 'a' }),
      proposal({ id: 'd', schedule: schedule(['100', '110', '120']) }),
    ])
    expect(longer.totals[1]).toMatchObject({ delta: null, notCompared: 'other-term' })
  })

  it('reads whole won as typed, by the contract’s money rule', () => {
    expect(wonFromInput('1,700,000,000,000')).toBe('1700000000000')
    expect(wonFromInput('₩ 1500000000000 원')).toBe('1500000000000')
    expect(wonFromInput('')).toBeNull()
    expect(wonFromInput('1.5')).toBeUndefined()
    expect(wonFromInput('-1')).toBeUndefined()
  })
})
