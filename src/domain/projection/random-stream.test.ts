import { describe, expect, it } from 'vitest'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { chunkStream, RandomSource } from './random-stream.js'

describe('RandomSource', () => {
  it('produces exactly pure-rand xoroshiro128+ outputs from the same state', () => {
    const ref = xoroshiro128plus(42)
    const ours = new RandomSource(xoroshiro128plus(42))
    for (let i = 0; i < 10_000; i++) expect(ours.next()).toBe(ref.next())
  })

  it('derives chunk streams from (seed, chunkIndex) only', () => {
    const a = new RandomSource(chunkStream(7, 3))
    const b = new RandomSource(chunkStream(7, 3))
    const c = new RandomSource(chunkStream(7, 4))
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
  })

  it('rejects seeds outside 0..2^32−1', () => {
    expect(() => chunkStream(-1, 0)).toThrow(RangeError)
    expect(() => chunkStream(2 ** 32, 0)).toThrow(RangeError)
    expect(() => chunkStream(1.5, 0)).toThrow(RangeError)
  })

  it('gives uniforms in [0, 1) and standard normals (mean 0, variance 1 within 4 standard errors)', () => {
    const rs = new RandomSource(chunkStream(1, 0))
    for (let i = 0; i < 1000; i++) {
      const u = rs.uniform()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      const k = rs.int(7)
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true)
    }
    const n = 200_000
    const z = new Float64Array(n)
    rs.fillNormals(z, n)
    let m = 0
    for (const v of z) m += v
    m /= n
    let v2 = 0
    for (const v of z) v2 += (v - m) ** 2
    v2 /= n - 1
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(v2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n))
  })

  it('normals follow N(0, 1): Kolmogorov–Smirnov distance below the 1 % critical value, tails right', () => {
    // Φ by the Abramowitz–Stegun 7.1.26 erf approximation (error < 1.5e-7)
    const phi = (x: number): number => {
      const z = Math.abs(x) / Math.SQRT2
      const t = 1 / (1 + 0.3275911 * z)
      const y =
        1 -
        ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t +
          0.254829592) *
          t *
          Math.exp(-z * z)
      return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y)
    }
    const n = 400_000
    const z = new Float64Array(n)
    new RandomSource(chunkStream(99, 2)).fillNormals(z, n)
    z.sort()
    let d = 0
    for (let i = 0; i < n; i++) {
      const f = phi(z[i] ?? 0)
      d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f))
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n))
    const beyond = (t: number): number => z.filter((v) => Math.abs(v) > t).length / n
    // P(|Z| > 3) = 0.0027 (sd of the estimate 8e-5); P(|Z| > 3.5) = 4.65e-4 (tail strip in use)
    expect(Math.abs(beyond(3) - 0.0027)).toBeLessThan(0.0004)
    expect(Math.abs(beyond(3.5) - 4.65e-4)).toBeLessThan(1.5e-4)
    expect(beyond(3.44)).toBeGreaterThan(0)
  })
})
