import type { Translate } from '../../i18n/keys'
import type { LedgerResponse } from '../../../../src/contracts/ledger.js'
import type { Lang } from '../../../../src/domain/text/localized.js'
import { yearsChartOption, type YearSeries } from '../../ui/chart-options'
import { chartUnit } from '../../ui/chart-units'

export type LedgerYearView = LedgerResponse['years'][number]

/** Category colours (contrast-checked against the page background, as elsewhere). */
const COLORS = {
  labor: '#2f6f8f',
  construction: '#b35c1e',
  logistics: '#5b7f2a',
  contribution: '#1f1f1f',
  unexecuted: '#8c3b6b',
  carriedOverOut: '#2f6f8f',
  lapsed: '#b35c1e',
} as const

/** The stacked chart: labor, construction and logistics per year, the contribution as points. */
export function categoryChartOption(ledger: LedgerResponse, lang: Lang, t: Translate) {
  const years = ledger.years.map((y) => y.year)
  const stack = (key: 'labor' | 'construction' | 'logistics'): YearSeries => ({
    name: t(`ledger.field.${key}`),
    kind: 'bar',
    color: COLORS[key],
    stack: 'allocated',
    values: ledger.years.map((y) => y.allocated[key]),
  })
  return yearsChartOption(years, chartUnit(ledger.currency, lang, t), [
    stack('labor'),
    stack('construction'),
    stack('logistics'),
    {
      name: t('ledger.field.contribution'),
      kind: 'points',
      color: COLORS.contribution,
      values: ledger.years.map((y) => y.contribution),
    },
  ])
}

/** The balance chart: unexecuted, carried over into the next year, and lapsed, per year. */
export function balanceChartOption(ledger: LedgerResponse, lang: Lang, t: Translate) {
  const years = ledger.years.map((y) => y.year)
  const bar = (key: 'unexecuted' | 'carriedOverOut' | 'lapsed'): YearSeries => ({
    name: t(`ledger.field.${key}`),
    kind: 'bar',
    color: COLORS[key],
    values: ledger.years.map((y) => y[key]),
  })
  return yearsChartOption(years, chartUnit(ledger.currency, lang, t), [
    bar('unexecuted'),
    bar('carriedOverOut'),
    bar('lapsed'),
  ])
}

/** Whether any year has a figure for one of the keys (a chart with nothing to draw says so). */
export function hasAny(
  ledger: LedgerResponse,
  pick: (y: LedgerYearView) => readonly (string | null)[],
): boolean {
  return ledger.years.some((y) => pick(y).some((v) => v !== null))
}

/** The checks worth showing: gaps and those that hold (incomplete ones are summarised). */
export function shownChecks(y: LedgerYearView) {
  return y.checks.filter((c) => c.status !== 'incomplete')
}
