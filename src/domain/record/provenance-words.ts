import type { Lang } from '../text/localized.js'
import { PROVENANCES, type Provenance } from './sources.js'

/**
 * The one home of the words for how a figure is known. Every surface (explanations, exports and
 * briefs, the host-support table and chart, the ledger page, the CLI) reads a provenance class
 * from here, so the same class always reads the same way. Two forms:
 * - `short`: a table cell or chart tooltip, a few words;
 * - `long`: a sentence part or a note, saying what the class means.
 * A derived figure always says SMA Desk derived it, so that it never reads as a published one.
 * The engine's year statuses without an amount (`pending`, `unknown`) are worded here too, as
 * an export's provenance column shows them in place of a class.
 */

/** The year statuses that stand in for a provenance class when a year has no amount. */
export const YEAR_STATUS_WORD_KEYS = ['pending', 'unknown'] as const
export type YearStatusWordKey = (typeof YEAR_STATUS_WORD_KEYS)[number]

/** Everything worded here: the provenance classes, then the year statuses. */
export type ProvenanceWordKey = Provenance | YearStatusWordKey
export const PROVENANCE_WORD_KEYS: readonly ProvenanceWordKey[] = [
  ...PROVENANCES,
  ...YEAR_STATUS_WORD_KEYS,
]

export type ProvenanceForm = 'short' | 'long'

const WORDS: Record<ProvenanceWordKey, Record<ProvenanceForm, Record<Lang, string>>> = {
  published: {
    short: { ko: '정부·국회 공표', en: 'published' },
    long: { ko: '정부·국회 공표 수치', en: 'published by a government or parliament' },
  },
  reported: {
    short: { ko: '언론 보도', en: 'reported' },
    long: {
      ko: '언론·연구기관 보도 수치, 공식 출처 미확인',
      en: 'reported by the press or research, no official source located',
    },
  },
  derived: {
    short: { ko: 'SMA Desk 산출', en: 'derived by SMA Desk' },
    long: {
      ko: 'SMA Desk가 협정 규정을 적용해 산출한 값, 공표 수치 아님',
      en: 'derived by SMA Desk from the agreement’s rule, not a published figure',
    },
  },
  stated: {
    short: { ko: '협정문 명시', en: 'stated in the agreement' },
    long: { ko: '협정문에 명시된 금액', en: 'amount stated in the agreement' },
  },
  estimate: {
    short: { ko: '추정', en: 'estimate' },
    long: { ko: '근삿값으로 추정한 수치', en: 'estimated, an approximate figure' },
  },
  unsourced: {
    short: { ko: '출처 미확인', en: 'no citable source' },
    long: { ko: '인용 가능한 출처 미확인', en: 'no citable source located' },
  },
  pending: {
    short: { ko: '입력 대기', en: 'awaiting input' },
    long: {
      ko: '필요한 지수 등 입력값이 아직 공표되지 않아 대기 중',
      en: 'awaiting an input not yet published, such as an index',
    },
  },
  unknown: {
    short: { ko: '근거 없음', en: 'no basis' },
    long: {
      ko: '공표 수치도 적용할 규정도 없음',
      en: 'neither a published figure nor a rule to derive it',
    },
  },
}

/**
 * A provenance class or year status in words, in the form asked for.
 * @example provenanceText('derived', 'ko', 'short') // "SMA Desk 산출"
 * @example provenanceText('derived', 'en', 'long')
 *   // "derived by SMA Desk from the agreement’s rule, not a published figure"
 * @example provenanceText('pending', 'ko', 'short') // "입력 대기"
 */
export function provenanceText(p: ProvenanceWordKey, lang: Lang, form: ProvenanceForm): string {
  return WORDS[p][form][lang]
}

/**
 * A provenance class in a few words, for table cells and chart tooltips.
 * @example shortProvenance('estimate', 'ko') // "추정"
 * @example shortProvenance('published', 'ko') // "정부·국회 공표"
 */
export function shortProvenance(p: ProvenanceWordKey, lang: Lang): string {
  return provenanceText(p, lang, 'short')
}

/**
 * A provenance class in its long form, for sentences, explanations and notes.
 * @example provenanceLabel('reported', 'ko') // "언론·연구기관 보도 수치, 공식 출처 미확인"
 * @example provenanceLabel('stated', 'en') // "amount stated in the agreement"
 */
export function provenanceLabel(p: ProvenanceWordKey, lang: Lang): string {
  return provenanceText(p, lang, 'long')
}

/**
 * A budget amount's provenance (an appropriated year's figure), composed from the short form so
 * that the class reads as everywhere else and the cell still says it is a budget.
 * @example budgetProvenance('published', 'ko') // "정부·국회 공표 예산"
 * @example budgetProvenance('reported', 'en') // "reported budget"
 */
export function budgetProvenance(p: 'published' | 'reported', lang: Lang): string {
  return lang === 'ko' ? `${shortProvenance(p, lang)} 예산` : `${shortProvenance(p, lang)} budget`
}

/**
 * The legend of the provenance classes, one clause per class ("short: long"), for an export's
 * notes, so that a reader can tell a cell's words apart.
 * @example provenanceLegend(['estimate', 'unsourced'], 'ko')
 *   // "추정: 근삿값으로 추정한 수치; 출처 미확인: 인용 가능한 출처 미확인"
 */
export function provenanceLegend(keys: readonly ProvenanceWordKey[], lang: Lang): string {
  return keys.map((k) => `${shortProvenance(k, lang)}: ${provenanceLabel(k, lang)}`).join('; ')
}
