import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { shippedSnapshot } from '../../../src/record/shipped-record.js'
import { initI18n, translatorOf } from '../i18n/i18n'
import { overviewOf, totalsChartOption } from '../features/overview/view'
import { fanOption } from '../features/projections/view'
import { yearsChartOption } from './chart-options'

interface ValueAxis {
  readonly yAxis: { readonly min?: unknown; readonly scale?: unknown }
}
const axisOf = (option: object): ValueAxis['yAxis'] => (option as ValueAxis).yAxis
const unit = { perUnitMinor: 1e8, label: '억 원' }
const quantiles = (x: string) => ({ mean: x, p5: x, p25: x, p50: x, p75: x, p95: x })

/** Every option builder for amounts: a bar's height is the amount, so the axis starts at zero. */
describe('amount charts start at zero', () => {
  it('yearly amounts (agreement schedule, what-if, ledger)', () => {
    const o = yearsChartOption([2026, 2027], unit, [
      { name: 'a', kind: 'bar', color: '#000', values: ['1519200000000', '1551100000000'] },
    ])
    expect(axisOf(o).min).toBe(0)
    expect(axisOf(o).scale).toBeUndefined()
  })

  it('the overview’s stacked totals', async () => {
    initI18n('en')
    await i18next.changeLanguage('en')
    const ov = overviewOf(shippedSnapshot())
    const o = totalsChartOption(ov.rok, ov.lapses, 'KRW', 1300, 'en', translatorOf(i18next.t))
    expect(axisOf(o).min).toBe(0)
  })

  it('the projection fan (amounts per year, not growth rates)', () => {
    const rows = [
      { label: '2030', q: quantiles('1600000000000'), point: true },
      { label: '2031', q: quantiles('1700000000000'), point: false },
    ]
    const texts = { band90: '90', band50: '50', median: 'm', exact: 'e', unit: 'u' }
    const o = fanOption(rows, 'KRW', 'ko', texts, 1e8)
    expect(axisOf(o).min).toBe(0)
    expect(axisOf(o).scale).toBeUndefined()
  })
})
