import type { LedgerView, LedgerYearView } from '../ledger/ledger.js'
import type { IdentityId } from '../ledger/identities.js'
import { provenanceLegend, shortProvenance } from '../record/provenance-words.js'
import type { Lang } from '../text/localized.js'
import { L, writtenDate } from './labels.js'
import { majorText } from './schedule-export.js'
import { sourceList, type Cell, type ExportColumn, type ExportTable } from './table.js'

/** Headers of the ledger export, in Korean as the MND's 결산 tables word them, and English. */
const H = {
  contribution: { ko: '분담금 총액', en: 'Contribution' },
  labor: { ko: '인건비', en: 'Labor' },
  construction: { ko: '군사건설비', en: 'Construction' },
  constructionCash: { ko: '군사건설비(현금)', en: 'Construction in cash' },
  constructionInKind: { ko: '군사건설비(현물)', en: 'Construction in kind' },
  logistics: { ko: '군수지원비', en: 'Logistics' },
  total: { ko: '배정액 계', en: 'Allocated total' },
  executed: { ko: '집행액', en: 'Executed' },
  unexecuted: { ko: '미집행액', en: 'Unexecuted' },
  carriedOverIn: { ko: '전년도 이월액', en: 'Carried in' },
  carriedOverOut: { ko: '다음 연도 이월액', en: 'Carried out' },
  lapsed: { ko: '불용액', en: 'Lapsed' },
  interest: { ko: '이자', en: 'Interest' },
  provenance: { ko: '근거 구분', en: 'Provenance' },
  checks: { ko: '항등식 검증', en: 'Identity checks' },
  lookedFor: { ko: '조사 범위', en: 'Looked for' },
} as const satisfies Record<string, Record<Lang, string>>

/** The money fields of a ledger year, in column order, with how to read each from the view. */
const MONEY: readonly (readonly [keyof typeof H, (y: LedgerYearView) => string | null])[] = [
  ['contribution', (y) => y.contribution],
  ['labor', (y) => y.allocated.labor],
  ['construction', (y) => y.allocated.construction],
  ['constructionCash', (y) => y.allocated.constructionCash],
  ['constructionInKind', (y) => y.allocated.constructionInKind],
  ['logistics', (y) => y.allocated.logistics],
  ['total', (y) => y.allocated.total],
  ['executed', (y) => y.executed],
  ['unexecuted', (y) => y.unexecuted],
  ['carriedOverIn', (y) => y.carriedOverIn],
  ['carriedOverOut', (y) => y.carriedOverOut],
  ['lapsed', (y) => y.lapsed],
  ['interest', (y) => y.interest],
]

/** The figure keys of `LedgerYearView.figures` behind the money columns (contribution: none). */
const FIGURE_KEY: Partial<Record<keyof typeof H, string>> = {
  labor: 'allocated.labor',
  construction: 'allocated.construction',
  constructionCash: 'allocated.constructionCash',
  constructionInKind: 'allocated.constructionInKind',
  logistics: 'allocated.logistics',
  total: 'allocated.total',
  executed: 'executed',
  unexecuted: 'unexecuted',
  carriedOverIn: 'carriedOverIn',
  carriedOverOut: 'carriedOverOut',
  lapsed: 'lapsed',
  interest: 'interest',
}

/** The classes a ledger figure carries, in the order the notes explain them. */
const LEDGER_CLASSES = ['published', 'reported', 'derived', 'estimate', 'unsourced'] as const

const CHECK_WORD: Record<IdentityId, Record<Lang, string>> = {
  categories: { ko: '항목 합계', en: 'categories' },
  'construction-forms': { ko: '현금·현물', en: 'construction forms' },
  balance: { ko: '수지', en: 'balance' },
  unexecuted: { ko: '미집행', en: 'unexecuted' },
  continuity: { ko: '이월 연속성', en: 'continuity' },
}
const STATUS: Record<'holds' | 'gap' | 'incomplete', Record<Lang, string>> = {
  holds: { ko: '성립', en: 'holds' },
  gap: { ko: '불일치', en: 'GAP' },
  incomplete: { ko: '미검증', en: 'not checked' },
}

/** The columns of a ledger export; money headers carry the currency. */
export function ledgerColumns(currency: string, lang: Lang): ExportColumn[] {
  return [
    { key: 'year', kind: 'int', header: L.year[lang] },
    ...MONEY.map(([key]) => ({
      key,
      kind: 'money' as const,
      header: `${H[key][lang]} (${currency})`,
    })),
    { key: 'provenance', kind: 'text', header: H.provenance[lang] },
    { key: 'checks', kind: 'text', header: H.checks[lang] },
    { key: 'lookedFor', kind: 'text', header: H.lookedFor[lang] },
    { key: 'sources', kind: 'text', header: L.sources[lang] },
  ]
}

