import { describe, expect, it } from 'vitest'
import { describeRule, findAgreement, type AgreementSpec } from '../../../../src/domain/index.js'
import { shippedSnapshot } from '../../../../src/record/shipped-record.js'
import { categoryTable, lifecycleSteps, ruleLines, shareText, termTotalMinor } from './view'

const snapshot = shippedSnapshot()
const spec = (id: string): AgreementSpec => {
  const s = findAgreement(snapshot, id)
  if (!s) throw new Error(`${id} missing from the record`)
  return s
}

describe('agreement view model', () => {
  it("states each rule in the domain's words, in either language", () => {
    const sma12 = spec('rok-us-sma-12')
    const en = ruleLines(sma12, 'en')
    expect(en.map((r) => r.id)).toEqual(sma12.rules.map((r) => r.id))
    expect(en[1]?.text).toBe(describeRule(sma12.rules[1] ?? sma12.rules[0]!, 'KRW', 'en'))
    expect(en[1]?.text).toContain('Korean CPI growth of year Y−2, capped at 5 %')
    expect(ruleLines(sma12, 'ko')[1]?.text).toContain('소비자물가상승률')
  })

  it('splits a year by category with exact totals and shares (the domain’s categoryRows)', () => {
    const table = categoryTable(spec('rok-us-sma-09'), 'en')
    expect(table?.currency).toBe('KRW')
    const y2015 = table?.rows.find((r) => r.year === 2015)
    expect(y2015?.total).toBe('932000000000')
    expect(y2015?.cells.find((c) => c.code === 'labor')).toEqual({
      code: 'labor',
      minor: '349000000000',
      share: '37.4 %',
    })
    expect(categoryTable(spec('jp-us-sma-2016'), 'en')).toBeNull()
  })

  it('writes shares in tenths of a percent as the reader writes them', () => {
    expect(shareText(374n, 'en')).toBe('37.4 %')
    expect(shareText(1000n, 'ko')).toBe('100.0%')
  })

  it('lists the lifecycle from negotiators to expiry with each recorded fact', () => {
    const sma12 = spec('rok-us-sma-12')
    const steps = lifecycleSteps(sma12)
    expect(steps).toHaveLength(8)
    expect(steps[0]?.step).toBe('negotiatorsAppointed')
    expect(steps.find((s) => s.step === 'approvalHost')?.fact).toBe(sma12.lifecycle.approval.host)
    expect(steps.at(-1)).toMatchObject({
      step: 'expiry',
      fact: { status: 'known', date: '2030-12-31' },
    })
  })

  it('gives a published term total in minor units', () => {
    expect(termTotalMinor(spec('jp-us-sma-2016'))).toMatchObject({
      minor: '946500000000',
      currency: 'JPY',
    })
    expect(termTotalMinor(spec('rok-us-sma-12'))).toBeNull()
  })
})
