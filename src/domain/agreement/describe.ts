import { formatKoreanAmount, formatMoney } from '../money/format.js'
import { withParticle } from '../text/korean-particles.js'
import { toMinorUnits, type CurrencyCode } from '../money/currency.js'
import { reportingCurrency, ruleYears, type AgreementSpec, type Rule } from './spec.js'
import { textIn, type Lang } from '../text/localized.js'
import type { RoundingMode } from '../money/rounding.js'
import type { SeriesId } from '../index-series/index-series.js'

const SERIES: Record<SeriesId, { en: string; ko: string }> = {
  KR_CPI: { en: 'Korean CPI growth', ko: '소비자물가상승률' },
  KR_DEFENSE_BUDGET: { en: 'Korean defense-budget growth', ko: '국방비 증가율' },
}
const MODE: Record<RoundingMode, { en: string; ko: string }> = {
  'half-up': { en: 'rounded half-up', ko: '반올림' },
  'half-even': { en: 'rounded half-even', ko: '짝수 반올림' },
  floor: { en: 'rounded down', ko: '내림' },
  ceil: { en: 'rounded up', ko: '올림' },
  truncate: { en: 'truncated', ko: '절사' },
}

/** The span of a rule's years (the schema requires at least one), e.g. "2027–2030". */
function years(rule: Rule): string {
  const first = Math.min(...ruleYears(rule))
  const last = Math.max(...ruleYears(rule))
  return first === last ? String(first) : `${first}–${last}`
}

function money(major: string, currency: CurrencyCode, lang: Lang): string {
  const minor = toMinorUnits(major, currency)
  return lang === 'ko' ? formatKoreanAmount(minor, currency) : formatMoney(minor, currency)
}

function base(rule: Extract<Rule, { base: unknown }>, lang: Lang): string {
  if (rule.base.kind === 'previous-year')
    return lang === 'ko' ? '전년도 분담금' : "the previous year's amount"
  return lang === 'ko'
    ? `직전 협정의 ${rule.base.year}년 분담금(공표 금액)`
    : `the published ${rule.base.year} amount of ${rule.base.agreement}`
}

/** 전년도, 전전년도, or "N년 전" (the wording of the official releases). */
function lagKo(lag: number): string {
  if (lag === 0) return '당해 연도'
  if (lag === 1) return '전년도'
  if (lag === 2) return '전전년도'
  return `${lag}년 전`
}

function roundingKo(rule: Extract<Rule, { rounding: unknown }>, currency: CurrencyCode): string {
  const inferred = rule.rounding.basis !== 'text' ? '(SMA Desk의 추론)' : ''
  return `${money(rule.rounding.step, currency, 'ko')} 단위로 ${MODE[rule.rounding.mode].ko}합니다${inferred}`
}

function roundingEn(rule: Extract<Rule, { rounding: unknown }>, currency: CurrencyCode): string {
  const inferred = rule.rounding.basis !== 'text' ? " (SMA Desk's inference)" : ''
  return `${MODE[rule.rounding.mode].en} to ${money(rule.rounding.step, currency, 'en')}${inferred}`
}

/**
 * One rule in plain words, in English or Korean, rendered from the same data the engine computes
 * with (so the words and the figures cannot drift apart). English keeps the formula; Korean is
 * prose in the wording of the official releases.
 * @example
 * describeRule(sma12.rules[1], 'KRW', 'en')
 * // "2027–2030: the previous year's amount × (1 + Korean CPI growth of year Y−2, capped at 5 %, no floor), rounded half-up to ₩100,000,000 (SMA Desk's inference)."
 * describeRule(sma12.rules[1], 'KRW', 'ko')
 * // "2027~2030년: 전년도 분담금에 전전년도 소비자물가상승률을 반영하여 인상하되, 인상률 상한은 5%입니다. 1억 원 단위로 반올림합니다(SMA Desk의 추론)."
 */
