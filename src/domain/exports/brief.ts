import type { AgreementSpec, DateFact } from '../agreement/spec.js'
import type { Schedule } from '../agreement/evaluate.js'
import { describeRules } from '../agreement/describe.js'
import { agreementStatus } from '../agreement/status.js'
import { formatKrwKorean, formatMoney, formatScaled } from '../money/format.js'
import type { CurrencyCode } from '../money/currency.js'
import type { Lang } from '../text/localized.js'
import { shortProvenance } from '../record/provenance-words.js'
import { STATUS_WORD, provenanceWord, writtenDate } from './labels.js'

/**
 * A brief as blocks of text, tables and one chart: what the PDF renderer draws (src/exports/pdf)
 * and what tests read. Every word of a brief is decided here, in one place.
 */
export type BriefBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table'
      readonly columns: readonly {
        readonly header: string
        readonly weight: number
        readonly right?: boolean
      }[]
      readonly rows: readonly (readonly string[])[]
    }
  | {
      readonly kind: 'bars'
      readonly caption: string
      readonly bars: readonly {
        readonly label: string
        readonly value: number | null
        readonly text: string
      }[]
    }
  | { readonly kind: 'small'; readonly text: string }

export interface BriefDoc {
  readonly lang: Lang
  readonly title: string
  readonly subtitle: string
  /** Printed at the foot of every page (whose brief it is, when it was made). */
  readonly mark: string
  readonly blocks: readonly BriefBlock[]
}

/** An amount as a reader of the brief's language reads it: "1조 5,192억 원" / "₩1,519.2 bn". */
export function briefAmount(minor: string, currency: CurrencyCode, lang: Lang): string {
  if (lang === 'ko')
    return currency === 'KRW' ? formatKrwKorean(minor) : formatMoney(minor, currency)
  return formatScaled(minor, currency)
}

type LifecycleKey =
  Exclude<keyof AgreementSpec['lifecycle'], 'approval'> | 'approvalHost' | 'approvalStationing'
const LIFECYCLE: readonly [LifecycleKey, Record<Lang, string>][] = [
  ['negotiatorsAppointed', { ko: '협상 대표 임명', en: 'Negotiators appointed' }],
  ['textAgreed', { ko: '문안 타결', en: 'Text agreed' }],
  ['initialled', { ko: '가서명', en: 'Initialled' }],
  ['signed', { ko: '정식 서명', en: 'Signed' }],
  ['approvalHost', { ko: '주둔국 국내 절차(국회 비준 동의 등)', en: 'Host-nation approval' }],
  ['approvalStationing', { ko: '파견국 국내 절차', en: 'Stationing-nation approval' }],
  ['entryIntoForce', { ko: '발효', en: 'Entry into force' }],
  ['expiry', { ko: '유효기간 만료', en: 'Expiry' }],
]

function dateFactText(f: DateFact, lang: Lang): string {
  if (f.status === 'known') return writtenDate(f.date, lang)
  if (f.status === 'unknown') return lang === 'ko' ? '미확인' : 'not known'
  return lang === 'ko' ? '해당 없음' : 'not applicable'
}

const W = {
  brief: { ko: '협정 개요 보고', en: 'Agreement brief' },
  rules: { ko: '1. 분담금 결정 규정', en: '1. How the amounts are set' },
  table: { ko: '2. 연도별 분담금', en: '2. Yearly amounts' },
  chart: {
    ko: '연도별 분담금 (미확정 연도는 빈 막대)',
    en: 'Yearly amounts (pending years left empty)',
  },
  lifecycle: { ko: '3. 협정 경과', en: '3. Lifecycle' },
  sources: { ko: '4. 출처', en: '4. Sources' },
  total: { ko: '협정 기간 합계', en: 'Total over the term' },
  notAll: {
    ko: '미확정 연도가 있어 합계를 산출하지 않음',
    en: 'not stated: some years are pending',
  },
  more: { ko: '외', en: 'and' },
} as const

/**
 * The public brief of an agreement: the rules in plain words, the yearly table with provenance, a
 * chart, the lifecycle dates, sources and the date of the record (one to three pages).
 */
