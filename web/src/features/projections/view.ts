/**
 * Pure helpers of the projections page: which figures a view shows, and the ECharts options of
 * the fan chart, the histograms and the cap-binding bars. Money stays decimal text of minor units;
 * the only floats are chart coordinates (display units), and every tooltip shows exact figures.
 */
import type { Translate } from '../../i18n/keys'
import type { EChartsCoreOption } from 'echarts/core'
import type { CurrencyCode } from '../../../../src/domain/money/currency.js'
import type {
  AgreementProjection,
  Histogram,
  Quantiles,
  YearProjection,
} from '../../../../src/domain/projection/result.js'
import type { AgreementSummary } from '../../../../src/contracts/agreements.js'
import { formatMoney, formatNumber, formatPct, type Lang } from '../../i18n/format'
import { chartUnit } from '../../ui/chart-units'
import type { CompareChoice } from './api'

/** Most paths and the largest seed the API accepts (the domain's limits). */
export { MAX_PATHS, maxPathsFor } from '../../../../src/domain/projection/project.js'
export { MAX_SEED } from '../../../../src/domain/projection/random-stream.js'
export const DEFAULT_PATHS = 20_000
export const DEFAULT_AGREEMENT = 'rok-us-sma-12'

/** A whole number within [min, max] from an input's text, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n >= min && n <= max ? n : null
}

/** `compare` select value ↔ choice: "none", "variant", "agreement:<id>". */
export function compareFromValue(value: string): CompareChoice {
  if (value === 'variant') return { kind: 'variant' }
  if (value.startsWith('agreement:')) return { kind: 'agreement', id: value.slice(10) }
  return { kind: 'none' }
}
export function compareValue(c: CompareChoice): string {
  return c.kind === 'agreement' ? `agreement:${c.id}` : c.kind
}

/** The agreements to choose from: ROK–US first, each host nation's in term order. */
export function agreementChoices(list: readonly AgreementSummary[]): AgreementSummary[] {
  return [...list].sort((a, b) =>
    a.hostNation === b.hostNation
      ? a.term.firstYear - b.term.firstYear
      : a.hostNation === 'KR'
        ? -1
        : 1,
  )
}

/** Agreements a projection can be compared with: the others reported in the same currency. */
export function comparableWith(list: readonly AgreementSummary[], id: string): AgreementSummary[] {
  const self = list.find((a) => a.id === id)
  return self ? list.filter((a) => a.id !== id && a.currency === self.currency) : []
}

/** What the amounts are measured in: nominal won, won at base-year prices, or US dollars. */
export type Measure = 'nominal' | 'real' | 'usd'

/** The measures a projection has figures for (nominal always; real and USD when every year has). */
export function measuresOf(p: AgreementProjection): Measure[] {
  const known = p.years.filter((y) => y.nominal !== null)
  const out: Measure[] = ['nominal']
  if (known.length > 0 && known.every((y) => y.real !== null)) out.push('real')
  if (p.currency !== 'USD' && known.length > 0 && known.every((y) => y.usd !== null))
    out.push('usd')
  return out
}

export function quantilesOf(y: YearProjection, measure: Measure): Quantiles | null {
  return measure === 'real' ? y.real : measure === 'usd' ? y.usd : y.nominal
}

export function currencyOf(p: AgreementProjection, measure: Measure): CurrencyCode {
  return measure === 'usd' ? 'USD' : p.currency
}

/** Exact years (fixed by the record, or assumed under a deterministic scenario) have no spread. */
export function isExactYear(y: YearProjection): boolean {
  return y.status === 'fixed' || y.status === 'assumed'
}

/** A quantile set without spread (P5 = P95) is a single figure: drawn as a point. */
export function isPoint(q: Quantiles): boolean {
  return q.p5 === q.p95
}

/** A share in [0, 1] as a percentage with one decimal: 0.0085 → "0.9 %" / "0.9%". */
export function formatShare(share: number, lang: Lang): string {
  return formatPct((Math.round(share * 1000) / 10).toFixed(1), lang)
}

/** One row of a fan: its category, quantiles (null: unknown) and whether it is a point. */
export interface FanRow {
  readonly label: string
  readonly q: Quantiles | null
  readonly point: boolean
}

export function fanRows(p: AgreementProjection, measure: Measure): FanRow[] {
  return p.years.map((y) => {
    const q = quantilesOf(y, measure)
    return { label: String(y.year), q, point: isExactYear(y) || (q !== null && isPoint(q)) }
  })
}

export interface FanTexts {
  readonly band90: string
  readonly band50: string
  readonly median: string
  readonly exact: string
  readonly unit: string
}

const BAND_OUTER = 'rgba(47, 111, 143, 0.22)'
const BAND_INNER = 'rgba(47, 111, 143, 0.45)'
const LINE = '#163a5f'
const POINT = '#e15759'

/** The item a tooltip formatter receives (only the fields used here). */
interface TooltipItem {
  readonly dataIndex: number
}
const firstIndex = (params: unknown): number => {
  const items = (Array.isArray(params) ? params : [params]) as TooltipItem[]
  return items[0]?.dataIndex ?? -1
}

/**
 * Fan chart: P5–P95 and P25–P75 as stacked line areas (offsets from P5), the P50 line, exact
 * years as points. The band opens at the last point before the first spread year (zero width
 * there), so the fan grows out of the last exact figure.
 */
