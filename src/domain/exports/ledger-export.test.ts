// The ledger as an export table: the same figures as the ledger JSON (exact won), each figure's
// provenance, the identity checks (gaps spelled out with year and difference), and the notes.
import { describe, expect, it } from 'vitest'
import { ledgerInRecord } from '../ledger/ledger.js'
import { shippedLedgers } from '../../record/ledger-files.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { parseCsv, toCsv } from './csv.js'
import { ledgerExport } from './ledger-export.js'

const snapshot = shippedSnapshot()
const files = shippedLedgers()
const view = (id: string) => ledgerInRecord(snapshot, id, files)

describe('ledgerExport', () => {
  it('carries every money figure of the ledger JSON, exactly, in every shipped ledger', () => {
    for (const f of files) {
      const v = view(f.agreement)
      const t = ledgerExport(v, '2026-12-03', 'en')
      const col = (key: string) => t.columns.findIndex((c) => c.key === key)
      expect(t.rows).toHaveLength(v.years.length)
      v.years.forEach((y, i) => {
        const r = t.rows[i] ?? []
        expect(r[col('year')]).toBe(String(y.year))
        expect(r[col('contribution')]).toBe(y.contribution)
        expect(r[col('labor')]).toBe(y.allocated.labor)
        expect(r[col('constructionInKind')]).toBe(y.allocated.constructionInKind)
        expect(r[col('total')]).toBe(y.allocated.total)
        expect(r[col('executed')]).toBe(y.executed)
        expect(r[col('carriedOverIn')]).toBe(y.carriedOverIn)
        expect(r[col('carriedOverOut')]).toBe(y.carriedOverOut)
        expect(r[col('lapsed')]).toBe(y.lapsed)
      })
    }
  })

  it('says how each 2019 figure is known, in Korean, with the engine’s contribution', () => {
    const t = ledgerExport(view('rok-us-sma-10'), '2026-12-03', 'ko')
    const [header = [], row = []] = parseCsv(toCsv(t))
    expect(header).toContain('인건비 (KRW)')
    expect(row[header.indexOf('분담금 총액 (KRW)')]).toBe('1038900000000')
    expect(row[header.indexOf('인건비 (KRW)')]).toBe('500500000000')
    expect(row[header.indexOf('근거 구분')]).toContain('인건비: 언론 보도')
    expect(row[header.indexOf('항등식 검증')]).toContain('항목 합계: 성립')
    expect(t.sources.map((s) => s.url)).toContain(
      'https://mobile.newsis.com/view_amp.html?ar_id=NISX20210310_0001366189',
    )
  })

  it('spells out an identity gap with its year and exact difference', () => {
    const t = ledgerExport(view('rok-us-sma-08'), '2026-12-03', 'en')
    const checks = t.columns.findIndex((c) => c.key === 'checks')
    const y2011 = t.rows.find((r) => r[0] === '2011') ?? []
    expect(y2011[checks]).toContain('2011: does not hold')
    expect(y2011[checks]).toContain('₩100,000,000')
    const ko = ledgerExport(view('rok-us-sma-08'), '2026-12-03', 'ko')
    expect(ko.rows.find((r) => r[0] === '2012')?.[checks]).toContain('차이 16억 원')
  })

  it('leaves unknown figures empty and says what was looked for and what was not found', () => {
    const t = ledgerExport(view('rok-us-sma-11'), '2026-12-03', 'en')
    const col = (key: string) => t.columns.findIndex((c) => c.key === key)
    const y2024 = t.rows.find((r) => r[0] === '2024') ?? []
    expect(y2024[col('labor')]).toBeNull()
    expect(y2024[col('executed')]).toBeNull()
    expect(y2024[col('lookedFor')]).toMatch(/Defense White Papers/)
    expect(t.notes.join('\n')).toContain('Categories known and adding up: none')
    expect(t.notes.some((n) => n.startsWith('Not found:'))).toBe(true)
    expect(t.notes.some((n) => n.startsWith('2023: Accumulated unspent in-kind'))).toBe(true)
  })
})
