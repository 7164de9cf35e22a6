import { extent } from './extent.js'

/**
 * Outcomes sorted by one party's utility (ascending): `order[j]` is an outcome, `sorted[j]` its
 * utility, so offers near a target utility are found by binary search.
 */
export type OfferIndex = {
  readonly order: Uint32Array
  readonly sorted: Float64Array
}

const RADIX_BITS = 11
const RADIX = 1 << RADIX_BITS

/**
 * Sorts outcome indices by utility (ascending; equal utilities by outcome index): an O(n) stable
 * LSD radix sort (3 passes of 11 bits) on a 32-bit quantised utility, then an insertion pass that
 * restores exact float order inside each quantum (nearly sorted, so O(n + inversions)).
 *
 * Example: utilities [0.5, 0.1, 0.9] → order [1, 0, 2], sorted [0.1, 0.5, 0.9].
 */
export function buildOfferIndex(utilities: Float64Array): OfferIndex {
  const n = utilities.length
  const { min, max } = extent(utilities)
  const scale = max > min ? 4294967295 / (max - min) : 0
  let keys = new Uint32Array(n)
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    keys[i] = Math.floor(((utilities[i] ?? 0) - min) * scale)
    order[i] = i
  }
  let keys2 = new Uint32Array(n)
  let order2 = new Uint32Array(n)
  const counts = new Uint32Array(RADIX)
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0)
    for (let i = 0; i < n; i++) {
      const d = ((keys[i] ?? 0) >>> shift) & (RADIX - 1)
      counts[d] = (counts[d] ?? 0) + 1
    }
    let sum = 0
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d] ?? 0
      counts[d] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i] ?? 0
      const d = (key >>> shift) & (RADIX - 1)
      const pos = counts[d] ?? 0
      counts[d] = pos + 1
      keys2[pos] = key
      order2[pos] = order[i] ?? 0
    }
    ;[keys, keys2] = [keys2, keys]
    ;[order, order2] = [order2, order]
  }
  // exact order inside each quantum
  for (let j = 1; j < n; j++) {
    const o = order[j] ?? 0
    const u = utilities[o] ?? 0
    let k = j - 1
    while (k >= 0) {
      const p = order[k] ?? 0
      const v = utilities[p] ?? 0
      if (v < u || (v === u && p < o)) break
      order[k + 1] = p
      k--
    }
    order[k + 1] = o
  }
  const sorted = new Float64Array(n)
  for (let j = 0; j < n; j++) sorted[j] = utilities[order[j] ?? 0] ?? 0
  return { order, sorted }
}

/**
 * First position j with `sorted[j] ≥ target` (n when none).
 *
 * Example: sorted [0.1, 0.5, 0.9], target 0.4 → 1; target 1 → 3.
 */
export function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}