export function agreementBrief(
  spec: AgreementSpec,
  schedule: Schedule,
  recordDate: string,
  lang: Lang,
): BriefDoc {
  const cur = schedule.currency
  const status = agreementStatus(spec, recordDate)
  const statusWord: Record<string, Record<Lang, string>> = {
    'in-force': { ko: '발효 중', en: 'in force' },
    expired: { ko: '만료', en: 'expired' },
    signed: { ko: '서명, 발효 전', en: 'signed, not yet in force' },
    pending: { ko: '발효 전', en: 'not yet in force' },
  }
  const parties = spec.parties.map((p) => p.code).join(' · ')
  const subtitle =
    lang === 'ko'
      ? `${parties} · 협정 기간 ${spec.term.firstYear}–${spec.term.lastYear}년 · ${statusWord[status]?.ko ?? status} (${writtenDate(recordDate, 'ko')} 기준)`
      : `${parties} · term ${spec.term.firstYear}–${spec.term.lastYear} · ${statusWord[status]?.en ?? status} as of ${writtenDate(recordDate, 'en')}`
  const rows = schedule.years.map((y) => {
    const check =
      y.matchesPublished === null
        ? '—'
        : y.matchesPublished
          ? lang === 'ko'
            ? '일치'
            : 'matches'
          : lang === 'ko'
            ? '불일치'
            : 'DIFFERS'
    return [
      lang === 'ko' ? `${y.year}년` : String(y.year),
      y.amount === null
        ? (STATUS_WORD[y.status]?.[lang] ?? y.status)
        : briefAmount(y.amount, cur, lang),
      provenanceWord(y, lang),
      check,
    ]
  })
  const known = schedule.years.filter((y) => y.amount !== null).map((y) => Number(y.amount))
  const max = Math.max(1, ...known)
  const lc = spec.lifecycle
  const fact = (k: LifecycleKey): DateFact =>
    k === 'approvalHost'
      ? lc.approval.host
      : k === 'approvalStationing'
        ? lc.approval.stationing
        : (lc[k] ?? { status: 'unknown' })
  const shown = spec.sources.slice(0, 12)
  return {
    lang,
    title: spec.title[lang],
    subtitle,
    mark:
      lang === 'ko'
        ? `SMA Desk ${W.brief.ko} · 공개 자료 · 기록 기준일 ${writtenDate(recordDate, 'ko')}`
        : `SMA Desk ${W.brief.en} · public record as of ${writtenDate(recordDate, 'en')}`,
    blocks: [
      { kind: 'paragraph', text: spec.description[lang] },
      { kind: 'heading', text: W.rules[lang] },
      { kind: 'list', items: describeRules(spec, lang) },
      { kind: 'heading', text: W.table[lang] },
      {
        kind: 'table',
        columns: [
          { header: lang === 'ko' ? '연도' : 'Year', weight: 1 },
          { header: lang === 'ko' ? '분담금' : `Amount (${cur})`, weight: 2.2, right: true },
          { header: lang === 'ko' ? '근거' : 'Provenance', weight: 2 },
          { header: lang === 'ko' ? '공표 금액 대조' : 'Published', weight: 1.3 },
        ],
        rows,
      },
      {
        kind: 'paragraph',
        text: `${W.total[lang]}: ${schedule.total === null ? W.notAll[lang] : briefAmount(schedule.total, cur, lang)}`,
      },
      {
        kind: 'bars',
        caption: W.chart[lang],
        bars: schedule.years.map((y) => ({
          label: String(y.year),
          value: y.amount === null ? null : Number(y.amount) / max,
          text:
            y.amount === null
              ? (STATUS_WORD[y.status]?.[lang] ?? '')
              : briefAmount(y.amount, cur, lang),
        })),
      },
      { kind: 'heading', text: W.lifecycle[lang] },
      {
        kind: 'table',
        columns: [
          { header: lang === 'ko' ? '단계' : 'Step', weight: 2 },
          { header: lang === 'ko' ? '일자' : 'Date', weight: 2 },
        ],
        rows: LIFECYCLE.map(([k, label]) => [label[lang], dateFactText(fact(k), lang)]),
      },
      { kind: 'heading', text: W.sources[lang] },
      {
        kind: 'list',
        items: [
          ...shown,
          ...(spec.sources.length > shown.length
            ? [
                lang === 'ko'
                  ? `${W.more.ko} ${spec.sources.length - shown.length}건 (SMA Desk 기록 참조)`
                  : `${W.more.en} ${spec.sources.length - shown.length} more (see the SMA Desk record)`,
              ]
            : []),
        ],
      },
      {
        kind: 'small',
        text:
          lang === 'ko'
            ? `이 자료는 SMA Desk가 공개 기록(기준일 ${writtenDate(recordDate, 'ko')})으로 작성하였습니다. ‘${shortProvenance('derived', 'ko')}’ 금액은 협정 규정과 공표된 지수로 계산한 값이며, ‘미확정’ 연도는 필요한 지수가 발표되지 않아 비워 두었습니다.`
            : `Made by SMA Desk from the public record as of ${writtenDate(recordDate, 'en')}. "${shortProvenance('derived', 'en')}" amounts are computed from the agreement's rule and published indices; "pending" years wait for an index value and are left empty.`,
      },
    ],
  }
}
