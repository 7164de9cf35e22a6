/** A seeded pseudo-random source: `next()` returns a float in [0, 1). */
export type Rng = { readonly next: () => number }

/**
 * A small deterministic PRNG (sfc32 seeded through splitmix32), so simulations are reproducible
 * in Node and the browser. The state lives in the returned closure.
 *
 * Example: `createRng(42).next()` returns the same number on every run; two generators with the
 * same seed produce the same sequence.
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return { next }
}
