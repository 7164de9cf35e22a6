import type { CurrencyCode } from '../money/currency.js'
import { daysBetween } from '../calendar/civil-date.js'
import type { Delegation } from '../access/permissions.js'
import { textIn, type Lang, type LocalizedText } from '../text/localized.js'
import { briefAmount, type BriefBlock, type BriefDoc } from './brief.js'
import { writtenDate } from './labels.js'
import { provenanceLabel, REPORTED_LABEL, type ProvenanceFacts } from '../negotiation/provenance.js'

/** What a negotiation brief is made from: only what the asker's party may see (structural shapes). */
export interface NegotiationBriefInput {
  readonly party: Delegation
  /** When the brief is made (ISO date-time) and the day it counts from. */
  readonly madeAt: string
  readonly today: string
  readonly negotiation: {
    readonly id: string
    readonly title: { readonly en: string; readonly ko: string }
    readonly status: string
    readonly deadlines: readonly { readonly date: string; readonly label: LocalizedText }[]
    readonly rounds: readonly {
      readonly number: number
      readonly from: string
      readonly venue: LocalizedText
      readonly summary: LocalizedText
    }[]
  }
  /** Tabled proposals (both sides), in tabling order, with their schedules. */
  readonly proposals: readonly ({
    readonly title: LocalizedText
    readonly ownerParty: string
    readonly tabledAt: string | null
    readonly schedule: {
      readonly currency: CurrencyCode
      readonly years: readonly { readonly year: number; readonly amount: string | null }[]
    } | null
  } & ProvenanceFacts)[]
  /**
   * Replies of the other party we know only as reported or received (acceptances, rejections
   * with their reasons), oldest first; absent when there are none.
   */
  readonly otherReplies?: readonly ({
    readonly party: string
    readonly reply: 'accept' | 'reject'
    readonly proposalTitle: LocalizedText
    readonly at: string
    readonly reason: string | null
  } & ProvenanceFacts)[]
  /** The own party's positions, newest last. */
  readonly positions: readonly {
    readonly title: string
    readonly reservationValue: string | null
    readonly target: string | null
    readonly priorities: readonly string[]
    readonly estimateOfOther: {
      readonly reservationValue: string | null
      readonly target: string | null
      readonly notes: string
    }
    readonly notes: string
    readonly updatedAt: string
  }[]
  /** The own party's latest analysis and the figures of its result, if any. */
  readonly analysis: {
    readonly title: string
    readonly updatedAt: string
    readonly outcomes: number
    readonly zopaFraction: number
    readonly nashAmount: string | null
    readonly nashUtility: readonly number[] | null
    readonly measure: string | null
  } | null
}

const PARTY: Record<string, Record<Lang, string>> = {
  KR: { ko: '대한민국', en: 'Republic of Korea' },
  US: { ko: '미국', en: 'United States' },
}

function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/**
 * The party-private brief of a negotiation: deadlines and days left, rounds so far, tabled
 * proposals side by side, our position and our estimate of the other side, the latest analysis in
 * plain words. Built only from what the caller passes, which is only the asker's party's view.
 */
