import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import type { NegotiationSummary } from '../../../../src/contracts/negotiations.js'
import { shippedSnapshot } from '../../../../src/record/shipped-record.js'
import { initI18n, translatorOf } from '../../i18n/i18n'
import {
  deadlineItems,
  displayValue,
  inForceOn,
  overviewOf,
  rateOf,
  spanOf,
  termSpan,
  timelineTicks,
  totalsChartOption,
} from './view'

const overview = overviewOf(shippedSnapshot())

const negotiation = (deadlines: NegotiationSummary['nextDeadline'][]): NegotiationSummary => ({
  id: 'rok-us-sma-13-negotiation',
  title: { en: 'Negotiation of the 13th SMA', ko: '제13차 협상' },
  replaces: 'rok-us-sma-12',
  successor: null,
  visibility: 'public',
  status: 'open',
  lapse: null,
  nextDeadline: deadlines[0] ?? null,
})
const deadline = (kind: string, date: string) => ({ kind, date, label: kind, sources: [] })

describe('overview view model', () => {
  it('orders each host nation’s agreements by term, with the ROK lapses', () => {
    expect(overview.rok).toHaveLength(12)
    expect(overview.jp).toHaveLength(10)
    expect(overview.rok[0]?.spec.id).toBe('rok-us-sma-01')
    expect(overview.lapses.map((l) => `${l.from}…${l.to}`)).toContain('2020-01-01…2021-08-31')
  })

  it('says what is in force on a day, or which lapse it falls in', () => {
    const now = inForceOn(overview, '2026-11-28')
    expect(now.current?.id).toBe('rok-us-sma-12')
    expect(now.period?.to).toBe('2030-12-31')
    const lapse = inForceOn(overview, '2020-06-01')
    expect(lapse.current).toBeUndefined()
    expect(lapse.lapse?.from).toBe('2020-01-01')
  })

  it('lists coming deadlines soonest first, the predecessor’s expiry once', () => {
    const n = negotiation([deadline('election', '2028-11-07')])
    const items = deadlineItems(
      overview.rok,
      [n],
      () => [
        deadline('predecessor-expiry', '2030-12-31'),
        deadline('election', '2028-11-07'),
        deadline('external', '2020-01-01'),
      ],
      '2026-11-28',
    )
    expect(items.map((i) => `${i.kind} ${i.date}`)).toEqual([
      'negotiation 2028-11-07',
      'expiry 2030-12-31',
    ])
    // Without the details, the summary's next deadline stands in.
    const fromSummary = deadlineItems([], [n], () => undefined, '2026-11-28')
    expect(fromSummary.map((i) => i.date)).toEqual(['2028-11-07'])
  })

  it('places terms on the 1991–2030 axis', () => {
    const first = termSpan(overview.rok[0]!.spec)
    expect(first.left).toBe(0)
    expect(first.width).toBeGreaterThan(5)
    expect(spanOf('2020-01-01', '2020-01-02', 0.4).width).toBe(0.4)
    expect(timelineTicks().map((t) => t.year)).toEqual([
      1991, 1996, 2001, 2006, 2011, 2016, 2021, 2026,
    ])
  })

  it('converts amounts for display at the chosen rate', () => {
    // $1,000,000 (cents) at ₩1,300: ₩1.3 bn (en) / 13 × ₩100 million (ko)
    expect(displayValue('100000000', 'USD', 'KRW', 1300, 'en')).toBeCloseTo(1.3)
    expect(displayValue('100000000', 'USD', 'KRW', 1300, 'ko')).toBeCloseTo(13)
    expect(displayValue('1300000000', 'KRW', 'USD', 1300, 'en')).toBeCloseTo(1)
    expect(rateOf('1200')).toBe(1200)
    expect(rateOf('0')).toBeNull()
    expect(rateOf('x')).toBeNull()
  })

  it('stacks every agreement in the totals chart and marks lapse years', async () => {
    initI18n('en')
    await i18next.changeLanguage('en')
    const option = totalsChartOption(
      overview.rok,
      overview.lapses,
      'KRW',
      1300,
      'en',
      translatorOf(i18next.t),
    ) as {
      series: { name: string; data: ({ lapse?: boolean; converted?: boolean } | null)[] }[]
    }
    expect(option.series).toHaveLength(12)
    const sma11 = option.series.find((s) => s.name === 'SMA 11')
    expect(sma11?.data[2020 - 1991]?.lapse).toBe(true)
    expect(option.series[0]?.data[0]?.converted).toBe(true)
  })
})
