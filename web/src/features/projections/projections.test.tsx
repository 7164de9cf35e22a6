import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { publishedLookup } from '../../../../src/domain/index.js'
import { loadRecord } from '../../../../src/record/shipped-record.js'
import {
  MAX_PATHS as DOMAIN_MAX_PATHS,
  MAX_SEED as DOMAIN_MAX_SEED,
  defenseBudgetVariant,
  findShippedScenario,
  projectInThread,
  projectionResultSchema,
} from '../../../../src/domain/projection/index.js'
import { initI18n } from '../../i18n/i18n'
import { requestBody } from './api'
import { ProjectionResults } from './ProjectionResults'
import { fanOption, fanRows, formatShare, histogramOption, MAX_PATHS, MAX_SEED } from './view'

const rec = loadRecord()
const sma12 = rec.agreements.find((a) => a.id === 'rok-us-sma-12')
const ar1 = findShippedScenario('ar1')
if (!sma12 || !ar1) throw new Error('fixture')
// The same JSON the API answers (the API parses with the same schema before sending).
const result = projectionResultSchema.parse(
  projectInThread(
    { specs: [sma12, defenseBudgetVariant(sma12)], scenario: ar1, paths: 2000, seed: 7 },
    { indices: rec.indices, publishedOf: publishedLookup(rec.agreements) },
  ),
)

beforeAll(() => {
  initI18n('en')
})
afterEach(cleanup)

describe('projection view helpers', () => {
  it('use the API limits of the domain', () => {
    expect(MAX_PATHS).toBe(DOMAIN_MAX_PATHS)
    expect(MAX_SEED).toBe(DOMAIN_MAX_SEED)
  })

  it('build the request body for the variant and for another agreement', () => {
    const base = { agreement: 'rok-us-sma-12', scenario: 'ar1', paths: 500, seed: 3 }
    expect(requestBody({ ...base, compare: { kind: 'variant' } }).compare).toEqual([
      { variant: 'defense-budget-rule' },
    ])
    expect(
      requestBody({ ...base, compare: { kind: 'agreement', id: 'rok-us-sma-11' } }).compare,
    ).toEqual(['rok-us-sma-11'])
    expect(requestBody({ ...base, compare: { kind: 'none' } }).compare).toEqual([])
  })

  it('draw exact years as points and open the band at the last exact year', () => {
    const p = result.projections[0]
    if (!p) throw new Error('no projection')
    const rows = fanRows(p, 'nominal')
    expect(rows.map((r) => r.point)).toEqual([true, true, false, false, false])
    const texts = { band90: 'a', band50: 'b', median: 'm', exact: 'e', unit: 'u' }
    const option = fanOption(rows, 'KRW', 'en', texts, 1e9) as {
      series: { name: string; data: (number | null)[] }[]
    }
    const [base, lower, , , median, exact] = option.series
    expect(base?.data[0]).toBeNull() // 2026: no band
    expect(base?.data[1]).toBeCloseTo(1551.1) // 2027: band of zero width (the fan opens here)
    expect(lower?.data[1]).toBe(0)
    expect(median?.data[0]).toBeNull()
    expect(exact?.data.slice(0, 2)).toEqual([1519.2, 1551.1])
    expect(exact?.data[2]).toBeNull()
  })

  it('label histogram bins exactly in the tooltip', () => {
    const h = { lower: ['100', '150'], width: '50', counts: [1, 3] }
    const option = histogramOption(
      h,
      'KRW',
      'en',
      { share: 's', unit: 'u', paths: (n) => `${n} paths` },
      1,
    ) as { tooltip: { formatter: (p: unknown) => string }; series: { data: number[] }[] }
    expect(option.series[0]?.data).toEqual([25, 75])
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe('[₩150, ₩200)<br/>3 paths (75.0 %)')
    expect(formatShare(0.0085, 'ko')).toBe('0.9%')
  })
})

describe('<ProjectionResults>', () => {
  it('shows exact figures, quantiles, cap binding and the comparison in English', async () => {
    await i18next.changeLanguage('en')
    render(<ProjectionResults result={result} />)
    const row2027 = screen.getByTestId('proj-0-year-2027')
    expect(within(row2027).getByTestId('exact').textContent).toContain('₩1,551,100,000,000')
    const row2029 = screen.getByTestId('proj-0-year-2029')
    const q = (k: string) =>
      BigInt(row2029.querySelector(`[data-q="${k}"]`)?.getAttribute('data-minor') ?? '0')
    expect(q('p5') < q('p50') && q('p50') < q('p95')).toBe(true)
    expect(within(row2029).getByTestId('cap-binds').textContent).toMatch(/^\d+\.\d %$/)
    expect(screen.getByTestId('comparison-0').textContent).toContain('costs more')
    expect(screen.getByTestId('model-KR_CPI').textContent).toContain('2000–2025 (25 pairs)')
  })

  it('shows won as 조/억 in Korean with the exact amount on hover', async () => {
    await i18next.changeLanguage('ko')
    render(<ProjectionResults result={result} />)
    const money = within(screen.getByTestId('proj-0-year-2026')).getByTestId('exact')
    expect(money.querySelector('.money')?.textContent).toBe('1조 5,192억 원')
    expect(money.querySelector('.money')?.getAttribute('title')).toBe('₩1,519,200,000,000')
    expect(document.body.textContent).not.toMatch(/projections\.\w/)
  })
})
