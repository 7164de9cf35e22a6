import { lazy, Suspense } from 'react'
import type { EChartsCoreOption } from 'echarts/core'

/** The ECharts runtime is a separate chunk, fetched the first time a chart is shown. */
const loadView = () => import('./EChartsView')
const EChartsView = lazy(loadView)

/** Starts fetching the chart chunk early (in parallel with a page that will show a chart). */
export function preloadChart(): void {
  void loadView()
}

export interface ChartProps {
  readonly option: EChartsCoreOption
  /** Accessible name of the chart (the data is also in a table next to it). */
  readonly label: string
  readonly height?: number
  readonly testId?: string
  readonly onClickCategory?: (name: string) => void
}

/** The one chart component: an ECharts option in, an SVG chart out. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 320
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height }} aria-busy="true" />}>
      <EChartsView {...props} height={height} />
    </Suspense>
  )
}
