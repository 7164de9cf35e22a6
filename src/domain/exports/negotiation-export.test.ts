import { describe, expect, it } from 'vitest'
import { negotiationExport, type TimelineInput } from './negotiation-export.js'

const n: TimelineInput = {
  id: 'rok-us-sma-12-negotiation',
  title: { en: 'Negotiation of the 12th ROK–US SMA', ko: '제12차 한미 방위비분담특별협정 협상' },
  visibility: 'public',
  deadlines: [
    {
      kind: 'predecessor-expiry',
      date: '2025-12-31',
      label: { en: '11th SMA expires', ko: '제11차 방위비분담특별협정 만료' },
      sources: [],
    },
  ],
  rounds: [
    {
      number: 1,
      from: '2024-04-23',
      to: '2024-04-25',
      venue: { en: 'Honolulu', ko: '호놀룰루' },
      summary: '',
      visibility: 'public',
      sources: [],
    },
    // a round a delegation recorded: one text, as typed
    {
      number: 9,
      from: '2024-10-01',
      to: null,
      venue: '서울',
      summary: '추가 회의',
      visibility: 'shared',
      sources: [],
    },
  ],
  events: [
    {
      kind: 'initialled',
      date: '2024-10-03',
      party: null,
      note: { en: 'Initialled in Seoul.', ko: '서울에서 가서명.' },
      visibility: 'public',
      sources: [],
    },
  ],
  acceptances: [{ party: 'KR', proposalId: 'p1', at: '2024-10-02T00:00:00Z' }],
  proposals: [
    {
      id: 'p1',
      title: { en: 'Agreed text of the 12th SMA', ko: '제12차 방위비분담특별협정 합의 문안' },
      ownerParty: 'PUBLIC',
      visibility: 'public',
      tabledAt: '2024-10-02',
    },
  ],
}

const what = (lang: 'ko' | 'en') =>
  negotiationExport(n, '2026-12-03', lang).rows.map((r) => String(r[3]))

describe('the negotiation timeline export (decision 0019)', () => {
  it('gives the history in Korean in the Korean file', () => {
    expect(what('ko')).toEqual([
      '제1차, 호놀룰루 (2024년 4월 25일까지)',
      '제9차, 서울: 추가 회의',
      '제12차 방위비분담특별협정 합의 문안',
      '제12차 방위비분담특별협정 합의 문안',
      '가서명: 서울에서 가서명.',
      '제11차 방위비분담특별협정 만료',
    ])
  })

  it('and in English in the English one, a typed text as typed', () => {
    expect(what('en')).toContain('Round 1, Honolulu (–2024-04-25)')
    expect(what('en')).toContain('Round 9, 서울: 추가 회의')
    expect(what('en')).toContain('Initialled: Initialled in Seoul.')
    expect(what('en')).toContain('11th SMA expires')
  })

  it('names kinds and parties in words, never by their codes', () => {
    const parties = (lang: 'ko' | 'en') =>
      negotiationExport(n, '2026-12-03', lang).rows.map((r) => r[2])
    expect(parties('ko')).toContain('대한민국')
    expect(parties('ko')).toContain('공개 기록')
    expect(parties('en')).toContain('Republic of Korea')
    for (const row of negotiationExport(n, '2026-12-03', 'ko').rows)
      expect(row.slice(1, 5).join(' ')).not.toMatch(
        /\b(KR|US|PUBLIC|initialled|deadline|round|event)\b/,
      )
  })
})
