import { describe, expect, it } from 'vitest'
import { describeRules } from './describe.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'

const record = loadRecord()
const spec = shippedAgreement

describe('rules in plain words', () => {
  it('renders the 12th SMA in English and Korean', () => {
    expect(describeRules(spec('rok-us-sma-12'), 'en')).toEqual([
      "2026: the published 2025 amount of rok-us-sma-11 × (1 + 8.3 % (negotiated first-year increase)), rounded half-up to ₩100,000,000 (SMA Desk's inference).",
      "2027–2030: the previous year's amount × (1 + Korean CPI growth of year Y−2, capped at 5 %, no floor), rounded half-up to ₩100,000,000 (SMA Desk's inference).",
    ])
    expect(describeRules(spec('rok-us-sma-12'), 'ko')[1]).toBe(
      '2027~2030년: 전년도 분담금에 전전년도 소비자물가상승률을 반영하여 인상하되, 인상률 상한은 5%입니다. 1억 원 단위로 반올림합니다(SMA Desk의 추론).',
    )
  })

  it('renders every rule of every agreement in both languages', () => {
    for (const a of record.agreements) {
      for (const lang of ['en', 'ko'] as const) {
        const lines = describeRules(a, lang)
        expect(lines.length).toBe(a.rules.length)
        for (const l of lines) expect(l).toMatch(/^\d{4}/)
      }
    }
  })
})
