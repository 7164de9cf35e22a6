import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  AriaComponent,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartProps } from './chart-props'

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
])

export default function EChartsView({
  option,
  label,
  height,
  testId,
  onClickCategory,
}: ChartProps & { height: number }) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const clickRef = useRef(onClickCategory)

  useEffect(() => {
    clickRef.current = onClickCategory
  }, [onClickCategory])

  useEffect(() => {
    const node = el.current
    if (!node) return
    const c = echarts.init(node, null, { renderer: 'svg' })
    chart.current = c
    c.on('click', (p) => {
      if (typeof p.name === 'string') clickRef.current?.(p.name)
    })
    c.on('finished', () => {
      if (node.dataset.chartReady !== 'true') {
        node.dataset.chartReady = 'true'
        if (!performance.getEntriesByName('sma:first-chart').length) {
          performance.mark('sma:first-chart')
        }
      }
    })
    const ro = new ResizeObserver(() => {
      c.resize()
    })
    ro.observe(node)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true })
  }, [option])

  return (
    <div
      ref={el}
      className="chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%' }}
    />
  )
}
