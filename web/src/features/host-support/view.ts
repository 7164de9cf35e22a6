/**
 * View model of Japan's host-nation support chart: per fiscal year, what is inside the special
 * agreement, what is outside it, or only the total (split unknown); a year with no figure is a
 * gap, shaded and named in the legend. No React here; the amounts stay exact text until the
 * chart's coordinates.
 */
import type { EChartsCoreOption } from 'echarts/core'
import {
  amountText,
  shortProvenance,
  type HostSupport,
  type Provenance,
  type SupportFigure,
  type SupportYear,
} from '../../../../src/domain/index.js'
import type { Lang } from '../../i18n/format'
import type { Translate } from '../../i18n/keys'

export type BarPart = 'inside' | 'outside' | 'totalOnly'

export interface SupportBar {
  readonly fy: number
  /** Exact yen per part (null: nothing drawn for that part). */
  readonly inside: string | null
  readonly outside: string | null
  readonly totalOnly: string | null
  /** How the drawn parts are known (the weakest class among the figures each rests on). */
  readonly provenance: Partial<Record<BarPart, Provenance>>
  readonly total: SupportFigure | null
  readonly unknown: boolean
}

/** Weaker classes win: a part derived from a published and an estimated figure is an estimate. */
const WEAK: readonly Provenance[] = [
  'unsourced',
  'estimate',
  'derived',
  'reported',
  'stated',
  'published',
]
const weaker = (a: Provenance, b: Provenance): Provenance =>
  WEAK.indexOf(a) <= WEAK.indexOf(b) ? a : b

/**
 * The bars of the chart, one per fiscal year. The outside part is the recorded outside total,
 * or FIP plus welfare when both are recorded, or the total less the inside amount (then derived).
 * @example supportBars(japan).find((b) => b.fy === 2019)?.inside // "149700000000"
 */
export function supportBars(data: HostSupport): SupportBar[] {
  return data.years.map((y: SupportYear): SupportBar => {
    const inside = y.inside.total
    const total = y.total
    const out =
      y.outside.total ??
      (y.outside.fip && y.outside.welfare
        ? {
            amount: (BigInt(y.outside.fip.amount) + BigInt(y.outside.welfare.amount)).toString(),
            provenance: weaker(y.outside.fip.provenance, y.outside.welfare.provenance),
          }
        : null)
    if (inside && total) {
      const outside = out ?? {
        amount: (BigInt(total.amount) - BigInt(inside.amount)).toString(),
        provenance: weaker('derived', weaker(total.provenance, inside.provenance)),
      }
      return {
        fy: y.fy,
        inside: inside.amount,
        outside: outside.amount,
        totalOnly: null,
        provenance: { inside: inside.provenance, outside: outside.provenance },
        total,
        unknown: false,
      }
    }
    if (inside)
      return {
        fy: y.fy,
        inside: inside.amount,
        outside: null,
        totalOnly: null,
        provenance: { inside: inside.provenance },
        total: null,
        unknown: false,
      }
    if (total)
      return {
        fy: y.fy,
        inside: null,
        outside: null,
        totalOnly: total.amount,
        provenance: { totalOnly: total.provenance },
        total,
        unknown: false,
      }
    return {
      fy: y.fy,
      inside: null,
      outside: null,
      totalOnly: null,
      provenance: {},
      total: null,
      unknown: true,
    }
  })
}

const COLORS: Record<BarPart, string> = {
  inside: '#1f5f99',
  outside: '#d08a1e',
  totalOnly: '#7a8794',
}
const UNKNOWN_SHADE = 'rgba(120, 120, 120, 0.16)'

/** Chart coordinates: 억 엔 in Korean, billions of yen in English (floats for drawing only). */
function coordinate(yen: string, lang: Lang): number {
  return Number(yen) / (lang === 'ko' ? 1e8 : 1e9)
}