export function negotiationBrief(input: NegotiationBriefInput, lang: Lang): BriefDoc {
  const ko = lang === 'ko'
  const n = input.negotiation
  const won = (v: string | null) =>
    v === null ? (ko ? '미정' : 'not set') : briefAmount(v, 'KRW', lang)
  const party = PARTY[input.party]?.[lang] ?? input.party
  const blocks: BriefBlock[] = []
  blocks.push({ kind: 'heading', text: ko ? '1. 시한 및 잔여 일수' : '1. Deadlines and days left' })
  blocks.push(
    n.deadlines.length === 0
      ? { kind: 'paragraph', text: ko ? '등록된 시한이 없습니다.' : 'No deadline is recorded.' }
      : {
          kind: 'table',
          columns: [
            { header: ko ? '시한' : 'Deadline', weight: 3 },
            { header: ko ? '일자' : 'Date', weight: 1.6 },
            { header: ko ? '잔여 일수' : 'Days left', weight: 1, right: true },
          ],
          rows: n.deadlines.map((d) => {
            const left = daysBetween(input.today, d.date.slice(0, 10))
            return [
              textIn(d.label, lang),
              writtenDate(d.date, lang),
              left < 0
                ? ko
                  ? `${-left}일 경과`
                  : `${-left} days ago`
                : ko
                  ? `${left}일`
                  : String(left),
            ]
          }),
        },
  )
  blocks.push({ kind: 'heading', text: ko ? '2. 협상 경과' : '2. Rounds so far' })
  blocks.push(
    n.rounds.length === 0
      ? {
          kind: 'paragraph',
          text: ko ? '아직 열린 협상 회차가 없습니다.' : 'No round has been held yet.',
        }
      : {
          kind: 'list',
          items: n.rounds.map((r) =>
            ko
              ? `제${r.number}차 (${writtenDate(r.from, 'ko')}, ${textIn(r.venue, lang)})${r.summary ? `: ${textIn(r.summary, lang)}` : ''}`
              : `Round ${r.number} (${writtenDate(r.from, 'en')}, ${textIn(r.venue, lang)})${r.summary ? `: ${textIn(r.summary, lang)}` : ''}`,
          ),
        },
  )
  blocks.push({
    kind: 'heading',
    text: ko ? '3. 제시된 제안 비교' : '3. Tabled proposals side by side',
  })
  const tabled = input.proposals.filter((p) => p.schedule !== null).slice(0, 4)
  if (tabled.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: ko ? '제시된 제안이 없습니다.' : 'No proposal has been tabled.',
    })
  } else {
    const years = [
      ...new Set(tabled.flatMap((p) => p.schedule?.years.map((y) => y.year) ?? [])),
    ].sort()
    blocks.push({
      kind: 'table',
      columns: [
        { header: ko ? '연도' : 'Year', weight: 0.8 },
        ...tabled.map((p) => ({
          header: `${textIn(p.title, lang)} (${p.ownerParty}${p.reported ? `, ${REPORTED_LABEL[lang]}` : p.received ? (ko ? ', 서명 수신' : ', received signed') : ''})`,
          weight: 2,
          right: true,
        })),
      ],
      rows: years.map((y) => [
        String(y),
        ...tabled.map((p) => {
          const f = p.schedule?.years.find((x) => x.year === y)
          return f?.amount ? briefAmount(f.amount, p.schedule?.currency ?? 'KRW', lang) : '—'
        }),
      ]),
    })
  }
  // what we know of the other party only as reported (or received), each with its source
  const known = [
    ...input.proposals.flatMap((p) => {
      const label = provenanceLabel(p, lang)
      return label === null
        ? []
        : [`${ko ? '제안' : 'Proposal'} 「${textIn(p.title, lang)}」 (${p.ownerParty}): ${label}`]
    }),
    ...(input.otherReplies ?? []).map((r) => {
      const what =
        r.reply === 'accept'
          ? ko
            ? `${r.party} 측 수락`
            : `${r.party} accepted`
          : ko
            ? `${r.party} 측 거부${r.reason ? ` (사유: ${r.reason})` : ''}`
            : `${r.party} rejected${r.reason ? ` (reason: ${r.reason})` : ''}`
      const label = provenanceLabel(r, lang)
      return `${writtenDate(r.at.slice(0, 10), lang)} · 「${textIn(r.proposalTitle, lang)}」 ${what}${label === null ? '' : `: ${label}`}`
    }),
  ]
  if (known.length > 0) blocks.push({ kind: 'list', items: known })
  blocks.push({
    kind: 'heading',
    text: ko ? `4. 우리 측 입장 (${party} 대표단)` : `4. Our position (${party} delegation)`,
  })
  const pos = input.positions.at(-1)
  if (!pos) {
    blocks.push({
      kind: 'paragraph',
      text: ko ? '기록된 입장이 없습니다.' : 'No position is recorded.',
    })
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: ko ? '항목' : 'Item', weight: 1.4 },
        { header: ko ? '우리 측' : 'Ours', weight: 2 },
        { header: ko ? '상대측 추정' : 'Our estimate of the other side', weight: 2 },
      ],
      rows: [
        [ko ? '목표' : 'Target', won(pos.target), won(pos.estimateOfOther.target)],
        [
          ko ? '수용 한계' : 'Reservation value',
          won(pos.reservationValue),
          won(pos.estimateOfOther.reservationValue),
        ],
      ],
    })
    if (pos.priorities.length > 0)
      blocks.push({
        kind: 'list',
        items: pos.priorities.map((p, i) => `${ko ? '우선순위' : 'Priority'} ${i + 1}: ${p}`),
      })
    if (pos.notes)
      blocks.push({ kind: 'paragraph', text: `${ko ? '비고' : 'Notes'}: ${pos.notes}` })
    if (pos.estimateOfOther.notes)
      blocks.push({
        kind: 'paragraph',
        text: `${ko ? '상대측 평가' : 'On the other side'}: ${pos.estimateOfOther.notes}`,
      })
    blocks.push({
      kind: 'small',
      text: `${pos.title} · ${ko ? '최종 수정' : 'last changed'} ${timeText(pos.updatedAt)}`,
    })
  }
  blocks.push({ kind: 'heading', text: ko ? '5. 최근 분석' : '5. Latest analysis' })
  const a = input.analysis
  blocks.push({
    kind: 'paragraph',
    text:
      a === null
        ? ko
          ? '저장된 분석이 없습니다.'
          : 'No analysis is stored.'
        : ko
          ? `「${a.title}」(${timeText(a.updatedAt)}): 검토한 ${a.outcomes.toLocaleString('en-US')}개 조합 중 양측 모두 수용 한계를 넘는 합의 가능 영역은 ${(a.zopaFraction * 100).toFixed(1)}%입니다.${a.nashAmount ? ` 내시 교섭해는 ${won(a.nashAmount)}${a.measure === 'total' ? '(협정 기간 합계)' : '(연평균)'}입니다.` : ' 합의 가능 영역이 없어 내시 교섭해가 없습니다.'}`
          : `"${a.title}" (${timeText(a.updatedAt)}): of ${a.outcomes.toLocaleString('en-US')} packages, ${(a.zopaFraction * 100).toFixed(1)} % lie in the zone of possible agreement (above both reservation values).${a.nashAmount ? ` The Nash bargaining solution is ${won(a.nashAmount)} (${a.measure === 'total' ? 'total over the term' : 'average per year'}).` : ' There is no Nash solution: the zone is empty.'}`,
  })
  blocks.push({
    kind: 'small',
    text: ko
      ? `이 자료는 ${party} 대표단 내부용입니다. 상대측에 제공하거나 외부로 반출하지 마십시오. 작성: ${timeText(input.madeAt)}.`
      : `For the ${party} delegation only. Do not pass to the other side or outside. Made ${timeText(input.madeAt)}.`,
  })
  return {
    lang,
    title: ko ? `협상 보고 자료: ${n.title.ko}` : `Negotiation brief: ${n.title.en}`,
    subtitle: ko
      ? `${party} 대표단 내부용 · ${writtenDate(input.today, 'ko')} 기준`
      : `${party} delegation only · as of ${writtenDate(input.today, 'en')}`,
    mark: ko
      ? `${input.party} 대표단 내부용 · 대외비 · 작성 ${timeText(input.madeAt)}`
      : `${input.party} delegation only · restricted · made ${timeText(input.madeAt)}`,
    blocks,
  }
}
