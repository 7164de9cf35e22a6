import type { EChartsCoreOption } from 'echarts/core'

/** What a chart is given (its own module, so the lazy chart chunk and its wrapper share it). */
export interface ChartProps {
  readonly option: EChartsCoreOption
  /** Accessible name of the chart (the data is also in a table next to it). */
  readonly label: string
  readonly height?: number
  readonly testId?: string
  readonly onClickCategory?: (name: string) => void
}
