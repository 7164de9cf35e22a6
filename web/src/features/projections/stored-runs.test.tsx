import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import i18next from 'i18next'
import { publishedLookup } from '../../../../src/domain/index.js'
import { loadRecord } from '../../../../src/record/shipped-record.js'
import {
  backtest,
  backtestResultSchema,
  defenseBudgetVariant,
  findShippedScenario,
  isStochastic,
  projectInThread,
  projectionResultSchema,
  shippedScenarios,
} from '../../../../src/domain/projection/index.js'
import type { ProjectionRunView } from '../../../../src/contracts/projections.js'
import { initI18n } from '../../i18n/i18n'
import { requestBody, type ProjectionInput, type ScenarioInfo } from './api'
import { calibrationOption, calibrationRows } from './calibration'
import { RunProgress } from './RunPanel'
import { OfficialForecasts } from './OfficialForecasts'
import { ProjectionResults } from './ProjectionResults'
import { inputFromRequest, runLink, sameFigures } from './run-state'

const rec = loadRecord()
const sma12 = rec.agreements.find((a) => a.id === 'rok-us-sma-12')
const calibrated = findShippedScenario('calibrated')
if (!sma12 || !calibrated) throw new Error('fixture')
const inputs = { indices: rec.indices, publishedOf: publishedLookup(rec.agreements) }
const result = projectionResultSchema.parse(
  projectInThread(
    { specs: [sma12, defenseBudgetVariant(sma12)], scenario: calibrated, paths: 1000, seed: 3 },
    inputs,
  ),
)
const scenarios: ScenarioInfo[] = shippedScenarios().map((s) => ({
  id: s.id,
  version: s.version,
  title: s.title,
  description: s.description,
  stochastic: isStochastic(s),
  scenario: s,
}))

beforeAll(() => {
  initI18n('en')
})
afterEach(cleanup)

const run = (id: string, extra: Partial<ProjectionRunView> = {}): ProjectionRunView => ({
  id,
  status: 'done',
  visibility: 'public',
  ownerParty: 'PUBLIC',
  request: {
    agreement: 'rok-us-sma-12',
    scenario: 'calibrated',
    paths: 1000,
    seed: 3,
    compare: [],
  },
  engine: 'projection@3',
  inputsDigest: 'abc',
  pathsDone: 1000,
  pathsTotal: 1000,
  createdAt: '2026-11-28T01:00:00Z',
  finishedAt: '2026-11-28T01:00:01Z',
  error: null,
  queuePosition: null,
  result,
  ...extra,
})

describe('stored runs on the page', () => {
  it('read a stored request back into the form, for every comparison the form offers', () => {
    for (const compare of [
      { kind: 'none' },
      { kind: 'variant' },
      { kind: 'agreement', id: 'rok-us-sma-11' },
    ] as const) {
      const input: ProjectionInput = {
        agreement: 'rok-us-sma-12',
        scenario: 'calibrated',
        paths: 5000,
        seed: 9,
        compare,
      }
      expect(inputFromRequest(requestBody(input))).toEqual(input)
    }
    expect(inputFromRequest({ spec: sma12, paths: 1, seed: 1, compare: [] })).toBeNull()
    expect(
      inputFromRequest({
        agreement: 'rok-us-sma-12',
        paths: 1,
        seed: 1,
        compare: [{ variant: 'defense-budget-rule', fromYear: 2028 }],
      }),
    ).toBeNull()
  })

  it('compare two runs figure by figure and link to a run', () => {
    expect(sameFigures(run('a'), run('b'))).toBe(true)
    expect(sameFigures(run('a'), run('b', { result: null }))).toBe(false)
    expect(runLink('https://sma.example', 'x y')).toBe('https://sma.example/projections?run=x%20y')
  })
})

