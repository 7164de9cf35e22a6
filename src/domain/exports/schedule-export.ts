import type { AgreementSpec } from '../agreement/spec.js'
import type { Schedule, YearFigure } from '../agreement/evaluate.js'
import { CURRENCY_EXPONENT, type CurrencyCode } from '../money/currency.js'
import type { Lang } from '../text/localized.js'
import { provenanceLegend } from '../record/provenance-words.js'
import { BASIS_WORD, L, STATUS_WORD, YES_NO, provenanceWord, writtenDate } from './labels.js'
import { sourceList, type Cell, type ExportColumn, type ExportTable } from './table.js'

/**
 * Minor units (integer or exact decimal text) → the major unit as exact decimal text.
 * @example majorText('15000000050', 'USD') // "150000000.5"
 */
export function majorText(minor: string, currency: CurrencyCode): string {
  const exp = CURRENCY_EXPONENT[currency]
  if (exp === 0) return minor
  const negative = minor.startsWith('-')
  const [int = '0', frac = ''] = (negative ? minor.slice(1) : minor).split('.')
  const padded = int.padStart(exp + 1, '0')
  const head = padded.slice(0, -exp)
  const tail = (padded.slice(-exp) + frac).replace(/0+$/, '')
  return `${negative ? '-' : ''}${head}${tail ? `.${tail}` : ''}`
}

const COLS = [
  ['year', 'int'],
  ['status', 'text'],
  ['amount', 'money'],
  ['published', 'money'],
  ['check', 'text'],
  ['provenance', 'text'],
  ['basis', 'text'],
  ['rule', 'text'],
  ['ruleKind', 'text'],
  ['baseAgreement', 'text'],
  ['baseYear', 'int'],
  ['baseAmount', 'money'],
  ['baseFrom', 'text'],
  ['series', 'text'],
  ['period', 'int'],
  ['indexValue', 'pct'],
  ['vintage', 'text'],
  ['cap', 'pct'],
  ['floor', 'pct'],
  ['binding', 'text'],
  ['rate', 'pct'],
  ['exact', 'money'],
  ['rounding', 'text'],
  ['step', 'money'],
  ['waitingFor', 'text'],
  ['sources', 'text'],
] as const satisfies readonly (readonly [keyof typeof L, ExportColumn['kind']])[]

/** The columns of a schedule export; money headers carry the currency. */
export function scheduleColumns(currency: CurrencyCode, lang: Lang): ExportColumn[] {
  return COLS.map(([key, kind]) => ({
    key,
    kind,
    header: kind === 'money' ? `${L[key][lang]} (${currency})` : L[key][lang],
  }))
}

/** Every source a year's figure rests on: the rule's, the index value's, the published figure's. */
export function yearSources(y: YearFigure, spec: AgreementSpec, cur: CurrencyCode): string[] {
  const d = y.derivation
  const urls = [...d.rule.cite]
  if (d.type === 'stated') urls.push(...d.sources)
  if (d.type === 'escalated' && d.rate.kind === 'index') urls.push(...d.rate.index.sources)
  const pub = spec.published.find((p) => p.year === y.year && p.currency === cur)
  if (pub) urls.push(...pub.sources)
  return [...new Set(urls)]
}

function row(y: YearFigure, spec: AgreementSpec, cur: CurrencyCode, lang: Lang): Cell[] {
  const d = y.derivation
  const m = (v: string | null) => (v === null ? null : majorText(v, cur))
  const esc = d.type === 'escalated' ? d : null
  const idx = esc?.rate.kind === 'index' ? esc.rate : null
  const bound = (b: { kind: 'none' } | { kind: 'rate'; pct: string } | undefined) =>
    b?.kind === 'rate' ? b.pct : null
  return [
    String(y.year),
    STATUS_WORD[y.status]?.[lang] ?? y.status,
    m(y.amount),
    m(y.published),
    y.matchesPublished === null ? null : YES_NO[y.matchesPublished ? 'yes' : 'no'][lang],
    provenanceWord(y, lang),
    y.publishedBasis === null ? null : (BASIS_WORD[y.publishedBasis]?.[lang] ?? y.publishedBasis),
    d.rule.id,
    d.rule.kind,
    esc ? esc.base.agreement : null,
    esc ? String(esc.base.year) : null,
    esc ? m(esc.base.amount) : null,
    esc ? esc.base.from : null,
    idx ? idx.index.series : null,
    idx ? String(idx.index.period) : null,
    idx ? idx.index.value : null,
    idx ? `${idx.index.vintage}${idx.index.releasedOn ? ` (${idx.index.releasedOn})` : ''}` : null,
    bound(idx?.cap),
    bound(idx?.floor),
    idx?.binding ?? null,
    esc ? esc.rate.pct : null,
    esc ? m(esc.exact) : null,
    esc ? esc.rounding.mode : null,
    esc ? m(esc.rounding.step) : null,
    d.type === 'pending' ? d.waitingFor.map((w) => `${w.series} ${w.period}`).join(', ') : null,
    yearSources(y, spec, cur).join(' ; '),
  ]
}

/** The notes every schedule export carries: what is derived, what is pending, the record's date. */
function scheduleNotes(spec: AgreementSpec, recordDate: string, lang: Lang): string[] {
  return lang === 'ko'
    ? [
        `${spec.title.ko}의 연도별 분담금입니다. 금액은 ${spec.currency.kind === 'single' ? spec.currency.code : '보고 통화'} 정수 단위이며 반올림은 협정 규정에 따른 것뿐입니다.`,
        `근거 구분 — ${provenanceLegend(['derived', 'stated', 'pending'], 'ko')}. SMA Desk 산출 금액은 협정 규정과 공표된 입력값으로 계산한 것입니다.`,
        '‘미확정’ 연도는 필요한 지수가 아직 발표되지 않은 연도로, 추정하지 않고 비워 둡니다.',
        `기록 기준일: ${writtenDate(recordDate, 'ko')}.`,
      ]
    : [
        `Yearly figures of the ${spec.title.en}. Amounts are exact; the only rounding is the agreement's own.`,
        `Provenance — ${provenanceLegend(['derived', 'stated', 'pending'], 'en')}. Figures derived by SMA Desk are computed from the rule and published inputs.`,
        'A "pending" year waits for an index value not yet published; it is left empty, never extrapolated.',
        `Date of the record: ${writtenDate(recordDate, 'en')}.`,
      ]
}

/**
 * The export of a schedule: one row per year with its derivation (base, index value, cap,
 * rounding, provenance, sources).
 * @example scheduleExport(sma12, schedule, '2026-12-02', 'ko').rows[0][2] // "1519200000000"
 */
export function scheduleExport(
  spec: AgreementSpec,
  schedule: Schedule,
  recordDate: string,
  lang: Lang,
): ExportTable {
  const cur = schedule.currency
  return {
    name: `${spec.id}-schedule`,
    title: spec.title[lang],
    lang,
    columns: scheduleColumns(cur, lang),
    rows: schedule.years.map((y) => row(y, spec, cur, lang)),
    sources: sourceList([
      { about: spec.title[lang], urls: spec.sources },
      ...schedule.years.map((y) => ({ about: String(y.year), urls: yearSources(y, spec, cur) })),
    ]),
    notes: scheduleNotes(spec, recordDate, lang),
  }
}
