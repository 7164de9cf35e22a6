/**
 * The calibration chart of the projections page: for each horizon (and all together), the share
 * of backtest cases in which the published value fell inside the P5–P95 and P25–P75 bands,
 * beside the shares those bands claim (90 % and 50 %). Shares are statistics, not money.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { BacktestResultBody } from '../../../../src/contracts/projections.js'
import type { Coverage } from '../../../../src/domain/projection/backtest.js'
import { formatPct, type Lang } from '../../i18n/format'

export interface CalibrationTexts {
  readonly band90: string
  readonly band50: string
  readonly nominal90: string
  readonly nominal50: string
  readonly horizon: (h: number) => string
  readonly all: string
  readonly cases: (hits: number, cases: number) => string
}

/** A coverage share as a percentage with one decimal ("90.5 %" / "90.5%"), or "—". */
export function coverageText(c: Coverage, lang: Lang): string {
  return c.share === null ? '—' : formatPct((Math.round(c.share * 1000) / 10).toFixed(1), lang)
}

/** Rows of the chart and table: each horizon, then all horizons together. */
export function calibrationRows(r: BacktestResultBody): {
  key: string
  horizon: number | null
  band90: Coverage
  band50: Coverage
  mae: number | null
}[] {
  return [
    ...r.byHorizon.map((h) => ({
      key: String(h.horizon),
      horizon: h.horizon,
      band90: h.band90,
      band50: h.band50,
      mae: h.maeMedian,
    })),
    {
      key: 'all',
      horizon: null,
      band90: r.coverage.band90,
      band50: r.coverage.band50,
      mae: r.maeMedian,
    },
  ]
}

const BAR90 = '#2f6f8f'
const BAR50 = '#9cc3d5'
const NOMINAL = '#b3261e'

/** Bars of observed coverage per horizon, with the nominal 90 % and 50 % as dashed lines. */
export function calibrationOption(
  r: BacktestResultBody,
  lang: Lang,
  texts: CalibrationTexts,
): EChartsCoreOption {
  const rows = calibrationRows(r)
  const pct = (c: Coverage) => (c.share === null ? null : Math.round(c.share * 1000) / 10)
  const nominal = (y: number, name: string) => ({
    silent: true,
    symbol: 'none',
    lineStyle: { color: NOMINAL, type: 'dashed' },
    label: { formatter: name, position: 'insideEndTop', color: NOMINAL },
    data: [{ yAxis: y }],
  })
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, left: 'center', data: [texts.band90, texts.band50] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[]
        const row = rows[items[0]?.dataIndex ?? -1]
        if (!row) return ''
        return [
          `<b>${row.horizon === null ? texts.all : texts.horizon(row.horizon)}</b>`,
          `${texts.band90}: ${coverageText(row.band90, lang)} (${texts.cases(row.band90.hits, row.band90.cases)})`,
          `${texts.band50}: ${coverageText(row.band50, lang)} (${texts.cases(row.band50.hits, row.band50.cases)})`,
        ].join('<br/>')
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((row) => (row.horizon === null ? texts.all : texts.horizon(row.horizon))),
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        name: texts.band90,
        data: rows.map((row) => pct(row.band90)),
        itemStyle: { color: BAR90 },
        barMaxWidth: 36,
        markLine: nominal(90, texts.nominal90),
      },
      {
        type: 'bar',
        name: texts.band50,
        data: rows.map((row) => pct(row.band50)),
        itemStyle: { color: BAR50 },
        barMaxWidth: 36,
        markLine: nominal(50, texts.nominal50),
      },
    ],
  }
}
