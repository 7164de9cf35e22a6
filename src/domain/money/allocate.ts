/**
 * Splits an integer total (minor units) into parts proportional to integer weights by the
 * largest-remainder method. Ties in the remainder go to the earlier part in the given order, so
 * the result is fully determined by the order the caller states. The parts always sum to the total.
 * @example allocate(100n, [1n, 1n, 1n]) // [34n, 33n, 33n]
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError('allocate: no parts')
  if (weights.some((w) => w < 0n)) throw new RangeError('allocate: negative weight')
  const sum = weights.reduce((a, b) => a + b, 0n)
  if (sum === 0n) throw new RangeError('allocate: weights sum to zero')
  const negative = total < 0n
  const t = negative ? -total : total
  const parts = weights.map((w) => (t * w) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (t * w) % sum }))
  let left = t - parts.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left === 0n) break
    parts[i] = (parts[i] ?? 0n) + 1n
    left -= 1n
  }
  return negative ? parts.map((p) => -p) : parts
}
