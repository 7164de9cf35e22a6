import { describe, expect, it } from 'vitest'
import { latinWords } from '../text/latin-words.js'
import {
  acceptRefusal,
  assertionRefusal,
  confirmationRefusal,
  editRefusal,
  EVENT_KINDS,
  eventRefusal,
  tableRefusal,
  type NegotiationFacts,
} from './lifecycle.js'
import { revisionRefusal, type ProposalLife } from './proposal-state.js'
import { EVENT_KIND_KO, negotiationRefusalKo, REFUSAL_KO_FALLBACK } from './refusal-ko.js'

const open: NegotiationFacts = { predecessorExpiry: null, acceptances: [], events: [] }
const acc = (party: 'KR' | 'US') => ({
  party,
  proposalId: 'p1',
  revisionId: 'r1',
  at: '2031-01-02',
})
const concluded: NegotiationFacts = { ...open, acceptances: [acc('KR'), acc('US')] }
const life = (over: Partial<ProposalLife>): ProposalLife => ({
  ownerParty: 'KR',
  tabledAt: '2031-01-02',
  withdrawnAt: null,
  rejectedAt: null,
  acceptedByOther: false,
  ...over,
})

/** Every refusal line the negotiation rules can give, each branch driven once. */
function refusals(): string[] {
  const lines = [
    assertionRefusal('US', { kind: 'note', party: 'KR' }),
    assertionRefusal('KR', { kind: 'signed', party: 'KR' }),
    confirmationRefusal({ kind: 'opened', confirmedBy: [] }, 'KR'),
    confirmationRefusal({ kind: 'signed', confirmedBy: ['KR'] }, 'KR'),
    eventRefusal(open, { kind: 'initialled', date: '2031-02-01', party: null }),
    eventRefusal(concluded, { kind: 'domestic-procedure', date: '2031-02-01', party: null }),
    eventRefusal(
      {
        ...concluded,
        events: [{ kind: 'domestic-procedure', date: '2031-02-01', party: 'KR' }],
      },
      { kind: 'entry-into-force', date: '2031-03-01', party: null },
    ),
    tableRefusal({ ownerParty: 'KR', visibility: 'private', tabledAt: null }, 'US'),
    tableRefusal({ ownerParty: 'KR', visibility: 'shared', tabledAt: '2031-01-02' }, 'KR'),
    acceptRefusal({ ownerParty: 'KR', visibility: 'private', tabledAt: null }, open),
    acceptRefusal({ ownerParty: 'KR', visibility: 'shared', tabledAt: '2031-01-02' }, concluded),
    editRefusal({ ownerParty: 'KR', visibility: 'shared', tabledAt: '2031-01-02' }),
    revisionRefusal(life({ tabledAt: null })),
    revisionRefusal(life({ withdrawnAt: '2031-01-03' })),
    revisionRefusal(life({ acceptedByOther: true })),
    "signed is one party's act: name the other party",
  ]
  return lines.map((l) => {
    if (l === null) throw new Error('a fixture no longer gives a refusal')
    return l
  })
}

describe('negotiationRefusalKo', () => {
  it('has Korean for every refusal the rules give, none the fallback, none with Latin words', () => {
    for (const en of refusals()) {
      const ko = negotiationRefusalKo(en)
      expect(ko, en).not.toBe(REFUSAL_KO_FALLBACK)
      expect(latinWords(ko), `${en} → ${ko}`).toEqual([])
    }
  })

  it('names the event in Korean and the missing party by its Korean name', () => {
    expect(
      negotiationRefusalKo(
        'entry into force needs the domestic procedures of both parties; missing: US',
      ),
    ).toBe(
      '발효를 기록하려면 양측의 국내 절차가 발효일 이전에 기록되어 있어야 합니다. 국내 절차가 기록되지 않은 측: 미국.',
    )
    expect(
      negotiationRefusalKo('signed needs both parties to have accepted the same proposal revision'),
    ).toBe('정식 서명을 기록하려면 양측이 같은 제안 문안을 먼저 수락해야 합니다.')
    expect(
      negotiationRefusalKo('a withdrawn proposal cannot be revised; start from a tabled one'),
    ).toBe('철회된 제안은 수정안의 대상이 될 수 없습니다. 제시된 제안에서 시작하십시오.')
  })

  it('falls back to Korean, never English, for a line it does not know', () => {
    expect(negotiationRefusalKo('some new rule')).toBe(REFUSAL_KO_FALLBACK)
  })

  it('has a Korean name for every event kind', () => {
    for (const k of EVENT_KINDS) expect(latinWords(EVENT_KIND_KO[k])).toEqual([])
  })
})