describe('calibration chart', () => {
  const bt = backtestResultSchema.parse(
    backtest(calibrated, rec.indices, {
      series: 'KR_CPI',
      origins: { from: 2010, to: 2024 },
      horizons: 3,
      paths: 2000,
      seed: 1,
    }),
  )
  it('draws observed coverage per horizon and in all, against nominal 90 % and 50 % lines', () => {
    const rows = calibrationRows(bt)
    expect(rows.map((r) => r.key)).toEqual(['1', '2', '3', 'all'])
    const texts = {
      band90: 'P5–P95',
      band50: 'P25–P75',
      nominal90: 'n90',
      nominal50: 'n50',
      horizon: (h: number) => `h${h}`,
      all: 'all',
      cases: (h: number, c: number) => `${h}/${c}`,
    }
    const option = calibrationOption(bt, 'en', texts) as {
      series: { data: (number | null)[]; markLine: { data: { yAxis: number }[] } }[]
      tooltip: { formatter: (p: unknown) => string }
    }
    const [s90, s50] = option.series
    expect(s90?.markLine.data[0]?.yAxis).toBe(90)
    expect(s50?.markLine.data[0]?.yAxis).toBe(50)
    const all = bt.coverage.band90
    expect(s90?.data[3]).toBeCloseTo((all.share ?? 0) * 100, 1)
    expect(option.tooltip.formatter([{ dataIndex: 3 }])).toContain(`${all.hits}/${all.cases}`)
  })
})

describe('<OfficialForecasts> and the correlation line', () => {
  it('lists each institution with its date and sources, labelled as theirs (English and Korean)', async () => {
    await i18next.changeLanguage('en')
    render(<OfficialForecasts scenarios={scenarios} />)
    const bok = screen.getByTestId('forecast-bok-2026-05')
    expect(bok.textContent).toContain('Bank of Korea')
    expect(within(bok).getByTestId('forecast-date').textContent).toBe('May 28, 2026')
    expect(within(bok).getByRole('link', { name: 'Chosun Biz' }).getAttribute('href')).toMatch(
      /^https:\/\/biz\.chosun\.com\//,
    )
    expect(screen.getByTestId('forecast-imf-2025-article-iv').textContent).toContain(
      'World Economic Outlook',
    )
    expect(screen.getByTestId('forecast-mnd-midterm-2025-2029').textContent).toContain(
      'December 2024',
    )
    cleanup()
    await i18next.changeLanguage('ko')
    render(<OfficialForecasts scenarios={scenarios} />)
    expect(screen.getByTestId('forecast-bok-2026-05').textContent).toContain('한국은행')
    expect(screen.getByTestId('official-forecasts').textContent).toContain('공식 전망')
    expect(document.body.textContent).not.toMatch(/projections\.\w/)
  })

  it('shows the correlation the two series were drawn with', async () => {
    await i18next.changeLanguage('en')
    render(<ProjectionResults result={result} />)
    expect(screen.getByTestId('correlation').textContent).toMatch(
      /drawn jointly with correlation -?0\.\d\d \(95 % interval/,
    )
    expect(screen.getByTestId('model-KR_CPI').textContent).toContain('Random walk')
  })
})

describe('progress of a stored run', () => {
  it('says how many runs are ahead while queued (English and Korean), then paths done', async () => {
    const queued = run('q', { status: 'running', pathsDone: 0, queuePosition: 2 })
    await i18next.changeLanguage('en')
    render(<RunProgress run={queued} />)
    expect(screen.getByTestId('run-progress-text').textContent).toBe('Queued, 2 ahead')
    expect(screen.getByRole('progressbar').getAttribute('value')).toBeNull()
    cleanup()
    render(<RunProgress run={{ ...queued, queuePosition: 0 }} />)
    expect(screen.getByTestId('run-progress-text').textContent).toBe('Queued, starts next')
    cleanup()
    await i18next.changeLanguage('ko')
    render(<RunProgress run={queued} />)
    expect(screen.getByTestId('run-progress-text').textContent).toBe('대기 중: 앞선 실행 2건')
    cleanup()
    render(<RunProgress run={{ ...queued, queuePosition: null, pathsDone: 500 }} />)
    expect(screen.getByTestId('run-progress-text').textContent).toBe('경로 1,000개 중 500개 완료')
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('500')
    await i18next.changeLanguage('en')
  })
})
