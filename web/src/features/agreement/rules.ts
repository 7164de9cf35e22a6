import type { TFunction } from 'i18next'
import {
  reportingCurrency,
  ruleYears,
  toMinorUnits,
  type AgreementSpec,
  type Rule,
} from '../../../../src/domain/index.js'
import { formatMoney, formatPct, type Lang } from '../../i18n/format'

function yearsText(ys: readonly number[]): string {
  if (ys.length === 0) return ''
  const sorted = [...ys].sort((a, b) => a - b)
  const first = sorted[0] ?? 0
  const last = sorted[sorted.length - 1] ?? 0
  const contiguous = last - first + 1 === sorted.length
  return contiguous && sorted.length > 1 ? `${first}–${last}` : sorted.join(', ')
}

/** One rule of an agreement in plain words, in the reader's language. */
export function describeRule(spec: AgreementSpec, rule: Rule, t: TFunction, lang: Lang): string {
  const currency = reportingCurrency(spec)
  const money = (major: string) =>
    formatMoney(toMinorUnits(major, currency).toString(), currency, lang)
  const years = yearsText(ruleYears(rule))
  const rounding = (r: { mode: string; step: string }) =>
    t('rules.rounding', { mode: t(`rounding.${r.mode as 'half-up'}`), step: money(r.step) })
  const base = (b: Extract<Rule, { base: unknown }>['base']) =>
    b.kind === 'previous-year'
      ? t('rules.basePrevious')
      : t('rules.baseAgreement', { agreement: b.agreement, year: b.year })
  switch (rule.kind) {
    case 'negotiated':
      return t('rules.negotiated', {
        years,
        amounts: rule.amounts.map((a) => `${a.year}: ${money(a.amount)}`).join('; '),
      })
    case 'flat':
      return t('rules.flat', { years, amount: money(rule.amount) })
    case 'fixed-percentage':
      return `${t('rules.fixed', { years, base: base(rule.base), pct: formatPct(rule.ratePct, lang) })} ${rounding(rule.rounding)}`
    case 'negotiated-increase': {
      const parts = rule.parts
        .map((p) => `${formatPct(p.pct, lang)} (${p.label[lang]})`)
        .join(' + ')
      return `${t('rules.increase', { year: rule.year, base: base(rule.base), parts })} ${rounding(rule.rounding)}`
    }
    case 'index-linked': {
      const cap =
        rule.cap.kind === 'rate'
          ? t('rules.cap', { pct: formatPct(rule.cap.pct, lang) })
          : t('rules.noCap')
      const floor =
        rule.floor.kind === 'rate'
          ? t('rules.floor', { pct: formatPct(rule.floor.pct, lang) })
          : t('rules.noFloor')
      return `${t('rules.index', {
        years,
        base: base(rule.base),
        series: t(`series.${rule.series}`),
        lag: rule.lag,
        vintage: t(`vintage.${rule.vintage}`),
      })} ${cap} ${floor} ${rounding(rule.rounding)}`
    }
    case 'unknown':
      return t('rules.unknown', { years, reason: rule.reason })
  }
}
