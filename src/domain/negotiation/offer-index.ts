/**
 * Outcomes sorted by one party's utility (ascending): `order[j]` is an outcome, `sorted[j]` its
 * utility, so offers near a target utility are found by binary search.
 */
export type OfferIndex = {
  readonly order: Uint32Array
  readonly sorted: Float64Array
}

const INDEX_BITS = 23
const KEY_BITS = 30

/**
 * Sorts outcome indices by utility (ascending; equal utilities by outcome index). For up to 2^23
 * outcomes it packs a 30-bit quantised utility and the index into one float64 key and uses the
 * native numeric typed-array sort, then an insertion pass restores exact float order inside each
 * quantum; larger spaces use a comparator sort.
 *
 * Example: utilities [0.5, 0.1, 0.9] → order [1, 0, 2], sorted [0.1, 0.5, 0.9].
 */
export function buildOfferIndex(utilities: Float64Array): OfferIndex {
  const n = utilities.length
  const order = new Uint32Array(n)
  if (n > 2 ** INDEX_BITS) {
    for (let i = 0; i < n; i++) order[i] = i
    order.sort((x, y) => (utilities[x] ?? 0) - (utilities[y] ?? 0) || x - y)
  } else {
    let min = Infinity
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      const u = utilities[i] ?? 0
      if (u < min) min = u
      if (u > max) max = u
    }
    const scale = max > min ? (2 ** KEY_BITS - 1) / (max - min) : 0
    const keys = new Float64Array(n)
    const shift = 2 ** INDEX_BITS
    for (let i = 0; i < n; i++)
      keys[i] = Math.floor(((utilities[i] ?? 0) - min) * scale) * shift + i
    keys.sort()
    for (let j = 0; j < n; j++) order[j] = (keys[j] ?? 0) % shift
    // exact order inside each quantum (nearly sorted: insertion pass is O(n + inversions))
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
