import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunkStream, RandomSource } from './random-stream.js'
import { correlateShocks, drawParameters } from './shocks.js'

const stream = (seed: number) => new RandomSource(chunkStream(seed, 0))
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length

describe('drawParameters', () => {
  it('draws σ² = S / χ²_m with the right mean (S / (m − 2)) and keeps a random walk a random walk', () => {
    const n = 40_000
    const p = drawParameters({ kind: 'sigma', dof: 25, ss: 31.9 }, 0, 1, stream(1), n)
    const s2 = Array.from(p.sigma, (s) => s * s)
    // E[σ²] = 31.9 / 23 = 1.387; sd of the sample mean ≈ 1.387·√(2/21)/√n ≈ 0.0021
    expect(Math.abs(mean(s2) - 31.9 / 23)).toBeLessThan(0.015)
    expect(p.c.every((c) => c === 0)).toBe(true)
    expect(p.phi.every((f) => f === 1)).toBe(true)
  })

  it('draws (c, φ) around the estimates with covariance σ²·(XᵀX)⁻¹ for an AR(1)', () => {
    const n = 40_000
    // (XᵀX)⁻¹ = [[0.5, −0.1], [−0.1, 0.04]] → L = [[0.7071, 0], [−0.1414, 0.1414]]
    const l11 = Math.sqrt(0.5)
    const l21 = -0.1 / l11
    const l22 = Math.sqrt(0.04 - l21 * l21)
    const p = drawParameters(
      { kind: 'ar1', dof: 20, ss: 18, l11, l21, l22 },
      1.2,
      0.5,
      stream(2),
      n,
    )
    expect(Math.abs(mean(p.c) - 1.2)).toBeLessThan(0.02)
    expect(Math.abs(mean(p.phi) - 0.5)).toBeLessThan(0.005)
    const es2 = 18 / 18 // E[σ²] = S / (dof − 2)
    const varPhi = mean(Array.from(p.phi, (f) => (f - 0.5) ** 2))
    expect(Math.abs(varPhi - 0.04 * es2)).toBeLessThan(0.004)
  })

  it('is reproducible for a stream', () => {
    const a = drawParameters({ kind: 'sigma', dof: 10, ss: 5 }, 0, 1, stream(3), 100)
    const b = drawParameters({ kind: 'sigma', dof: 10, ss: 5 }, 0, 1, stream(3), 100)
    expect(a).toEqual(b)
  })
})

describe('correlateShocks', () => {
  it('gives the pair correlation ρ and unit variance on shared periods, and leaves others alone (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (rho, seed) => {
          const paths = 8000
          const rs = stream(seed)
          const a = new Float64Array(paths * 3) // periods 2026–2028
          const b = new Float64Array(paths * 3) // periods 2027–2029
          rs.fillNormals(a, a.length)
          rs.fillNormals(b, b.length)
          const before = Float64Array.from(b)
          correlateShocks(b, 2027, a, 2026, 3, rho, paths)
          // 2029 (b's third period) has no partner: unchanged
          expect(b.subarray(2 * paths)).toEqual(before.subarray(2 * paths))
          // b's 2027 pairs with a's 2027 (a's second period)
          const x = a.subarray(paths, 2 * paths)
          const y = b.subarray(0, paths)
          const my = mean(y)
          const vy = mean(Array.from(y, (v) => (v - my) ** 2))
          const mx = mean(x)
          const cov = mean(Array.from(y, (v, i) => (v - my) * ((x[i] ?? 0) - mx)))
          const r = cov / Math.sqrt(vy * mean(Array.from(x, (v) => (v - mx) ** 2)))
          expect(Math.abs(vy - 1)).toBeLessThan(0.08)
          expect(Math.abs(r - rho)).toBeLessThan(0.05)
        },
      ),
      { numRuns: 25 },
    )
  })
})
