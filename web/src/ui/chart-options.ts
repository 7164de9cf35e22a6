/**
 * ECharts options shared by the pages: amounts per year as bars or points. Money stays decimal
 * text of minor units until here; the floats are chart coordinates (display units) only, and the
 * tables next to each chart show the exact figures.
 */
import type { EChartsCoreOption } from 'echarts/core'

export interface ChartUnit {
  readonly perUnitMinor: number
  readonly label: string
}

export interface YearSeries {
  readonly name: string
  /** Bars, or unconnected points (a published figure beside a computed one). */
  readonly kind: 'bar' | 'points'
  readonly color: string
  /** Minor units per year (null: no figure), in the order of `years`. */
  readonly values: readonly (string | null)[]
  /** Bars with the same stack key are drawn on top of each other (a split of a total). */
  readonly stack?: string
}

/** Minor units as a chart coordinate in the unit (null stays a gap). */
export function toUnit(minor: string | null | undefined, unit: ChartUnit): number | null {
  return minor === null || minor === undefined ? null : Number(minor) / unit.perUnitMinor
}

/**
 * Yearly amounts: a category axis of years, one series per schedule or figure kind. The amount
 * axis always starts at zero: a bar's height is read as the amount, and an axis cut above zero
 * makes a 3 % difference look like a doubling.
 */
export function yearsChartOption(
  years: readonly number[],
  unit: ChartUnit,
  series: readonly YearSeries[],
): EChartsCoreOption {
  const bars = series.filter((s) => s.kind === 'bar').length
  return {
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center' },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: {
      type: 'value',
      name: unit.label,
      nameTextStyle: { align: 'left' },
      min: 0,
    },
    series: series.map((s) => {
      const data = s.values.map((v) => toUnit(v, unit))
      return s.kind === 'bar'
        ? {
            type: 'bar',
            name: s.name,
            data,
            itemStyle: { color: s.color },
            barMaxWidth: bars > 1 && s.stack === undefined ? 28 : 36,
            ...(s.stack === undefined ? {} : { stack: s.stack }),
          }
        : {
            type: 'line',
            name: s.name,
            data,
            symbol: 'diamond',
            symbolSize: 12,
            lineStyle: { opacity: 0 },
            itemStyle: { color: s.color },
          }
    }),
  }
}
