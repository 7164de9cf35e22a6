/**
 * View model of the overview: the record's agreements with their schedules, what is in force,
 * the coming deadlines, the timeline's geometry and the totals chart. Status, periods in force
 * and lapses are the domain's rules (src/domain/agreement/status.ts); this file only arranges
 * them for display. No React here.
 */
import type { Translate } from '../../i18n/keys'
import type { EChartsCoreOption } from 'echarts/core'
import type { DeadlineView, NegotiationSummary } from '../../../../src/contracts/negotiations.js'
import {
  agreementPeriod,
  currentAgreement,
  CURRENCY_EXPONENT,
  lapseOn,
  lapses,
  termDays,
  type AgreementLapse,
  type AgreementPeriod,
  type AgreementSpec,
  type CurrencyCode,
  type RecordSnapshot,
  type Schedule,
} from '../../../../src/domain/index.js'
import { signedSchedule } from '../../lib/record'
import { formatMoney, formatMoneyExact, formatNumber, type Lang } from '../../i18n/format'
import { shortLabel } from '../agreement/labels'
import { axisPct, colorOf } from './timeline'

export const FIRST = 1991
export const LAST = 2030

export interface Row {
  readonly spec: AgreementSpec
  readonly schedule: Schedule
  readonly color: string
}

export interface Overview {
  readonly rok: readonly Row[]
  readonly jp: readonly Row[]
  /** Gaps between ROK–US agreements in force. */
  readonly lapses: readonly AgreementLapse[]
}

function rowsOf(snapshot: RecordSnapshot, host: AgreementSpec['hostNation']): Row[] {
  return snapshot.agreements
    .filter((a) => a.hostNation === host)
    .sort((a, b) => a.term.firstYear - b.term.firstYear)
    .map((spec, i) => ({ spec, schedule: signedSchedule(snapshot, spec), color: colorOf(i) }))
}

/** The agreements of each host nation in term order, with their schedules and the ROK lapses. */
export function overviewOf(snapshot: RecordSnapshot): Overview {
  const rok = rowsOf(snapshot, 'KR')
  return { rok, jp: rowsOf(snapshot, 'JP'), lapses: lapses(rok.map((r) => r.spec)) }
}

export interface InForce {
  readonly current: AgreementSpec | undefined
  readonly period: AgreementPeriod | null
  /** The lapse `today` falls in, when no agreement is in force. */
  readonly lapse: AgreementLapse | undefined
}

/** The agreement in force on a day (the domain's `currentAgreement`) or the lapse. */
export function inForceOn(o: Overview, today: string): InForce {
  const current = currentAgreement(
    o.rok.map((r) => r.spec),
    today,
  )
  return {
    current,
    period: current ? agreementPeriod(current) : null,
    lapse: lapseOn(o.lapses, today),
  }
}

export type DeadlineItem =
  | { readonly kind: 'expiry'; readonly date: string; readonly spec: AgreementSpec }
  | {
      readonly kind: 'negotiation'
      readonly date: string
      readonly deadline: DeadlineView
      readonly negotiation: NegotiationSummary
    }

/**
 * The coming deadlines, soonest first: recorded expiries of the agreements, and every deadline of
 * the negotiations (elections, inaugurations…; the details when loaded, else the next one). The
 * predecessor's expiry is listed once, from the record.
 */
export function deadlineItems(
  rows: readonly Row[],
  negotiations: readonly NegotiationSummary[],
  deadlinesOf: (negotiationId: string) => readonly DeadlineView[] | undefined,
  today: string,
): DeadlineItem[] {
  const items: DeadlineItem[] = []
  for (const r of rows) {
    const p = agreementPeriod(r.spec)
    if (p.toKnown && p.to >= today) items.push({ kind: 'expiry', date: p.to, spec: r.spec })
  }
  for (const n of negotiations) {
    const list = deadlinesOf(n.id) ?? (n.nextDeadline ? [n.nextDeadline] : [])
    for (const d of list) {
      if (d.date >= today && d.kind !== 'predecessor-expiry') {
        items.push({ kind: 'negotiation', date: d.date, deadline: d, negotiation: n })
      }
    }
  }
  return items.sort((a, b) => a.date.localeCompare(b.date))
}

export interface Span {
  readonly left: number
  readonly width: number
}

/** Where an agreement's term sits on the 1991–2030 axis (percent), never thinner than `min`. */
export function spanOf(from: string, to: string, min: number): Span {
  const left = axisPct(from, FIRST, LAST)
  return { left, width: Math.max(axisPct(to, FIRST, LAST) - left, min) }
}

