import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { shippedJapanSupport } from '../../../../src/record/shipped-host-support.js'
import { initI18n, translatorOf } from '../../i18n/i18n'
import { supportBars, supportChartOption, supportCoverage } from './view'

const japan = shippedJapanSupport()
const bars = supportBars(japan)

describe("Japan's host-nation support chart", () => {
  it('stacks inside and outside where both are known, the total alone otherwise, gaps as unknown', () => {
    const fy2019 = bars.find((b) => b.fy === 2019)
    expect(fy2019).toMatchObject({
      inside: '149700000000',
      outside: '47700000000',
      totalOnly: null,
    })
    expect(fy2019?.provenance).toEqual({ inside: 'derived', outside: 'reported' })
    // FY2016: only the combined outside amount, derived from the total and the inside amount
    expect(bars.find((b) => b.fy === 2016)).toMatchObject({
      inside: '145000000000',
      outside: '47000000000',
    })
    expect(bars.find((b) => b.fy === 2023)).toMatchObject({
      inside: null,
      totalOnly: '211200000000',
    })
    expect(bars.find((b) => b.fy === 2012)?.unknown).toBe(true)
    // inside + outside is the total wherever a bar is stacked (to the 億 the sources round to)
    for (const b of bars)
      if (b.inside && b.outside && b.total) {
        const gap = BigInt(b.inside) + BigInt(b.outside) - BigInt(b.total.amount)
        expect(gap * gap <= 150_000_000n ** 2n, `${b.fy}`).toBe(true)
      }
    expect(supportCoverage(japan)).toEqual({ years: 41, total: 28, inside: 7 })
  })

  it('names the unknown years in the legend and draws them shaded, in both languages', () => {
    initI18n('ko')
    const ko = supportChartOption(bars, 'ko', translatorOf(i18next.t)) as {
      series: {
        name: string
        data: ({ value: number; provenance: string } | null)[]
      }[]
      yAxis: { name: string; min: number; max: number }
    }
    expect(ko.series.map((s) => s.name)).toEqual([
      '특별협정 대상',
      '특별협정 외(제공시설정비비, 복리비 등)',
      '총액(내역 미확인)',
      '미상',
    ])
    expect(ko.yAxis).toMatchObject({ name: '억 엔', min: 0 })
    // unknown years are full-height pale bands, the axis top fixed above the highest bar
    expect(ko.yAxis.max).toBe(3000)
    const bands = ko.series[3]?.data.filter((d) => d !== null) ?? []
    expect(bands).toHaveLength(41 - 28 - 1)
    expect(bands.every((d) => d.value === 3000)).toBe(true)
    // FY1998 (index 11) is an estimate: drawn, and marked as such
    expect(ko.series[2]?.data[11]).toMatchObject({ value: 2538, provenance: 'estimate' })
    initI18n('en')
    const en = supportChartOption(bars, 'en', translatorOf(i18next.t)) as {
      yAxis: { name: string }
    }
    expect(en.yAxis.name).toBe('¥ billion')
  })
})
