import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  actRefusal,
  PROPOSAL_ACTS,
  proposalState,
  revisionRefusal,
  seenByOtherParty,
  transition,
  type ProposalLife,
  type ProposalState,
} from './proposal-state.js'

const draft = (owner: 'KR' | 'US' = 'KR'): ProposalLife => ({
  ownerParty: owner,
  tabledAt: null,
  withdrawnAt: null,
  rejectedAt: null,
  acceptedByOther: false,
})
const tabled = (owner: 'KR' | 'US' = 'KR'): ProposalLife => ({
  ...draft(owner),
  tabledAt: '2031-03-02T10:00:00.000Z',
})

/** The diagram of proposal-state.ts, as data: which (state, act by owner|other) leads where. */
const ALLOWED: Record<ProposalState, Partial<Record<string, ProposalState>>> = {
  draft: { 'table:owner': 'tabled' },
  tabled: {
    'withdraw:owner': 'withdrawn',
    'reject:other': 'rejected',
    'accept:other': 'accepted',
    'accept:owner': 'tabled',
  },
  accepted: { 'accept:owner': 'accepted' },
  withdrawn: {},
  rejected: {},
}

describe('proposal state machine', () => {
  it('walks the examples of the diagram', () => {
    expect(proposalState(draft())).toBe('draft')
    expect(proposalState(tabled())).toBe('tabled')
    expect(transition(tabled(), 'reject', 'US', 't')).toMatchObject({ ok: true, state: 'rejected' })
    expect(transition(tabled(), 'withdraw', 'KR', 't')).toMatchObject({
      ok: true,
      state: 'withdrawn',
    })
    expect(actRefusal(tabled(), 'reject', 'KR')).toMatch(/other delegation/)
    expect(actRefusal(tabled(), 'withdraw', 'US')).toMatch(/owning party/)
    expect(actRefusal(draft(), 'withdraw', 'KR')).toMatch(/nothing to withdraw/)
    expect(actRefusal(draft(), 'reject', 'US')).toMatch(/tabled/)
    expect(actRefusal({ ...tabled(), ownerParty: 'PUBLIC' }, 'reject', 'US')).not.toBeNull()
  })

  it('allows exactly the transitions of the diagram, from any reachable state', () => {
    const act = fc.constantFrom(...PROPOSAL_ACTS)
    const who = fc.constantFrom('KR' as const, 'US' as const)
    fc.assert(
      fc.property(who, fc.array(fc.tuple(act, who), { maxLength: 12 }), (owner, steps) => {
        let life = draft(owner)
        let i = 0
        for (const [a, acting] of steps) {
          const before = proposalState(life)
          const key = `${a}:${acting === owner ? 'owner' : 'other'}`
          const expected = ALLOWED[before][key]
          const r = transition(life, a, acting, `2031-01-${String(++i).padStart(2, '0')}`)
          if (expected === undefined) {
            expect(r.ok).toBe(false)
          } else {
            expect(r).toMatchObject({ ok: true, state: expected })
            if (r.ok) life = r.life
          }
        }
      }),
    )
  })

  it('keeps terminal states terminal and never lets a party act in the other’s name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('KR' as const, 'US' as const),
        fc.constantFrom(...PROPOSAL_ACTS),
        fc.constantFrom('withdrawn', 'rejected'),
        (acting, a, end) => {
          const life =
            end === 'withdrawn'
              ? { ...tabled(), withdrawnAt: 't' }
              : { ...tabled(), rejectedAt: 't' }
          expect(actRefusal(life, a, acting)).not.toBeNull()
          // the owner never rejects; the other party never withdraws or tables
          expect(actRefusal(tabled(acting), 'reject', acting)).not.toBeNull()
          const other = acting === 'KR' ? 'US' : 'KR'
          expect(actRefusal(draft(other), 'table', acting)).not.toBeNull()
          expect(actRefusal(tabled(other), 'withdraw', acting)).not.toBeNull()
        },
      ),
    )
  })

  it('shows a proposal to the other party only once it is tabled; revises only open texts', () => {
    expect(seenByOtherParty('draft')).toBe(false)
    for (const s of ['tabled', 'withdrawn', 'rejected', 'accepted'] as const)
      expect(seenByOtherParty(s)).toBe(true)
    expect(revisionRefusal(tabled())).toBeNull()
    expect(revisionRefusal({ ...tabled(), rejectedAt: 't' })).toBeNull()
    expect(revisionRefusal(draft())).toMatch(/draft/)
    expect(revisionRefusal({ ...tabled(), withdrawnAt: 't' })).toMatch(/withdrawn/)
  })
})