interface Datum {
  readonly value: number
  readonly shown: string
  readonly provenance: Provenance
  readonly itemStyle: Record<string, unknown>
}

/**
 * The ECharts option: inside and outside stacked, the total alone where the split is unknown,
 * estimated and derived parts drawn lighter with a dashed edge, unknown years shaded.
 */
export function supportChartOption(
  bars: readonly SupportBar[],
  lang: Lang,
  t: Translate,
): EChartsCoreOption {
  const names: Record<BarPart, string> = {
    inside: t('hostSupport.inside'),
    outside: t('hostSupport.outside'),
    totalOnly: t('hostSupport.totalOnly'),
  }
  const part = (p: BarPart) => ({
    type: 'bar',
    name: names[p],
    stack: 'hns',
    barMaxWidth: 18,
    itemStyle: { color: COLORS[p] },
    data: bars.map((b): Datum | null => {
      const v = b[p]
      const prov = b.provenance[p]
      if (v === null || prov === undefined) return null
      const soft = prov === 'estimate' || prov === 'derived' || prov === 'unsourced'
      return {
        value: Math.round(coordinate(v, lang) * 10) / 10,
        shown: amountText(v, 'JPY', lang),
        provenance: prov,
        itemStyle: {
          color: COLORS[p],
          opacity: soft ? 0.5 : 1,
          borderColor: soft ? '#333' : COLORS[p],
          borderType: 'dashed',
          borderWidth: soft ? 1.5 : 0,
        },
      }
    }),
  })
  // Unknown years are drawn as pale full-height bands in the same bar slot (their own legend
  // entry), so a gap reads as "no figure", not as zero; the axis top is fixed so the bands do not
  // stretch it.
  const heights = bars.map((b) =>
    coordinate(
      (BigInt(b.inside ?? '0') + BigInt(b.outside ?? '0') + BigInt(b.totalOnly ?? '0')).toString(),
      lang,
    ),
  )
  const step = lang === 'ko' ? 500 : 50
  const top = Math.ceil((Math.max(0, ...heights) * 1.05) / step) * step
  return {
    grid: { left: 56, right: 12, top: 56, bottom: 40 },
    legend: { type: 'scroll', top: 0, left: 'center' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; data: Datum | null }) =>
        !p.data
          ? ''
          : p.data.shown === '' // an unknown year's band
            ? `${t('hostSupport.fy', { year: p.name })}: ${t('hostSupport.unknown')}`
            : `<b>${t('hostSupport.fy', { year: p.name })}</b><br/>${p.seriesName}: ${p.data.shown} (${shortProvenance(p.data.provenance, lang)})`,
    },
    xAxis: {
      type: 'category',
      data: bars.map((b) => String(b.fy)),
      axisLabel: { interval: 4, hideOverlap: true },
    },
    // Amounts: the axis starts at zero so bar heights compare as amounts.
    yAxis: {
      type: 'value',
      name: t(lang === 'ko' ? 'hostSupport.unitOku' : 'hostSupport.unitBn'),
      nameTextStyle: { align: 'left' },
      min: 0,
      max: top,
    },
    series: [
      part('inside'),
      part('outside'),
      part('totalOnly'),
      {
        type: 'bar',
        name: t('hostSupport.unknown'),
        stack: 'hns',
        barMaxWidth: 18,
        itemStyle: { color: UNKNOWN_SHADE },
        data: bars.map((b) =>
          b.unknown ? { value: top, shown: '', provenance: 'unsourced', itemStyle: {} } : null,
        ),
      },
    ],
  }
}

/** How many fiscal years have each kind of figure (for the caption under the chart). */
export function supportCoverage(data: HostSupport): {
  readonly years: number
  readonly total: number
  readonly inside: number
} {
  return {
    years: data.years.length,
    total: data.years.filter((y) => y.total !== null).length,
    inside: data.years.filter((y) => y.inside.total !== null).length,
  }
}
