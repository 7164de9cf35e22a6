import { performance } from 'node:perf_hooks'
import { evaluateSchedule, parseIndexOverride, publishedLookup } from '../src/domain/index.js'
import { loadRecord } from '../src/record/shipped-record.js'
import type { BenchResult } from './bench-result.js'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

/** Exact engine: how fast a what-if schedule is recomputed (the web app does it per keystroke). */
export function runEngineBench(): Promise<BenchResult[]> {
  const record = loadRecord()
  const publishedOf = publishedLookup(record.agreements)
  const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
  if (!sma12) throw new Error('rok-us-sma-12 missing')
  const overrides = ['KR_CPI:2026=2.5', 'KR_CPI:2027=3.1', 'KR_CPI:2028=7.0'].map(
    parseIndexOverride,
  )
  const ctx = { indices: record.indices, overrides, publishedOf }
  for (let i = 0; i < 2000; i++) evaluateSchedule(sma12, ctx) // warm-up
  const perSchedule: number[] = []
  for (let rep = 0; rep < 7; rep++) {
    const n = 5000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) evaluateSchedule(sma12, ctx)
    perSchedule.push(((performance.now() - t0) * 1000) / n)
  }
  const recordTimes: number[] = []
  const noOverrides = { ...ctx, overrides: [] }
  for (let rep = 0; rep < 7; rep++) {
    const t0 = performance.now()
    for (const a of record.agreements) evaluateSchedule(a, noOverrides)
    recordTimes.push(performance.now() - t0)
  }
  return Promise.resolve([
    {
      name: '12th SMA schedule, 5 years, 3 what-if values',
      value: median(perSchedule),
      unit: 'µs',
      target: 1000,
      note: 'median of 7 × 5,000; target keeps a what-if under 1 ms',
    },
    {
      name: 'whole record (22 agreements) recomputed',
      value: median(recordTimes),
      unit: 'ms',
      target: 50,
    },
  ])
}