function row(y: LedgerYearView, currency: LedgerView['currency'], lang: Lang): Cell[] {
  const provenance = MONEY.flatMap(([key]) => {
    const f = FIGURE_KEY[key] === undefined ? undefined : y.figures[FIGURE_KEY[key]]
    return f ? [`${H[key][lang]}: ${shortProvenance(f.provenance, lang)}`] : []
  })
  // A gap is spelled out with its message (year and exact difference); the rest by status.
  const checks = y.checks.map((c) =>
    c.status === 'gap' ? c.message[lang] : `${CHECK_WORD[c.id][lang]}: ${STATUS[c.status][lang]}`,
  )
  return [
    String(y.year),
    ...MONEY.map(([, get]) => {
      const v = get(y)
      return v === null ? null : majorText(v, currency)
    }),
    provenance.length > 0 ? provenance.join('; ') : null,
    checks.join('; '),
    y.lookedFor,
    y.sources.length > 0 ? y.sources.join(' ; ') : null,
  ]
}

function ledgerNotes(view: LedgerView, recordDate: string, lang: Lang): string[] {
  const years = (ys: readonly number[]) =>
    ys.length === 0 ? (lang === 'ko' ? '없음' : 'none') : ys.join(', ')
  const c = view.coverage
  const money = (v: string | null) => (v === null ? '—' : majorText(v, view.currency))
  const balances = view.balances.map(
    (b) =>
      `${b.asOf}: ${b.what[lang]} ${money(b.amount)} ${view.currency} (${shortProvenance(b.provenance, lang)})`,
  )
  const notFound = view.notFound.map((n) =>
    lang === 'ko' ? `미확인: ${n.what} — ${n.lookedFor}` : `Not found: ${n.what} — ${n.lookedFor}`,
  )
  const head =
    lang === 'ko'
      ? [
          `${view.agreement} 집행 장부입니다. 금액은 ${view.currency} 정수 단위이며, 빈 칸은 공개 자료에서 확인되지 않은 값으로 추정하지 않았습니다.`,
          '분담금 총액은 협정 규정 엔진이 산출한 값이며 장부에 따로 적지 않습니다.',
          `근거 구분 — ${provenanceLegend(LEDGER_CLASSES, 'ko')}. SMA Desk 산출 값의 산출 방법은 출처 메모에 적습니다.`,
          `항목 합계 확인 연도: ${years(c.categoriesComplete)}. 집행·이월 확인 연도: ${years(c.executionAndCarryOver)}. 항등식 불일치 연도: ${years(c.gaps)}.`,
        ]
      : [
          `Execution ledger of ${view.agreement}. Amounts are exact ${view.currency}; an empty cell is a figure not found in public sources, never estimated.`,
          "The contribution comes from the agreement's rules engine; the ledger does not store it.",
          `Provenance — ${provenanceLegend(LEDGER_CLASSES, 'en')}. The source note of a figure derived by SMA Desk says how.`,
          `Categories known and adding up: ${years(c.categoriesComplete)}. Execution and carry-over known: ${years(c.executionAndCarryOver)}. Years with an identity gap: ${years(c.gaps)}.`,
        ]
  const tail =
    lang === 'ko'
      ? `기록 기준일: ${writtenDate(recordDate, 'ko')}.`
      : `Date of the record: ${writtenDate(recordDate, 'en')}.`
  return [...head, ...balances, ...notFound, tail]
}

/**
 * The export of an agreement's execution ledger: one row per year with the contribution (from
 * the engine), the allocation by category, execution and carry-over (integer won as exact text,
 * empty when unknown), each figure's provenance, the identity checks and the sources; the notes
 * carry the coverage, the reported balances and what was not found.
 * @example ledgerExport(ledgerOf(snapshot, 'rok-us-sma-10'), '2026-12-03', 'ko').rows[0][2] // "500500000000"
 */
export function ledgerExport(view: LedgerView, recordDate: string, lang: Lang): ExportTable {
  return {
    name: `${view.agreement}-ledger`,
    title: lang === 'ko' ? `${view.agreement} 집행 장부` : `${view.agreement} execution ledger`,
    lang,
    columns: ledgerColumns(view.currency, lang),
    rows: view.years.map((y) => row(y, view.currency, lang)),
    sources: sourceList([
      ...view.years.map((y) => ({ about: String(y.year), urls: y.sources })),
      ...view.years.map((y) => ({
        about: String(y.year),
        urls: y.rules.flatMap((r) => r.sources),
      })),
      ...view.balances.map((b) => ({ about: b.what[lang], urls: b.sources })),
    ]),
    notes: ledgerNotes(view, recordDate, lang),
  }
}
