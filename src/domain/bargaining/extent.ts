/**
 * The smallest and largest value of an array (Infinity and −Infinity for an empty one): the one
 * scan every normalisation and quantisation of utilities starts from.
 * @example extent(Float64Array.of(0.5, 0.1, 0.9)) // { min: 0.1, max: 0.9 }
 */
export function extent(values: Float64Array): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0
    if (v < min) min = v
    if (v > max) max = v
  }
  return { min, max }
}
