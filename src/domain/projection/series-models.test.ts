import { describe, expect, it } from 'vitest'
import { chunkStream, RandomSource } from './random-stream.js'
import {
  bootstrapBlocks,
  fitAr1,
  fitRandomWalk,
  pearsonByPeriod,
  residualsByPeriod,
  roundScaled,
  scaledInteger,
  seriesHistory,
  type HistoryPoint,
} from './series-models.js'
import { record } from './test-fixtures.js'

describe('seriesHistory', () => {
  it('takes the latest vintage per period and skips missing periods', () => {
    const cpi = seriesHistory(record.indices, 'KR_CPI', 2000, 2025)
    expect(cpi).toHaveLength(26)
    expect(cpi.find((p) => p.period === 2010)?.text).toBe('2.9') // rebased, not the first 3.0
    const db = seriesHistory(record.indices, 'KR_DEFENSE_BUDGET', 2018, 2026)
    expect(db.map((p) => p.period)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2026])
  })
})

describe('fitAr1', () => {
  it('recovers known parameters from 20,000 synthetic points (tolerance: 5 standard errors)', () => {
    // x_t = 1.0 + 0.6·x_{t−1} + 0.8·ε: se(φ) ≈ √((1−φ²)/n) = 0.0057, se(c) ≈ 0.015, se(σ) ≈ 0.004
    const rs = new RandomSource(chunkStream(2024, 0))
    const n = 20_000
    const eps = new Float64Array(n)
    rs.fillNormals(eps, n)
    const pts: HistoryPoint[] = []
    let x = 2.5
    for (let i = 0; i < n; i++) {
      x = 1.0 + 0.6 * x + 0.8 * (eps[i] ?? 0)
      pts.push({ period: 1000 + i, text: '', pct: x })
    }
    const f = fitAr1(pts)
    expect(f.pairs).toBe(n - 1)
    expect(Math.abs(f.phi - 0.6)).toBeLessThan(0.03)
    expect(Math.abs(f.c - 1.0)).toBeLessThan(0.08)
    expect(Math.abs(f.sigma - 0.8)).toBeLessThan(0.02)
    expect(Math.abs((f.mean ?? 0) - 2.5)).toBeLessThan(0.1)
  })

  it('is exact on a noiseless series and never pairs across a gap', () => {
    const pts: HistoryPoint[] = [
      { period: 1, text: '', pct: 1 },
      { period: 2, text: '', pct: 2 }, // x_t = 2·x_{t−1} exactly
      { period: 3, text: '', pct: 4 },
      { period: 4, text: '', pct: 8 },
      { period: 6, text: '', pct: 100 }, // after a gap: no (8, 100) pair
      { period: 7, text: '', pct: 200 },
    ]
    const f = fitAr1(pts)
    expect(f.pairs).toBe(4)
    expect(f.phi).toBeCloseTo(2, 12)
    expect(f.c).toBeCloseTo(0, 10)
    expect(f.sigma).toBeCloseTo(0, 10)
    expect(f.mean).toBeNull()
  })

  it('fits the record CPI 2000–2025 (documented figures)', () => {
    const f = fitAr1(seriesHistory(record.indices, 'KR_CPI', 2000, 2025))
    expect(f.pairs).toBe(25)
    expect(f.phi).toBeGreaterThan(0.3)
    expect(f.phi).toBeLessThan(0.7)
    expect(f.sigma).toBeGreaterThan(0.8)
    expect(f.sigma).toBeLessThan(1.4)
  })

  it('needs three pairs', () => {
    expect(() =>
      fitAr1([
        { period: 1, text: '', pct: 1 },
        { period: 2, text: '', pct: 2 },
      ]),
    ).toThrow(RangeError)
  })
})

describe('bootstrapBlocks', () => {
  it('takes runs of consecutive periods only, scaled exactly', () => {
    const db = seriesHistory(record.indices, 'KR_DEFENSE_BUDGET', 2018, 2026)
    const blocks = bootstrapBlocks(db, 2, 1)
    expect(blocks).toHaveLength(6) // 2018–19 … 2023–24; nothing spans the missing 2025
    expect(blocks[0]).toEqual([70, 82])
    expect(() => bootstrapBlocks(db, 8, 1)).toThrow(RangeError)
  })
})

describe('scaling and rounding', () => {
  it('scales decimal text exactly and rejects extra decimals', () => {
    expect(scaledInteger('2.1', 1)).toBe(21)
    expect(scaledInteger('5', 1)).toBe(50)
    expect(scaledInteger('-0.35', 2)).toBe(-35)
    expect(() => scaledInteger('2.15', 1)).toThrow(RangeError)
  })
  it('rounds half away from zero', () => {
    expect(roundScaled(2.34999, 10)).toBe(23)
    expect(roundScaled(2.25, 10)).toBe(23)
    expect(roundScaled(-2.25, 10)).toBe(-23)
    expect(roundScaled(-0.04, 10)).toBe(-0)
  })
})

describe('fitRandomWalk, residualsByPeriod, pearsonByPeriod', () => {
  const cpi = seriesHistory(record.indices, 'KR_CPI', 2000, 2025)

  it('estimates σ from the year-on-year changes (zero drift) and skips gaps', () => {
    const f = fitRandomWalk(cpi)
    expect(f.pairs).toBe(25)
    let ss = 0
    for (let i = 1; i < cpi.length; i++) ss += ((cpi[i]?.pct ?? 0) - (cpi[i - 1]?.pct ?? 0)) ** 2
    expect(f.ss).toBeCloseTo(ss, 12)
    expect(f.sigma).toBeCloseTo(Math.sqrt(ss / 25), 12)
    const db = fitRandomWalk(seriesHistory(record.indices, 'KR_DEFENSE_BUDGET', 2000, 2026))
    expect(db.pairs).toBe(24) // 2001–2024; 2026 has no 2025 to pair with
    expect(() => fitRandomWalk(cpi.slice(0, 3))).toThrow(RangeError)
  })

  it('gives one-step residuals by period', () => {
    const rw = residualsByPeriod(cpi, 0, 1)
    expect(rw.get(2022)).toBeCloseTo(2.6, 12) // 5.1 − 2.5
    expect(rw.has(2000)).toBe(false)
    const f = fitAr1(cpi)
    const ar = residualsByPeriod(cpi, f.c, f.phi)
    const ssr = [...ar.values()].reduce((s, e) => s + e * e, 0)
    expect(ssr).toBeCloseTo(f.ssr, 10)
  })

  it('correlates the periods two maps share (null below five)', () => {
    const a = new Map([1, 2, 3, 4, 5, 6].map((k) => [k, k] as [number, number]))
    const b = new Map([2, 3, 4, 5, 6, 7].map((k) => [k, -2 * k + 1] as [number, number]))
    expect(pearsonByPeriod(a, b)).toEqual({ rho: -1, pairs: 5, from: 2, to: 6 })
    const short = new Map([[1, 1] as [number, number]])
    expect(pearsonByPeriod(a, short)).toBeNull()
  })
})
