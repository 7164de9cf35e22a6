import type { YearFigure } from '../agreement/evaluate.js'
import { budgetProvenance, shortProvenance } from '../record/provenance-words.js'
import type { Lang } from '../text/localized.js'

/** The words of the exports and briefs, in Korean as an official would write them, and English. */
export const L = {
  year: { ko: '연도', en: 'Year' },
  status: { ko: '상태', en: 'Status' },
  amount: { ko: '분담금', en: 'Amount' },
  published: { ko: '공표 금액', en: 'Published figure' },
  check: { ko: '공표 금액 대조', en: 'Matches published' },
  provenance: { ko: '근거 구분', en: 'Provenance' },
  basis: { ko: '공표 근거', en: 'Published basis' },
  rule: { ko: '적용 규정', en: 'Rule' },
  ruleKind: { ko: '규정 유형', en: 'Rule kind' },
  baseAgreement: { ko: '기준액 협정', en: 'Base agreement' },
  baseYear: { ko: '기준 연도', en: 'Base year' },
  baseAmount: { ko: '기준액', en: 'Base amount' },
  baseFrom: { ko: '기준액 출처', en: 'Base taken from' },
  series: { ko: '지수', en: 'Index series' },
  period: { ko: '지수 연도', en: 'Index period' },
  indexValue: { ko: '지수 값 (%)', en: 'Index value (%)' },
  vintage: { ko: '지수 발표본', en: 'Index vintage' },
  cap: { ko: '상한 (%)', en: 'Cap (%)' },
  floor: { ko: '하한 (%)', en: 'Floor (%)' },
  binding: { ko: '상·하한 적용', en: 'Cap or floor bound' },
  rate: { ko: '적용 인상률 (%)', en: 'Rate applied (%)' },
  exact: { ko: '반올림 전 금액', en: 'Exact before rounding' },
  rounding: { ko: '반올림 방식', en: 'Rounding' },
  step: { ko: '반올림 단위', en: 'Rounding step' },
  waitingFor: { ko: '대기 중인 입력', en: 'Waiting for' },
  sources: { ko: '출처', en: 'Sources' },
  about: { ko: '대상', en: 'About' },
  url: { ko: '주소', en: 'Address' },
} as const satisfies Record<string, Record<Lang, string>>

export const STATUS_WORD: Record<string, Record<Lang, string>> = {
  computed: { ko: '확정', en: 'computed' },
  pending: { ko: '미확정', en: 'pending' },
  unknown: { ko: '알 수 없음', en: 'unknown' },
}

/**
 * How a year's figure is known, in the provenance column's words (the short form of
 * record/provenance-words.ts): the engine's provenance class, or for a year without an amount why
 * it has none (pending, unknown). A published or reported year amount is an appropriated budget,
 * and the cell says so.
 * @example provenanceWord(fig2027, 'ko') // "SMA Desk 산출"
 * @example provenanceWord(fig2024Appropriated, 'ko') // "정부·국회 공표 예산"
 */
export function provenanceWord(y: YearFigure, lang: Lang): string {
  const p = y.provenance
  if (p === 'published' || p === 'reported') return budgetProvenance(p, lang)
  if (p !== null) return shortProvenance(p, lang)
  return y.status === 'computed' ? '' : shortProvenance(y.status, lang)
}

export const BASIS_WORD: Record<string, Record<Lang, string>> = {
  published: { ko: '정부 공표', en: 'published' },
  agreed_usd: { ko: '달러 합의액', en: 'agreed in US dollars' },
  agreed_mixed: { ko: '원화·달러 합의액', en: 'agreed in won and dollars' },
  derived_from_rule: { ko: '규정으로 확정', en: 'fixed by the rule' },
}

export const YES_NO: Record<'yes' | 'no', Record<Lang, string>> = {
  yes: { ko: '일치', en: 'yes' },
  no: { ko: '불일치', en: 'NO' },
}

/** "2026-12-02" → "2026년 12월 2일" (ko) or "2 December 2026" (en); a month-only date likewise. */
export function writtenDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso)
  if (!m) return iso
  const [, y = '', mo = '', d] = m
  const month = Number(mo)
  if (lang === 'ko') return `${y}년 ${month}월${d === undefined ? '' : ` ${Number(d)}일`}`
  const name =
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][month - 1] ?? mo
  return d === undefined ? `${name} ${y}` : `${Number(d)} ${name} ${y}`
}
