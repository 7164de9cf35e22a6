import { performance } from 'node:perf_hooks'
import { agreementBriefFile, scheduleFile } from '../src/exports/make.js'
import { shippedSnapshot } from '../src/record/shipped-record.js'
import type { BenchResult } from './bench-result.js'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/**
 * Briefs (issue 12): the 12th SMA's PDF brief must be made in under 2 s. Measured cold (the first
 * in the process: reading and parsing the Korean font) and warm, in both languages, beside a
 * baseline in the same run: the XLSX of the same schedule (everything but the PDF).
 */
export async function runBriefBench(): Promise<BenchResult[]> {
  const record = shippedSnapshot()
  const now = new Date('2026-12-02T00:00:00Z')
  const brief = (lang: 'ko' | 'en') =>
    agreementBriefFile(record, 'rok-us-sma-12', lang, '2026-12-02', now)
  const cold = await time(() => brief('ko'))
  const ko: number[] = []
  const en: number[] = []
  const xlsx: number[] = []
  for (let i = 0; i < 7; i++) {
    ko.push(await time(() => brief('ko')))
    en.push(await time(() => brief('en')))
    xlsx.push(
      await time(() =>
        scheduleFile(record, 'rok-us-sma-12', { lang: 'ko', format: 'xlsx', today: '2026-12-02' }),
      ),
    )
  }
  return [
    {
      name: '12th SMA brief (ko), first in the process',
      value: cold,
      unit: 'ms',
      target: 2000,
      note: 'includes reading the 2 Noto Sans KR files',
    },
    {
      name: '12th SMA brief (ko), warm',
      value: median(ko),
      unit: 'ms',
      target: 2000,
      note: 'median of 7',
    },
    {
      name: '12th SMA brief (en), warm',
      value: median(en),
      unit: 'ms',
      target: 2000,
      note: 'median of 7',
    },
    {
      name: 'baseline: 12th SMA schedule XLSX (ko)',
      value: median(xlsx),
      unit: 'ms',
      note: 'median of 7; the same schedule and words without the PDF',
    },
  ]
}
