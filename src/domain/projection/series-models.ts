import type { IndexSeriesSet, SeriesId } from '../index-series/index-series.js'

/** One historical observation: period (year) and value in percent. */
export interface HistoryPoint {
  readonly period: number
  /** As published, decimal text (e.g. "2.1"). */
  readonly text: string
  /** The same value as a float, for statistics only. */
  readonly pct: number
}

/**
 * The record's history of one series over [from, to], one value per period (the latest
 * vintage), in period order. Missing periods are simply absent (the defense-budget series has
 * no 2025 value).
 * @example seriesHistory(record.indices, 'KR_CPI', 2023, 2025).map((p) => p.text) // ["3.6", "2.3", "2.1"]
 */
export function seriesHistory(
  indices: IndexSeriesSet,
  series: SeriesId,
  from: number,
  to: number,
): HistoryPoint[] {
  const latest = new Map<number, string>()
  for (const v of indices[series]?.values ?? []) {
    if (v.period >= from && v.period <= to) latest.set(v.period, v.value) // later release wins
  }
  return [...latest.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([period, text]) => ({ period, text, pct: Number(text) }))
}

/** AR(1) parameters in percent units: x_t = c + φ·x_{t−1} + σ·ε_t, ε ~ N(0, 1). */
export interface Ar1Params {
  readonly c: number
  readonly phi: number
  readonly sigma: number
}

export interface Ar1Fit extends Ar1Params {
  /** Long-run mean c / (1 − φ), or null when φ ≥ 1 (no stationary mean). */
  readonly mean: number | null
  /** Number of (x_{t−1}, x_t) pairs of consecutive periods used. */
  readonly pairs: number
  readonly from: number
  readonly to: number
  /** Sum of squared residuals (for posterior draws). */
  readonly ssr: number
  /** (XᵀX)⁻¹ of the regression on [1, x_{t−1}]: var(ĉ), cov(ĉ, φ̂), var(φ̂) per unit σ². */
  readonly unscaledCov: { readonly cc: number; readonly cphi: number; readonly phiphi: number }
}

/**
 * Fits an AR(1) by ordinary least squares on every pair of consecutive periods in `points`
 * (a gap breaks the chain: no pair spans it). σ is the residual standard deviation with
 * n − 2 degrees of freedom. Throws a RangeError with fewer than 3 pairs.
 * @example
 * // KR_CPI 2000–2025 (latest vintage): 25 pairs → c ≈ 1.1, φ ≈ 0.55, σ ≈ 1.1 (percent)
 * fitAr1(seriesHistory(indices, 'KR_CPI', 2000, 2025))
 */
export function fitAr1(points: readonly HistoryPoint[]): Ar1Fit {
  const xs: number[] = []
  const ys: number[] = []
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]
    const cur = points[i]
    if (prev && cur && cur.period === prev.period + 1) {
      xs.push(prev.pct)
      ys.push(cur.pct)
    }
  }
  const n = xs.length
  if (n < 3) throw new RangeError(`AR(1) fit needs at least 3 consecutive pairs, found ${n}`)
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0
    my += ys[i] ?? 0
  }
  mx /= n
  my /= n
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx
    sxx += dx * dx
    sxy += dx * ((ys[i] ?? 0) - my)
  }
  if (sxx === 0) throw new RangeError('AR(1) fit: the lagged values do not vary')
  const phi = sxy / sxx
  const c = my - phi * mx
  let ssr = 0
  for (let i = 0; i < n; i++) {
    const e = (ys[i] ?? 0) - c - phi * (xs[i] ?? 0)
    ssr += e * e
  }
  const sigma = Math.sqrt(ssr / (n - 2))
  const first = points[0]?.period ?? 0
  const last = points.at(-1)?.period ?? 0
  return {
    c,
    phi,
    sigma,
    mean: phi < 1 ? c / (1 - phi) : null,
    pairs: n,
    from: first,
    to: last,
    ssr,
    unscaledCov: { cc: 1 / n + (mx * mx) / sxx, cphi: -mx / sxx, phiphi: 1 / sxx },
  }
}

/**
 * The blocks a moving block bootstrap draws from: every run of `length` consecutive periods
 * in `points` (runs never span a gap), as values scaled to integers (value × 10^digits).
 * Throws a RangeError when no run is long enough.
 * @example bootstrapBlocks(cpi2000to2025, 3, 1).length // 24 blocks of 3 consecutive years
 */
export function bootstrapBlocks(
  points: readonly HistoryPoint[],
  length: number,
  digits: number,
): number[][] {
  const blocks: number[][] = []
  for (let i = 0; i + length <= points.length; i++) {
    const run = points.slice(i, i + length)
    const start = run[0]?.period ?? 0
    if (run.every((p, j) => p.period === start + j)) {
      blocks.push(run.map((p) => scaledInteger(p.text, digits)))
    }
  }
  if (blocks.length === 0) {
    throw new RangeError(`no run of ${length} consecutive periods to bootstrap from`)
  }
  return blocks
}

