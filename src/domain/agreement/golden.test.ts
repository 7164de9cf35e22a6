// Golden scenarios: agreement + what-if inputs in, yearly figures out (fixtures/scenarios/*.json).
// Expected values come from the published record and hand calculations, not from the engine.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { evaluateSchedule } from './evaluate.js'
import { publishedLookup } from '../record/record.js'
import { loadRecord } from '../../record/shipped-record.js'
import { parseIndexOverride } from '../index-series/index-series.js'

const dir = join(import.meta.dirname, '../../../fixtures/scenarios')
const golden = z.strictObject({
  name: z.string(),
  agreement: z.string(),
  overrides: z.array(z.string()),
  expect: z.record(z.string(), z.string().nullable()),
  capBinding: z.record(z.string(), z.boolean()).optional(),
  differsFromPublished: z.array(z.string()).optional(),
  source: z.string(),
})
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
const record = loadRecord()

describe('golden scenarios', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
  })
  describe.each(files)('%s', (file) => {
    const g = golden.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')))
    const spec = record.agreements.find((a) => a.id === g.agreement)
    const schedule = spec
      ? evaluateSchedule(spec, {
          indices: record.indices,
          overrides: g.overrides.map(parseIndexOverride),
          publishedOf: publishedLookup(record.agreements),
        })
      : undefined
    it(g.name, () => {
      expect(schedule).toBeDefined()
      for (const [year, amount] of Object.entries(g.expect)) {
        const fig = schedule?.years.find((y) => y.year === Number(year))
        expect(fig, `year ${year}`).toBeDefined()
        expect(fig?.amount, `amount ${year}`).toBe(amount)
        expect(fig?.status, `status ${year}`).toBe(amount === null ? 'pending' : 'computed')
      }
      for (const [year, binding] of Object.entries(g.capBinding ?? {})) {
        const d = schedule?.years.find((y) => y.year === Number(year))?.derivation
        expect(d?.type).toBe('escalated')
        if (d?.type === 'escalated' && d.rate.kind === 'index') {
          expect(d.rate.binding === 'cap', `cap binding ${year}`).toBe(binding)
        }
      }
      for (const year of g.differsFromPublished ?? []) {
        expect(
          schedule?.years.find((y) => y.year === Number(year))?.matchesPublished,
          `differs ${year}`,
        ).toBe(false)
      }
    })
  })
})
