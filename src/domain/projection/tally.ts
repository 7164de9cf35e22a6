import { ProjectionError } from './projection-error.js'

/**
 * An exact frequency table of integer values (amounts in units of `ProjectionPlan.unit`):
 * `counts[i]` paths had value `min + i`. Simulated amounts are whole rounding steps, so a
 * term's worth of paths spans a few thousand values at most and the table gives exact
 * quantiles in O(n) without sorting, merges by addition, and is small to send between threads.
 */
export interface Tally {
  readonly min: number
  readonly counts: Uint32Array
  readonly n: number
  /** Sum of all values (exact: integers below 2^53). */
  readonly sum: number
}

/** Widest table accepted (values from min to min + MAX_SPAN − 1). */
export const MAX_SPAN = 1 << 24

/**
 * Tallies integer values (floats holding integers).
 * @example tallyOf(Float64Array.of(3, 5, 5)) // { min: 3, counts: [1, 0, 2], n: 3, sum: 13 }
 */
export function tallyOf(values: Float64Array): Tally {
  let min = Infinity
  let max = -Infinity
  let sum = 0
  const n = values.length
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0
    if (v < min) min = v
    if (v > max) max = v
    sum += v
  }
  if (values.length === 0) return { min: 0, counts: new Uint32Array(0), n: 0, sum: 0 }
  const span = max - min + 1
  if (!(span <= MAX_SPAN)) {
    throw new ProjectionError(
      `simulated amounts span ${span} rounding steps: too wide to tally`,
      `모의 금액이 반올림 단위 ${span}개에 걸쳐 있어 범위가 너무 넓으므로 집계할 수 없습니다.`,
    )
  }
  const counts = new Uint32Array(span)
  for (let i = 0; i < n; i++) {
    const j = (values[i] ?? 0) - min
    counts[j] = (counts[j] ?? 0) + 1
  }
  return { min, counts, n: values.length, sum }
}

/**
 * Adds tallies (order does not matter: the result is exact).
 * @example mergeTallies([tallyOf(Float64Array.of(1)), tallyOf(Float64Array.of(3))]).counts // [1, 0, 1]
 */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const live = tallies.filter((t) => t.n > 0)
  if (live.length === 0) return { min: 0, counts: new Uint32Array(0), n: 0, sum: 0 }
  const min = Math.min(...live.map((t) => t.min))
  const max = Math.max(...live.map((t) => t.min + t.counts.length - 1))
  if (max - min + 1 > MAX_SPAN) {
    throw new ProjectionError(
      'merged amounts too wide to tally',
      '합친 모의 금액의 범위가 너무 넓어 집계할 수 없습니다.',
    )
  }
  const counts = new Uint32Array(max - min + 1)
  let n = 0
  let sum = 0
  for (const t of live) {
    const off = t.min - min
    for (let i = 0; i < t.counts.length; i++) {
      counts[off + i] = (counts[off + i] ?? 0) + (t.counts[i] ?? 0)
    }
    n += t.n
    sum += t.sum
  }
  return { min, counts, n, sum }
}

/** The value of rank r (0-based) in the sorted sample. */
function orderStatistic(t: Tally, r: number): number {
  let seen = 0
  for (let i = 0; i < t.counts.length; i++) {
    seen += t.counts[i] ?? 0
    if (seen > r) return t.min + i
  }
  return t.min + t.counts.length - 1
}

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (Hyndman–Fan
 * type 7, NumPy's default): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * @example tallyQuantile(tallyOf(Float64Array.of(1, 2, 3, 4)), 0.5) // 2.5
 */
export function tallyQuantile(t: Tally, q: number): number {
  if (t.n === 0) return NaN
  const h = (t.n - 1) * q
  const lo = Math.floor(h)
  const a = orderStatistic(t, lo)
  if (lo + 1 >= t.n) return a
  const b = orderStatistic(t, lo + 1)
  return a + (h - lo) * (b - a)
}

/**
 * Number of tallied paths whose value satisfies `pred`.
 * @example tallyCount(tallyOf(Float64Array.of(-1, 0, 2)), (v) => v > 0) // 1
 */
export function tallyCount(t: Tally, pred: (v: number) => boolean): number {
  let c = 0
  for (let i = 0; i < t.counts.length; i++) if (pred(t.min + i)) c += t.counts[i] ?? 0
  return c
}

/**
 * At most `bins` equal-width bins over [min, max] of a tally: bin i holds values in
 * [min + i·w, min + (i+1)·w), w = ⌈(max − min + 1) / bins⌉.
 * @example tallyHistogram(tallyOf(Float64Array.of(0, 1, 2, 3)), 2) // { lower: [0, 2], width: 2, counts: [2, 2] }
 */
export function tallyHistogram(
  t: Tally,
  bins: number,
): { lower: number[]; width: number; counts: number[] } {
  const span = t.counts.length
  if (span === 0) return { lower: [], width: 1, counts: [] }
  const width = Math.max(1, Math.ceil(span / bins))
  const nb = Math.ceil(span / width)
  const lower: number[] = []
  const counts: number[] = []
  for (let b = 0; b < nb; b++) {
    lower.push(t.min + b * width)
    let c = 0
    for (let i = b * width; i < Math.min(span, (b + 1) * width); i++) c += t.counts[i] ?? 0
    counts.push(c)
  }
  return { lower, width, counts }
}
