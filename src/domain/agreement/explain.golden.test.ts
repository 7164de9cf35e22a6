// Golden files of the plain-words explanations: every agreement of the shipped record, every
// year, in Korean and English, exactly as the domain produces them (describeRules for the rules,
// explainYear for each year: with the record's names as the CLI and the server print them, and
// without names as the web app's derivation panel shows them), plus the what-if scenarios of
// fixtures/scenarios, and made-up agreements for the rule shapes the record does not use yet
// (floors, other lags and rounding modes, appropriated amounts, dollar amounts with cents,
// user-added index releases). The files sit in __golden__/ next to this test and are compared exactly.
//
// Regenerate after an intended change of wording or data, then review the diff line by line:
//   UPDATE_GOLDEN=1 npx vitest run --project domain src/domain/agreement/explain.golden.test.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeRules } from './describe.js'
import { evaluateSchedule, type EvaluationContext, type Schedule } from './evaluate.js'
import { explainYear } from './explain.js'
import { agreementSpecSchema, type AgreementSpec, type Rule } from './spec.js'
import { evaluationContext } from '../record/record.js'
import { parseIndexOverride, type IndexSeriesSet } from '../index-series/index-series.js'
import type { Lang } from '../text/localized.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { explainNames } from '../../record/shipped-sources.js'

const goldenDir = join(import.meta.dirname, '__golden__')
const scenarioDir = join(import.meta.dirname, '../../../fixtures/scenarios')
const update = process.env.UPDATE_GOLDEN === '1'
const snapshot = shippedSnapshot()
const names = explainNames(snapshot.agreements)
const langs: readonly Lang[] = ['ko', 'en']

function render(schedule: Schedule, lang: Lang, rules: readonly string[] | null): string {
  const out: string[] = [`# ${schedule.agreement} (${lang})`]
  if (rules) out.push('', '## rules', ...rules)
  for (const fig of schedule.years) {
    out.push('', `## ${fig.year}: with the record's names (CLI, server)`)
    out.push(...explainYear(fig, schedule.currency, lang, names))
    out.push('', `## ${fig.year}: without names (web derivation panel)`)
    out.push(...explainYear(fig, schedule.currency, lang))
  }
  return `${out.join('\n')}\n`
}