export function describeRule(rule: Rule, currency: CurrencyCode, lang: Lang): string {
  const ko = lang === 'ko'
  const span = years(rule)
  const spanKo = `${span.replace('–', '~')}년`
  switch (rule.kind) {
    case 'negotiated':
      return ko
        ? `${spanKo}: 협정문에 명시된 금액 — ${rule.amounts.map((a) => `${a.year}년 ${money(a.amount, currency, lang)}`).join(', ')}.`
        : `${span}: negotiated amounts — ${rule.amounts.map((a) => `${a.year} ${money(a.amount, currency, lang)}`).join(', ')}.`
    case 'appropriated':
      return ko
        ? `${spanKo}: 협정의 상한 안에서 정부 예산으로 정한 금액 — ${rule.amounts.map((a) => `${a.year}회계연도 ${money(a.amount, currency, lang)}`).join(', ')}.`
        : `${span}: amounts appropriated in the host's budget within the agreement's ceilings — ${rule.amounts.map((a) => `FY${a.year} ${money(a.amount, currency, lang)}`).join(', ')}.`
    case 'flat':
      return ko
        ? `${spanKo}: 매년 ${withParticle(money(rule.amount, currency, lang), '으로')} 동결합니다.`
        : `${span}: ${money(rule.amount, currency, lang)} in each year (flat).`
    case 'fixed-percentage':
      return ko
        ? `${spanKo}: ${base(rule, lang)}에서 매년 ${rule.ratePct}%씩 인상하며, ${roundingKo(rule, currency)}.`
        : `${span}: ${base(rule, lang)} × (1 + ${rule.ratePct} %), ${roundingEn(rule, currency)}.`
    case 'negotiated-increase': {
      return ko
        ? `${spanKo}: ${base(rule, lang)}에서 ${rule.parts.map((p) => `${p.label.ko} ${p.pct}%`).join(', ')}를 인상하며, ${roundingKo(rule, currency)}.`
        : `${span}: ${base(rule, lang)} × (1 + ${rule.parts.map((p) => `${p.pct} % (${p.label.en})`).join(' + ')}), ${roundingEn(rule, currency)}.`
    }
    case 'index-linked': {
      const series = SERIES[rule.series][lang]
      if (ko) {
        // "상한은 없음입니다" is not Korean: an absent cap is said with 없다.
        const floor = rule.floor.kind === 'rate' ? `하한은 ${rule.floor.pct}%입니다` : null
        const bounds =
          rule.cap.kind === 'rate'
            ? `인상률 상한은 ${rule.cap.pct}%${floor ? `, ${floor}` : '입니다'}`
            : `인상률 상한은 ${floor ? `없고, ${floor}` : '없습니다'}`
        return `${spanKo}: ${base(rule, lang)}에 ${lagKo(rule.lag)} ${withParticle(series, '을')} 반영하여 인상하되, ${bounds}. ${roundingKo(rule, currency)}.`
      }
      const period = rule.lag === 0 ? 'the same year' : `year Y−${rule.lag}`
      const cap = rule.cap.kind === 'rate' ? `capped at ${rule.cap.pct} %` : 'no cap'
      const floor = rule.floor.kind === 'rate' ? `floor ${rule.floor.pct} %` : 'no floor'
      return `${span}: ${base(rule, lang)} × (1 + ${series} of ${period}, ${cap}, ${floor}), ${roundingEn(rule, currency)}.`
    }
    case 'unknown':
      return ko
        ? `${spanKo}: 금액이 확인되지 않았습니다.${typeof rule.reason === 'string' ? '' : ` ${rule.reason.ko}`}`
        : `${span}: amount unknown — ${textIn(rule.reason, 'en')}`
  }
}

/** Every rule of an agreement in plain words, in term order. */
export function describeRules(spec: AgreementSpec, lang: Lang): string[] {
  const currency = reportingCurrency(spec)
  return [...spec.rules]
    .sort((a, b) => (ruleYears(a)[0] ?? 0) - (ruleYears(b)[0] ?? 0))
    .map((r) => describeRule(r, currency, lang))
}
