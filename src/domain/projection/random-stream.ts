import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

/** Largest seed accepted (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffff_ffff

/**
 * The random stream of one chunk of paths: xoroshiro128+ seeded with `seed`, then jumped
 * `chunkIndex + 1` times (each jump skips 2^64 draws), so chunks never overlap and a chunk's
 * numbers depend only on (seed, chunkIndex), never on which worker runs it.
 * @example chunkStream(1, 0).next() // the same number on every machine and thread count
 */
export function chunkStream(seed: number, chunkIndex: number): RandomGenerator {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}`)
  }
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0) {
    throw new RangeError('chunkIndex must be a non-negative integer')
  }
  const g = xoroshiro128plus(seed | 0)
  for (let i = 0; i <= chunkIndex; i++) g.jump()
  return g
}

const TWO_POW_26 = 67108864
const TWO_POW_53 = 9007199254740992
const TWO_POW_MINUS_31 = 1 / 2147483648

/**
 * A xoroshiro128+ stream with its state in plain fields, producing exactly the numbers
 * pure-rand's `xoroshiro128plus` would from the same state (checked by a test), but with bulk
 * fills whose inner loops keep the state in local variables (about 10× faster than calling
 * `next()` through the generator object).
 */
export class RandomSource {
  #s01: number
  #s00: number
  #s11: number
  #s10: number

  constructor(rng: RandomGenerator) {
    const [s01 = 0, s00 = 0, s11 = 0, s10 = 0] = rng.getState()
    this.#s01 = s01
    this.#s00 = s00
    this.#s11 = s11
    this.#s10 = s10
  }

  /** The next 32-bit output as a signed integer (pure-rand's `next()`). */
  next(): number {
    const s00 = this.#s00
    const s01 = this.#s01
    const s10 = this.#s10
    const s11 = this.#s11
    const out = (s00 + s10) | 0
    const a0 = s10 ^ s00
    const a1 = s11 ^ s01
    this.#s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16)
    this.#s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16))
    this.#s10 = (a1 << 5) ^ (a0 >>> 27)
    this.#s11 = (a0 << 5) ^ (a1 >>> 27)
    return out
  }

  /** A uniform float in [0, 1) with 53 random bits (27 high bits of one draw, 26 of the next). */
  uniform(): number {
    const a = this.next() >>> 5
    const b = this.next() >>> 6
    return (a * TWO_POW_26 + b) / TWO_POW_53
  }

  /** A uniform integer in [0, n) for n ≤ 2^32, from one 32-bit draw by multiply-shift. */
  int(n: number): number {
    return Math.floor(((this.next() >>> 0) / 4294967296) * n)
  }

  /**
   * Fills `out[0..n)` with standard normal draws by Marsaglia's polar method: pairs of
   * uniforms on (−1, 1) from one 32-bit draw each ((o + ½)·2^−31, never 0, resolution 2^−31),
   * rejected outside the unit disc, so the count of raw draws varies, but the sequence depends
   * only on the stream.
   */
  fillNormals(out: Float64Array, n: number): void {
    let s00 = this.#s00
    let s01 = this.#s01
    let s10 = this.#s10
    let s11 = this.#s11
    let i = 0
    while (i < n) {
      let u = 0
      let v = 0
      let s: number
      do {
        // two inlined xoroshiro128+ steps → two uniforms on (−1, 1)
        for (let d = 0; d < 2; d++) {
          const o = (s00 + s10) | 0
          const a0 = s10 ^ s00
          const a1 = s11 ^ s01
          const t00 = s00
          const t01 = s01
          s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16)
          s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16))
          s10 = (a1 << 5) ^ (a0 >>> 27)
          s11 = (a0 << 5) ^ (a1 >>> 27)
          const x = (o + 0.5) * TWO_POW_MINUS_31
          if (d === 0) u = x
          else v = x
        }
        s = u * u + v * v
      } while (s >= 1)
      const f = Math.sqrt((-2 * Math.log(s)) / s)
      out[i++] = u * f
      if (i < n) out[i++] = v * f
    }
    this.#s00 = s00
    this.#s01 = s01
    this.#s10 = s10
    this.#s11 = s11
  }
}