/** The bar of an agreement's term on the timeline (the domain's term days). */
export function termSpan(spec: AgreementSpec): Span {
  const t = termDays(spec)
  return spanOf(t.first, t.last, 1.2)
}

export function timelineTicks(): { readonly year: number; readonly left: number }[] {
  const ticks = []
  for (let y = FIRST; y <= LAST; y += 5)
    ticks.push({ year: y, left: axisPct(`${y}-01-01`, FIRST, LAST) })
  return ticks
}

export type Display = 'KRW' | 'USD'

/** A positive exchange rate from the input, or null. */
export function rateOf(text: string): number | null {
  const rate = Number(text)
  return Number.isFinite(rate) && rate > 0 ? rate : null
}

/**
 * A chart coordinate in the display currency: ₩100 million (ko) or ₩ billion (en), or US$
 * million. Display values only (floats are fine for bar heights); tooltips show exact amounts.
 */
export function displayValue(
  minor: string,
  currency: CurrencyCode,
  display: Display,
  rate: number,
  lang: Lang,
): number {
  const major = Number(minor) / 10 ** CURRENCY_EXPONENT[currency]
  const usd = currency === 'USD'
  if (display === 'KRW') return (usd ? major * rate : major) / (lang === 'ko' ? 1e8 : 1e9)
  return (usd ? major : major / rate) / 1e6
}

interface BarDatum {
  readonly value: number
  readonly status?: string
  readonly exact?: string
  readonly shown?: string
  readonly converted?: boolean
  readonly lapse?: boolean
}

/** The stacked bars of every agreement's yearly amounts, lapse years and converted years marked. */
export function totalsChartOption(
  rows: readonly Row[],
  ls: readonly AgreementLapse[],
  display: Display,
  rate: number,
  lang: Lang,
  t: Translate,
): EChartsCoreOption {
  const lapseYears = new Set(ls.flatMap((l) => l.wholeYears))
  const years: number[] = []
  for (let y = FIRST; y <= LAST; y++) years.push(y)
  const series = rows.map((r) => ({
    type: 'bar',
    name: shortLabel(r.spec, t),
    stack: 'total',
    barMaxWidth: 22,
    itemStyle: { color: r.color },
    data: years.map((y) => {
      const fig = r.schedule.years.find((f) => f.year === y)
      if (!fig) return null
      if (fig.amount === null) return { value: 0, status: fig.status }
      const converted = r.schedule.currency !== display
      const lapse = lapseYears.has(y)
      return {
        value:
          Math.round(displayValue(fig.amount, r.schedule.currency, display, rate, lang) * 10) / 10,
        exact: formatMoneyExact(fig.amount, r.schedule.currency),
        shown: formatMoney(fig.amount, r.schedule.currency, lang),
        converted,
        lapse,
        itemStyle: {
          color: r.color,
          opacity: converted || lapse ? 0.55 : 1,
          borderColor: lapse ? '#c0392b' : converted ? '#555' : r.color,
          borderType: 'dashed',
          borderWidth: lapse ? 2.5 : converted ? 1.5 : 0,
        },
      }
    }),
  }))
  const unitLabel =
    display === 'USD'
      ? t('overview.unitUsdM')
      : lang === 'ko'
        ? t('overview.unitKrw100m')
        : t('overview.unitKrwBn')
  const tooltip = (p: {
    seriesName: string
    name: string
    value: number
    data: BarDatum | null
  }) => {
    const d = p.data
    if (!d) return ''
    if (d.shown === undefined) {
      return `${p.seriesName} ${p.name}: ${t(d.status === 'pending' ? 'badge.pending' : 'badge.unknown')}`
    }
    const lines = [
      `<b>${p.seriesName} · ${p.name}</b>`,
      `${d.shown}${d.exact && d.exact !== d.shown ? ` (${d.exact})` : ''}`,
    ]
    if (d.converted) {
      lines.push(
        t('overview.convertedAt', {
          value: formatNumber(p.value, lang),
          unit: unitLabel,
          rate: formatNumber(rate, lang),
        }),
      )
    }
    if (d.lapse) lines.push(t('overview.lapseYearNote'))
    return lines.join('<br/>')
  }
  return {
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'category', data: years.map(String), axisLabel: { interval: 4 } },
    // Amounts: the axis starts at zero so bar heights compare as amounts.
    yAxis: { type: 'value', name: unitLabel, nameTextStyle: { align: 'left' }, min: 0 },
    series,
  }
}
