import { textIn, type Lang, type LocalizedText } from '../text/localized.js'
import { provenanceLabel, type ProvenanceFacts } from '../negotiation/provenance.js'
import { eventKindWord, partyWord } from '../negotiation/words.js'
import { writtenDate } from './labels.js'
import type { Cell, ExportTable } from './table.js'

/** What a negotiation timeline is made of (the shapes of the negotiation contracts, structurally). */
export interface TimelineInput {
  readonly id: string
  readonly title: { readonly en: string; readonly ko: string }
  readonly visibility: string
  readonly deadlines: readonly {
    kind: string
    date: string
    label: LocalizedText
    sources: readonly string[]
  }[]
  readonly rounds: readonly ({
    number: number
    from: string
    to: string | null
    venue: LocalizedText
    summary: LocalizedText
    visibility: string
    sources: readonly string[]
  } & ProvenanceFacts)[]
  readonly events: readonly ({
    kind: string
    date: string
    party: string | null
    note: LocalizedText
    visibility: string
    sources: readonly string[]
  } & ProvenanceFacts)[]
  readonly acceptances: readonly ({
    party: string
    proposalId: string
    at: string
  } & ProvenanceFacts)[]
  readonly proposals: readonly ({
    id: string
    title: LocalizedText
    ownerParty: string
    visibility: string
    tabledAt: string | null
  } & ProvenanceFacts)[]
}

const KIND: Record<string, Record<Lang, string>> = {
  deadline: { ko: '시한', en: 'deadline' },
  round: { ko: '협상 회차', en: 'round' },
  event: { ko: '경과', en: 'event' },
  tabled: { ko: '제안 제시', en: 'proposal tabled' },
  accepted: { ko: '제안 수락', en: 'proposal accepted' },
}
const VIS: Record<string, Record<Lang, string>> = {
  private: { ko: '대표단 내부', en: 'private' },
  shared: { ko: '양측 공유', en: 'shared' },
  public: { ko: '공개', en: 'public' },
}

/**
 * A negotiation's timeline as one table, oldest first: deadlines, rounds, events, tabled
 * proposals and acceptances, as the asker may see them.
 */
export function negotiationExport(n: TimelineInput, recordDate: string, lang: Lang): ExportTable {
  type Row = readonly [string, string, string | null, string, string | null, string]
  const title = (id: string): string => {
    const p = n.proposals.find((x) => x.id === id)
    return p ? textIn(p.title, lang) : id
  }
  // a reported or received act says so, with its source, in the "what" column
  const how = (p: ProvenanceFacts): string => {
    const label = provenanceLabel(p, lang)
    return label === null ? '' : ` [${label}]`
  }
  // a round over several days says until when, as a reader of the file's language writes a date
  const until = (from: string, to: string | null): string =>
    to === null || to === from
      ? ''
      : lang === 'ko'
        ? ` (${writtenDate(to, 'ko')}까지)`
        : ` (–${to})`
  const rows: Row[] = [
    ...n.deadlines.map((d): Row => [
      d.date,
      'deadline',
      null,
      textIn(d.label, lang),
      null,
      d.sources.join(' ; '),
    ]),
    ...n.rounds.map((r): Row => [
      r.from,
      'round',
      null,
      `${lang === 'ko' ? `제${r.number}차` : `Round ${r.number}`}, ${textIn(r.venue, lang)}${until(r.from, r.to)}${r.summary ? `: ${textIn(r.summary, lang)}` : ''}${how(r)}`,
      r.visibility,
      r.sources.join(' ; '),
    ]),
    ...n.events.map((e): Row => [
      e.date,
      'event',
      e.party,
      `${eventKindWord(e.kind, lang)}: ${textIn(e.note, lang)}${how(e)}`,
      e.visibility,
      e.sources.join(' ; '),
    ]),
    ...n.proposals
      .filter((p) => p.tabledAt !== null)
      .map((p): Row => [
        (p.tabledAt ?? '').slice(0, 10),
        'tabled',
        p.ownerParty,
        `${textIn(p.title, lang)}${how(p)}`,
        p.visibility,
        '',
      ]),
    ...n.acceptances.map((a): Row => [
      a.at.slice(0, 10),
      'accepted',
      a.party,
      `${title(a.proposalId)}${how(a)}`,
      null,
      '',
    ]),
  ]
  rows.sort((x, y) => x[0].localeCompare(y[0]))
  const h = (ko: string, en: string) => (lang === 'ko' ? ko : en)
  return {
    name: `${n.id}-timeline`,
    title: n.title[lang],
    lang,
    columns: [
      { key: 'date', kind: 'date', header: h('일자', 'Date') },
      { key: 'kind', kind: 'text', header: h('구분', 'Kind') },
      { key: 'party', kind: 'text', header: h('당사국', 'Party') },
      { key: 'what', kind: 'text', header: h('내용', 'What') },
      { key: 'visibility', kind: 'text', header: h('공개 범위', 'Visibility') },
      { key: 'sources', kind: 'text', header: h('출처', 'Sources') },
    ],
    rows: rows.map((r): Cell[] => [
      r[0],
      KIND[r[1]]?.[lang] ?? r[1],
      r[2] === null ? null : partyWord(r[2], lang),
      r[3],
      r[4] === null ? null : (VIS[r[4]]?.[lang] ?? r[4]),
      r[5] || null,
    ]),
    sources: [],
    notes: [
      h(
        '요청자가 열람할 수 있는 항목만 담았습니다. ‘대표단 내부’ 항목은 해당 대표단 외부로 반출하지 마십시오.',
        'Only what the asker may see. Items marked "private" belong to that delegation only.',
      ),
      h(
        `작성 기준일: ${writtenDate(recordDate, 'ko')}.`,
        `As of ${writtenDate(recordDate, 'en')}.`,
      ),
    ],
  }
}