/**
 * A decimal text as an exact integer count of 10^−digits (e.g. "2.1" at 1 digit → 21). Throws
 * a RangeError if the text has more decimals than `digits`.
 * @example scaledInteger('-0.35', 2) // -35
 */
export function scaledInteger(text: string, digits: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) throw new RangeError(`not a decimal number: "${text}"`)
  const [, sign = '', int = '0', frac = ''] = m
  if (frac.length > digits) {
    throw new RangeError(`"${text}" has more than ${digits} decimals`)
  }
  const v = Number(int + frac.padEnd(digits, '0'))
  return sign === '-' ? -v : v
}

/**
 * Rounds a float percent to an integer count of 1/scale percent (scale = 10^digits), half away
 * from zero (the published one-decimal convention): 2.349 → 23, 2.36 → 24 at scale 10.
 * @example roundScaled(2.34999, 10) // 23
 */
export function roundScaled(pct: number, scale: number): number {
  const v = pct * scale
  return v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)
}

/** Consecutive (x_{t−1}, x_t) pairs of a history; a gap breaks the chain. */
function consecutivePairs(
  points: readonly HistoryPoint[],
): { period: number; prev: number; cur: number }[] {
  const out: { period: number; prev: number; cur: number }[] = []
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]
    const b = points[i]
    if (a && b && b.period === a.period + 1) out.push({ period: b.period, prev: a.pct, cur: b.pct })
  }
  return out
}

export interface RandomWalkFit {
  /** √(Σd² / m): the spread of year-on-year changes d_t = x_t − x_{t−1} (zero drift), percent. */
  readonly sigma: number
  /** Σd² (for posterior draws of σ). */
  readonly ss: number
  /** Number m of consecutive pairs. */
  readonly pairs: number
  readonly from: number
  readonly to: number
}

/**
 * Fits a random walk without drift, x_t = x_{t−1} + σ·ε_t: σ² is the mean square of the
 * year-on-year changes over every pair of consecutive periods (a gap breaks the chain). Throws a
 * RangeError with fewer than 3 pairs.
 * @example
 * // KR_CPI 2000–2025: 25 changes, Σd² ≈ 37.6 → σ ≈ 1.227 (percentage points)
 * fitRandomWalk(seriesHistory(indices, 'KR_CPI', 2000, 2025)).sigma
 */
export function fitRandomWalk(points: readonly HistoryPoint[]): RandomWalkFit {
  const pairs = consecutivePairs(points)
  if (pairs.length < 3) {
    throw new RangeError(
      `random-walk fit needs at least 3 consecutive pairs, found ${pairs.length}`,
    )
  }
  const ss = pairs.reduce((s, p) => s + (p.cur - p.prev) ** 2, 0)
  return {
    sigma: Math.sqrt(ss / pairs.length),
    ss,
    pairs: pairs.length,
    from: points[0]?.period ?? 0,
    to: points.at(-1)?.period ?? 0,
  }
}

/**
 * One-step residuals of a model x_t = c + φ·x_{t−1} + e_t on a history, by period (for the
 * correlation of two series' shocks). A random walk is c = 0, φ = 1.
 * @example residualsByPeriod(cpi, 0, 1).get(2022) // 2.6 (5.1 − 2.5)
 */
export function residualsByPeriod(
  points: readonly HistoryPoint[],
  c: number,
  phi: number,
): Map<number, number> {
  return new Map(consecutivePairs(points).map((p) => [p.period, p.cur - c - phi * p.prev]))
}

/**
 * Pearson correlation of the values two maps share by key, with the number of shared keys and
 * their range; null with fewer than 5 shared keys or no variation.
 * @example pearsonByPeriod(new Map([[1, 1], [2, 2], …]), new Map([[1, 2], [2, 4], …])) // {rho: 1, pairs: 5, …}
 */
export function pearsonByPeriod(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
): { rho: number; pairs: number; from: number; to: number } | null {
  const keys = [...a.keys()].filter((k) => b.has(k)).sort((x, y) => x - y)
  const n = keys.length
  if (n < 5) return null
  const xs = keys.map((k) => a.get(k) ?? 0)
  const ys = keys.map((k) => b.get(k) ?? 0)
  const mx = xs.reduce((s, v) => s + v, 0) / n
  const my = ys.reduce((s, v) => s + v, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx
    const dy = (ys[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  return { rho: sxy / Math.sqrt(sxx * syy), pairs: n, from: keys[0] ?? 0, to: keys.at(-1) ?? 0 }
}
