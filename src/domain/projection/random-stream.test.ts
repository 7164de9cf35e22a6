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
})
