// Golden files of the plain-words explanations: every agreement of the shipped record, every
// year, in Korean and English, exactly as the domain produces them (describeRules for the rules,
// explainYear for each year: with the record's names as the CLI and the server print them, and
// without names as the web app's derivation panel shows them), plus the what-if scenarios of
// fixtures/scenarios. The files sit in __golden__/ next to this test and are compared exactly.
//
// Regenerate after an intended change of wording or data, then review the diff line by line:
//   UPDATE_GOLDEN=1 npx vitest run --project domain src/domain/agreement/explain.golden.test.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeRules } from './describe.js'
import { evaluateSchedule, type Schedule } from './evaluate.js'
import { explainYear } from './explain.js'
import { evaluationContext } from '../record/record.js'
import { parseIndexOverride } from '../index-series/index-series.js'
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
