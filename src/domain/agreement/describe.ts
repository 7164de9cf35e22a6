import { formatKrwKorean, formatMoney } from '../money/format.js'
import { toMinorUnits, type CurrencyCode } from '../money/currency.js'
import { reportingCurrency, ruleYears, type AgreementSpec, type Rule } from './spec.js'
import type { Lang } from './explain.js'

const SERIES: Record<string, { en: string; ko: string }> = {
  KR_CPI: { en: 'Korean CPI growth', ko: '소비자물가상승률' },
  KR_DEFENSE_BUDGET: { en: 'Korean defense-budget growth', ko: '국방비 증가율' },
}
const MODE: Record<string, { en: string; ko: string }> = {
  'half-up': { en: 'rounded half-up', ko: '반올림' },
  'half-even': { en: 'rounded half-even', ko: '짝수 반올림' },
  floor: { en: 'rounded down', ko: '내림' },
  ceil: { en: 'rounded up', ko: '올림' },
  truncate: { en: 'truncated', ko: '절사' },
}

function years(rule: Rule): string {
  const ys = [...ruleYears(rule)].sort((a, b) => a - b)
  const first = ys[0]
  const last = ys.at(-1)
  if (first === undefined || last === undefined) return ''
  return first === last ? String(first) : `${first}–${last}`
}

function money(major: string, currency: CurrencyCode, lang: Lang): string {
  const minor = toMinorUnits(major, currency)
  return lang === 'ko' && currency === 'KRW' ? formatKrwKorean(minor) : formatMoney(minor, currency)
}

function base(rule: Extract<Rule, { base: unknown }>, lang: Lang): string {
  if (rule.base.kind === 'previous-year')
    return lang === 'ko' ? '전년도 금액' : "the previous year's amount"
  return lang === 'ko'
    ? `${rule.base.agreement}의 ${rule.base.year}년 공표 금액`
    : `the published ${rule.base.year} amount of ${rule.base.agreement}`
}

/**
 * One rule in plain words, in English or Korean, rendered from the same data the engine computes
 * with (so the words and the figures cannot drift apart).
 * @example
 * describeRule(sma12.rules[1], 'KRW', 'en')
 * // "2027–2030: the previous year's amount × (1 + Korean CPI growth of year Y−2, capped at 5 %, no floor), rounded half-up to ₩100,000,000."
 */
export function describeRule(rule: Rule, currency: CurrencyCode, lang: Lang): string {
  const ko = lang === 'ko'
  const span = years(rule)
  switch (rule.kind) {
    case 'negotiated':
      return ko
        ? `${span}: 협상으로 정한 금액 — ${rule.amounts.map((a) => `${a.year}년 ${money(a.amount, currency, lang)}`).join(', ')}.`
        : `${span}: negotiated amounts — ${rule.amounts.map((a) => `${a.year} ${money(a.amount, currency, lang)}`).join(', ')}.`
    case 'flat':
      return ko
        ? `${span}: 매년 ${money(rule.amount, currency, lang)} (동결).`
        : `${span}: ${money(rule.amount, currency, lang)} in each year (flat).`
    case 'fixed-percentage':
      return ko
        ? `${span}: ${base(rule, lang)} × (1 + ${rule.ratePct} %), ${money(rule.rounding.step, currency, lang)} 단위 ${MODE[rule.rounding.mode]?.ko ?? rule.rounding.mode}.`
        : `${span}: ${base(rule, lang)} × (1 + ${rule.ratePct} %), ${MODE[rule.rounding.mode]?.en ?? rule.rounding.mode} to ${money(rule.rounding.step, currency, lang)}.`
    case 'negotiated-increase': {
      const parts = rule.parts.map((p) => `${p.pct} % (${p.label[lang]})`).join(' + ')
      return ko
        ? `${span}: ${base(rule, lang)} × (1 + ${parts}), ${money(rule.rounding.step, currency, lang)} 단위 ${MODE[rule.rounding.mode]?.ko ?? rule.rounding.mode}.`
        : `${span}: ${base(rule, lang)} × (1 + ${parts}), ${MODE[rule.rounding.mode]?.en ?? rule.rounding.mode} to ${money(rule.rounding.step, currency, lang)}.`
    }
    case 'index-linked': {
      const series = SERIES[rule.series]?.[lang] ?? rule.series
      const period =
        rule.lag === 0
          ? ko
            ? '당해 연도'
            : 'the same year'
          : ko
            ? `${rule.lag}년 전(Y−${rule.lag})`
            : `year Y−${rule.lag}`
      const cap =
        rule.cap.kind === 'rate'
          ? ko
            ? `상한 ${rule.cap.pct} %`
            : `capped at ${rule.cap.pct} %`
          : ko
            ? '상한 없음'
            : 'no cap'
      const floor =
        rule.floor.kind === 'rate'
          ? ko
            ? `하한 ${rule.floor.pct} %`
            : `floor ${rule.floor.pct} %`
          : ko
            ? '하한 없음'
            : 'no floor'
      return ko
        ? `${span}: ${base(rule, lang)} × (1 + ${period} ${series}, ${cap}, ${floor}), ${money(rule.rounding.step, currency, lang)} 단위 ${MODE[rule.rounding.mode]?.ko ?? rule.rounding.mode}.`
        : `${span}: ${base(rule, lang)} × (1 + ${series} of ${period}, ${cap}, ${floor}), ${MODE[rule.rounding.mode]?.en ?? rule.rounding.mode} to ${money(rule.rounding.step, currency, lang)}.`
    }
    case 'unknown':
      return ko
        ? `${span}: 금액 미확인 — ${rule.reason}`
        : `${span}: amount unknown — ${rule.reason}`
  }
}

/** Every rule of an agreement in plain words, in term order. */
export function describeRules(spec: AgreementSpec, lang: Lang): string[] {
  const currency = reportingCurrency(spec)
  return [...spec.rules]
    .sort((a, b) => (ruleYears(a)[0] ?? 0) - (ruleYears(b)[0] ?? 0))
    .map((r) => describeRule(r, currency, lang))
}
