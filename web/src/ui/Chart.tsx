import { lazy, Suspense, type ReactNode } from 'react'
import type { ChartProps } from './chart-props'

/** The ECharts runtime is a separate chunk, fetched the first time a chart is shown. */
const loadView = () => import('./EChartsView')
const EChartsView = lazy(loadView)

/** Starts fetching the chart chunk early (in parallel with a page that will show a chart). */
export function preloadChart(): void {
  void loadView()
}

export type { ChartProps } from './chart-props'

/** The one chart component: an ECharts option in, an SVG chart out. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 320
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height }} aria-busy="true" />}>
      <EChartsView {...props} height={height} />
    </Suspense>
  )
}

/** A chart with its caption (the figure's visible title). */
export function ChartFigure({ caption, ...chart }: ChartProps & { readonly caption: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <Chart {...chart} />
    </figure>
  )
}