export function fanOption(
  rows: readonly FanRow[],
  currency: CurrencyCode,
  lang: Lang,
  texts: FanTexts,
  perUnitMinor: number,
): EChartsCoreOption {
  const v = (m: string) => Number(m) / perUnitMinor
  const firstSpread = rows.findIndex((r) => r.q !== null && !r.point)
  const anchor = firstSpread > 0 && rows[firstSpread - 1]?.q ? firstSpread - 1 : -1
  const inFan = (i: number, r: FanRow) => r.q !== null && (!r.point || i === anchor)
  const band = (f: (q: Quantiles) => number) =>
    rows.map((r, i) => (r.q !== null && inFan(i, r) ? f(r.q) : null))
  const common = {
    type: 'line',
    stack: 'fan',
    stackStrategy: 'all',
    symbol: 'none',
    lineStyle: { opacity: 0 },
    emphasis: { disabled: true },
    connectNulls: false,
  }
  const fmt = (m: string) => formatMoney(m, currency, lang)
  return {
    grid: { left: 64, right: 16, top: 40, bottom: 28 },
    legend: {
      top: 0,
      left: 'center',
      data: [texts.band90, texts.band50, texts.median, texts.exact],
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const r = rows[firstIndex(params)]
        if (!r?.q) return ''
        if (r.point) return `<b>${r.label}</b><br/>${texts.exact}: ${fmt(r.q.p50)}`
        const q = r.q
        return [
          `<b>${r.label}</b>`,
          `P95: ${fmt(q.p95)}`,
          `P75: ${fmt(q.p75)}`,
          `P50: ${fmt(q.p50)}`,
          `P25: ${fmt(q.p25)}`,
          `P5: ${fmt(q.p5)}`,
        ].join('<br/>')
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.label), boundaryGap: false },
    // The fan shows amounts (money per year), not growth rates: its axis starts at zero too, so
    // the width of the band reads against the size of the amount, not as a blown-up spread.
    yAxis: { type: 'value', name: texts.unit, min: 0, nameTextStyle: { align: 'left' } },
    series: [
      { ...common, name: 'base', data: band((q) => v(q.p5)), tooltip: { show: false } },
      {
        ...common,
        name: texts.band90,
        data: band((q) => v(q.p25) - v(q.p5)),
        areaStyle: { color: BAND_OUTER },
        itemStyle: { color: BAND_OUTER },
      },
      {
        ...common,
        name: texts.band50,
        data: band((q) => v(q.p75) - v(q.p25)),
        areaStyle: { color: BAND_INNER },
        itemStyle: { color: BAND_INNER },
      },
      {
        ...common,
        name: texts.band90,
        data: band((q) => v(q.p95) - v(q.p75)),
        areaStyle: { color: BAND_OUTER },
        itemStyle: { color: BAND_OUTER },
      },
      {
        type: 'line',
        name: texts.median,
        data: rows.map((r, i) => (r.q !== null && inFan(i, r) ? v(r.q.p50) : null)),
        symbol: 'none',
        lineStyle: { color: LINE, width: 2 },
        itemStyle: { color: LINE },
      },
      {
        type: 'line',
        name: texts.exact,
        data: rows.map((r) => (r.q !== null && r.point ? v(r.q.p50) : null)),
        symbol: 'circle',
        symbolSize: 10,
        lineStyle: { opacity: 0 },
        itemStyle: { color: POINT },
      },
    ],
  }
}

export interface HistogramTexts {
  readonly share: string
  readonly unit: string
  readonly paths: (count: number) => string
}

/** A histogram of exact bins `[lower, lower + width)` as bars of the share of paths. */
export function histogramOption(
  h: Histogram,
  currency: CurrencyCode,
  lang: Lang,
  texts: HistogramTexts,
  perUnitMinor: number,
  color = '#2f6f8f',
): EChartsCoreOption {
  const total = h.counts.reduce((s, c) => s + c, 0)
  const width = BigInt(h.width)
  const label = (m: string) =>
    formatNumber((Math.round((Number(m) / perUnitMinor) * 10) / 10).toFixed(1), lang)
  return {
    grid: { left: 56, right: 16, top: 28, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = firstIndex(params)
        const lower = h.lower[i]
        const count = h.counts[i]
        if (lower === undefined || count === undefined) return ''
        const upper = (BigInt(lower) + width).toString()
        return [
          `[${formatMoney(lower, currency, lang)}, ${formatMoney(upper, currency, lang)})`,
          `${texts.paths(count)} (${formatShare(total ? count / total : 0, lang)})`,
        ].join('<br/>')
      },
    },
    xAxis: {
      type: 'category',
      data: h.lower.map(label),
      name: texts.unit,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', name: texts.share, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        data: h.counts.map((c) => (total ? (c / total) * 100 : 0)),
        barCategoryGap: '4%',
        itemStyle: { color },
      },
    ],
  }
}

/** Share of paths where the cap binds, per year (null: the year has no cap). */
export function capOption(p: AgreementProjection, lang: Lang, name: string): EChartsCoreOption {
  const years = p.years
  return {
    grid: { left: 48, right: 12, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const y = years[firstIndex(params)]
        if (!y || y.capBinds === null) return ''
        return `${y.year}: ${formatShare(y.capBinds, lang)}`
      },
    },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        name,
        data: years.map((y) => (y.capBinds === null ? null : y.capBinds * 100)),
        itemStyle: { color: '#f28e2b' },
        barMaxWidth: 32,
      },
    ],
  }
}

/** The chart unit for a currency in the reader's language (re-exported for the page). */
export function unitOf(currency: CurrencyCode, lang: Lang, t: Translate) {
  return chartUnit(currency, lang, t)
}