function compare(file: string, actual: string): void {
  const path = join(goldenDir, file)
  if (update) {
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, actual)
    return
  }
  expect(existsSync(path), `${file} missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

describe('golden explanations of the shipped record', () => {
  it('cover every agreement', () => {
    expect(snapshot.agreements.length).toBeGreaterThanOrEqual(20)
  })
  describe.each(snapshot.agreements.map((a) => a.id))('%s', (id) => {
    const spec = snapshot.agreements.find((a) => a.id === id)
    it.each(langs)('%s', (lang) => {
      expect(spec).toBeDefined()
      if (!spec) return
      const schedule = evaluateSchedule(spec, evaluationContext(snapshot))
      compare(`record/${id}.${lang}.txt`, render(schedule, lang, describeRules(spec, lang)))
    })
  })
})

describe('golden explanations of the what-if scenarios', () => {
  const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.json'))
  const withOverrides = files
    .map((f) => ({
      file: f,
      g: JSON.parse(readFileSync(join(scenarioDir, f), 'utf8')) as {
        agreement: string
        overrides: string[]
      },
    }))
    .filter(({ g }) => g.overrides.length > 0)
  it('exist', () => {
    expect(withOverrides.length).toBeGreaterThanOrEqual(5)
  })
  describe.each(withOverrides)('$file', ({ file, g }) => {
    it.each(langs)('%s', (lang) => {
      const spec = snapshot.agreements.find((a) => a.id === g.agreement)
      expect(spec).toBeDefined()
      if (!spec) return
      const ctx = evaluationContext(snapshot, g.overrides.map(parseIndexOverride))
      const name = file.replace(/\.json$/, '')
      compare(`scenarios/${name}.${lang}.txt`, render(evaluateSchedule(spec, ctx), lang, null))
    })
  })
})

// Made-up agreements (ids "synthetic-…"): every rule shape the record does not use yet, so the
// wording of floors, lags, rounding modes, budgets and dollar amounts is read before it ships.
const sma12 = snapshot.agreements.find((a) => a.id === 'rok-us-sma-12')
const sma11 = snapshot.agreements.find((a) => a.id === 'rok-us-sma-11')
if (!sma12 || !sma11) throw new Error('the record lost the 11th or 12th SMA')
const [firstYear, escalation] = sma12.rules
if (firstYear?.kind !== 'negotiated-increase' || escalation?.kind !== 'index-linked')
  throw new Error('the 12th SMA changed shape')
const governmentSources = sma12.published[0]?.sources ?? []
const pressSources = sma11.published.find((p) => p.year === 2020)?.sources ?? []
const half = { mode: 'half-up', step: '100000000' } as const
const published = (year: number, amount: string, sources: readonly string[]) => ({
  year,
  currency: 'KRW' as const,
  amount,
  precision: '100000000',
  basis: 'published' as const,
  confidence: 'high' as const,
  sources: [...sources],
})
const synthetic = (
  id: string,
  term: [number, number],
  rules: Rule[],
  extra: Partial<AgreementSpec> = {},
): AgreementSpec =>
  agreementSpecSchema.parse({
    ...sma12,
    id,
    term: { firstYear: term[0], lastYear: term[1], yearKind: 'calendar' },
    published: [],
    rules,
    ...extra,
  })
// the 12th SMA's escalation without its citations and its note (which speaks of its own cap)
const { note: _note, ...plainEscalation } = escalation
const index = (over: Partial<Extract<Rule, { kind: 'index-linked' }>>): Rule => ({
  ...plainEscalation,
  cite: [],
  ...over,
})
/** A user-added CPI release the source registry does not know, without a release date. */
const preliminary = (): IndexSeriesSet => {
  const cpi = snapshot.indices.KR_CPI
  if (!cpi) throw new Error('no CPI')
  return {
    ...snapshot.indices,
    KR_CPI: {
      ...cpi,
      values: [
        ...cpi.values,
        {
          period: 2027,
          value: '2.4',
          vintage: 'preliminary',
          releasedOn: null,
          sources: ['https://example.org/preliminary-cpi-2027'],
        },
      ],
    },
  }
}
const syntheticCases: { spec: AgreementSpec; ctx: EvaluationContext }[] = [
  {
    // rules given out of term order; years of a rule out of order
    spec: synthetic(
      'synthetic-bounds',
      [2026, 2030],
      [
        index({
          id: 'defense-same-year',
          years: [2030],
          series: 'KR_DEFENSE_BUDGET',
          vintage: 'latest',
          lag: 0,
          cap: { kind: 'none' },
          floor: { kind: 'none' },
          rounding: { mode: 'floor', step: '100000000', basis: 'text' },
        }),
        index({
          id: 'lag-three',
          years: [2029],
          lag: 3,
          cap: { kind: 'none' },
          floor: { kind: 'rate', pct: '1' },
          rounding: { mode: 'ceil', step: '1000000' },
          note: 'An English-only note.',
        }),
        index({
          id: 'bounded',
          years: [2028, 2027],
          cap: { kind: 'rate', pct: '5' },
          floor: { kind: 'rate', pct: '0' },
          rounding: { mode: 'half-even', step: '100000000', basis: 'text' },
          note: { en: 'A floor of 0 % and a cap of 5 %.', ko: '하한 0%, 상한 5%.' },
        }),
        { ...firstYear, rounding: { mode: 'truncate', step: '100000000' } },
      ],
      {
        published: [
          published(2029, '1000000000000', governmentSources),
          published(2030, '1700000000000', pressSources),
        ],
      },
    ),
    ctx: evaluationContext(
      snapshot,
      ['KR_CPI:2025=-1.2', 'KR_CPI:2026=7.3'].map(parseIndexOverride),
    ),
  },
  {
    spec: synthetic(
      'synthetic-budget',
      [2026, 2030],
      [
        {
          id: 'budget',
          kind: 'appropriated',
          cite: governmentSources,
          amounts: [
            {
              year: 2026,
              amount: '1000000000001',
              provenance: 'published',
              sources: governmentSources,
              components: [
                { currency: 'KRW', amount: '900000000001' },
                { currency: 'USD', amount: '75000000' },
              ],
            },
            { year: 2027, amount: '1000000000003', provenance: 'reported', sources: pressSources },
          ],
        },
        {
          id: 'gap',
          kind: 'unknown',
          cite: [],
          years: [2028],
          reason: 'No figure located (English only).',
          note: { en: 'The gap year.', ko: '공백 연도.' },
        },
        index({ id: 'after-gap', years: [2029], lag: 2, rounding: half }),
        {
          id: 'fixed',
          kind: 'fixed-percentage',
          cite: [],
          years: [2030],
          ratePct: '3.0',
          base: { kind: 'previous-year' },
          rounding: half,
        },
      ],
      {
        published: [
          published(2026, '1000000000000', governmentSources),
          published(2030, '1100000000000', governmentSources),
        ],
      },
    ),
    ctx: { ...evaluationContext(snapshot), indices: preliminary() },
  },
  {
    spec: synthetic(
      'synthetic-dollars',
      [2026, 2029],
      [
        { id: 'flat', kind: 'flat', cite: [], years: [2026], amount: '333.33' },
        {
          id: 'fixed',
          kind: 'fixed-percentage',
          cite: [],
          years: [2027],
          ratePct: '10.0',
          base: { kind: 'previous-year' },
          rounding: { mode: 'truncate', step: '1', basis: 'text' },
        },
        index({
          id: 'preliminary',
          years: [2028],
          lag: 1,
          cap: { kind: 'none' },
          floor: { kind: 'none' },
          rounding: { mode: 'half-up', step: '1' },
        }),
        {
          id: 'fixed-cents',
          kind: 'fixed-percentage',
          cite: [],
          years: [2029],
          ratePct: '10.0',
          base: { kind: 'previous-year' },
          rounding: { mode: 'half-up', step: '0.01', basis: 'text' },
        },
      ],
      { currency: { kind: 'single', code: 'USD' } },
    ),
    ctx: { ...evaluationContext(snapshot), indices: preliminary() },
  },
  {
    spec: synthetic(
      'synthetic-fraction',
      [2026, 2027],
      [
        { id: 'flat', kind: 'flat', cite: [], years: [2026], amount: '123456789' },
        index({ id: 'cpi', years: [2027], rounding: { mode: 'half-even', step: '1000' } }),
      ],
    ),
    ctx: evaluationContext(snapshot),
  },
]

describe('golden explanations of made-up agreements', () => {
  describe.each(syntheticCases.map((c) => ({ id: c.spec.id, ...c })))(
    '$id',
    ({ id, spec, ctx }) => {
      it.each(langs)('%s', (lang) => {
        compare(
          `synthetic/${id}.${lang}.txt`,
          render(evaluateSchedule(spec, ctx), lang, describeRules(spec, lang)),
        )
      })
    },
  )
})

describe('names that do not know an agreement or a source', () => {
  it('fall back to the id in English and to "the previous agreement" in Korean', () => {
    const s = evaluateSchedule(sma12, evaluationContext(snapshot))
    const fig = s.years[0]
    if (!fig) throw new Error('no 2026')
    const none = { agreementTitle: () => undefined, source: () => undefined }
    expect(explainYear(fig, 'KRW', 'en', none)[1]).toBe(
      'Base: rok-us-sma-11 2025, ₩1,402,800,000,000 (published figure)',
    )
    expect(explainYear(fig, 'KRW', 'ko', none)).toEqual(explainYear(fig, 'KRW', 'ko'))
    const y2027 = s.years[1]
    if (!y2027) throw new Error('no 2027')
    expect(explainYear(y2027, 'KRW', 'en', none)[2]).toBe(
      'Index: KR_CPI 2025 = 2.1 % (lag 2; first release (= current series), 2025-12-31)',
    )
  })
})
