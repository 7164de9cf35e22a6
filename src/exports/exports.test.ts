// Exports as a reader gets them: files written by the `sma` CLI, read back with real readers
// (read-excel-file for XLSX, the CSV parser, Poppler's pdftotext for PDF).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../cli/main.js'
import { computeSchedule } from '../cli/commands/schedule.js'
import { parseCsv, toCsv } from '../domain/exports/csv.js'
import { requestedFormat } from '../domain/exports/table.js'
import { formatScaled } from '../domain/money/format.js'
import { HAS_PDFTOTEXT, pdfText, xlsxSheets } from './test-support.js'

const dir = mkdtempSync(join(tmpdir(), 'sma-exports-'))
const CI = process.env.CI === 'true'

async function sma(...args: string[]): Promise<void> {
  expect(await run(args)).toBe(0)
}

describe('schedule exports of the 12th SMA', () => {
  it('XLSX reads back as the CLI figures, with real numbers and Korean headers', async () => {
    const { schedule } = await computeSchedule('rok-us-sma-12', [], {})
    const out = join(dir, 'sma12.xlsx')
    await sma(
      'export',
      'schedule',
      'rok-us-sma-12',
      '--format',
      'xlsx',
      '--lang',
      'ko',
      '--out',
      out,
    )
    const sheets = await xlsxSheets(readFileSync(out))
    expect(sheets.map((s) => s.sheet)).toEqual(['수치', '출처', '참고'])
    const [header = [], ...rows] = sheets[0]?.data ?? []
    expect(header.slice(0, 4)).toEqual(['연도', '상태', '분담금 (KRW)', '공표 금액 (KRW)'])
    expect(header).toContain('적용 인상률 (%)')
    const amount = header.indexOf('분담금 (KRW)')
    const rate = header.indexOf('적용 인상률 (%)')
    expect(rows.map((r) => r[0])).toEqual(schedule.years.map((y) => y.year))
    expect(
      rows.map((r) => (r[amount] === null ? null : BigInt(r[amount] as number).toString())),
    ).toEqual(schedule.years.map((y) => y.amount))
    expect(typeof rows[0]?.[amount]).toBe('number')
    expect(rows[0]?.[rate]).toBe(8.3)
    expect(rows[1]?.[rate]).toBe(2.1)
    expect(JSON.stringify(sheets[1]?.data)).toContain('https://')
    expect(JSON.stringify(sheets[2]?.data)).toContain('기록 기준일')
  })

  it('CSV is UTF-8 with a BOM and reads back as the CLI figures', async () => {
    const { schedule } = await computeSchedule('rok-us-sma-12', [], {})
    const out = join(dir, 'sma12.csv')
    await sma(
      'export',
      'schedule',
      'rok-us-sma-12',
      '--format',
      'csv',
      '--lang',
      'ko',
      '--out',
      out,
    )
    const bytes = readFileSync(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header = [], ...rows] = parseCsv(bytes.toString('utf8'))
    expect(header[0]).toBe('연도')
    const amount = header.indexOf('분담금 (KRW)')
    expect(rows.map((r) => r[amount] || null)).toEqual(schedule.years.map((y) => y.amount))
    expect(rows.map((r) => r[header.indexOf('지수')])).toEqual(['', 'KR_CPI', '', '', ''])
  })

  it('projection and comparison exports carry percentiles and probabilities', async () => {
    const out = join(dir, 'cmp.csv')
    await sma(
      'export',
      'compare',
      'rok-us-sma-12',
      '--compare',
      'defense-budget-rule',
      '--paths',
      '500',
      '--format',
      'csv',
      '--out',
      out,
      '--no-progress',
    )
    const [header = [], ...rows] = parseCsv(readFileSync(out, 'utf8'))
    expect(header).toContain('P(A costs more)')
    expect(rows.length).toBe(6)
    const xlsx = join(dir, 'proj.xlsx')
    await sma(
      'export',
      'project',
      'rok-us-sma-12',
      '--paths',
      '500',
      '--format',
      'xlsx',
      '--out',
      xlsx,
      '--no-progress',
    )
    const [fig] = await xlsxSheets(readFileSync(xlsx))
    expect(fig?.data[0]).toContain('P(cap binds)')
    expect(fig?.data[2]?.[3]).toBe(1551100000000)
  })
})

describe.skipIf(!HAS_PDFTOTEXT && !CI)('agreement briefs (pdftotext)', () => {
  it('the Korean brief copies out as "1조 5,192억"; the English one as "1,519.2"', async () => {
    for (const [lang, want] of [
      ['ko', '1조 5,192억'],
      ['en', '1,519.2'],
    ] as const) {
      const out = join(dir, `brief-${lang}.pdf`)
      await sma('brief', '--agreement', 'rok-us-sma-12', '--lang', lang, '--out', out)
      const pdf = readFileSync(out)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.length).toBeLessThan(200_000) // the font is embedded as a subset
      const text = pdfText(pdf)
      expect(text).toContain(want)
      expect(text).toContain(
        lang === 'ko' ? '제12차 한미 방위비분담특별협정' : '12th ROK–US Special Measures Agreement',
      )
      const pages = text.split('\f').filter((p) => p.trim() !== '').length
      expect(pages).toBeGreaterThanOrEqual(1)
      expect(pages).toBeLessThanOrEqual(3)
    }
  })
})

describe('export building blocks', () => {
  it('quotes CSV fields and defuses formulas in text cells', () => {
    const csv = toCsv({
      name: 'x',
      title: 'x',
      lang: 'en',
      sources: [],
      notes: [],
      columns: [
        { key: 'a', header: 'a', kind: 'text' },
        { key: 'b', header: 'b', kind: 'money' },
      ],
      rows: [
        ['=HYPERLINK("x")', '-5'],
        ['a,"b"', null],
      ],
    })
    expect(csv).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-5\r\n"a,""b""",\r\n')
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['\'=HYPERLINK("x")', '-5'],
      ['a,"b"', ''],
    ])
  })

  it('picks the format from ?format= first, then Accept', () => {
    expect(requestedFormat('xlsx', 'text/csv')).toBe('xlsx')
    expect(requestedFormat(undefined, 'text/csv')).toBe('csv')
    expect(
      requestedFormat(
        undefined,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    ).toBe('xlsx')
    expect(requestedFormat(undefined, 'application/json')).toBe('json')
  })

  it('writes billions exactly', () => {
    expect(formatScaled('1519200000000', 'KRW')).toBe('₩1,519.2 bn')
    expect(formatScaled('1402800000000', 'KRW')).toBe('₩1,402.8 bn')
    expect(formatScaled('15000000050', 'USD')).toBe('$150.0000005 m')
  })
})
