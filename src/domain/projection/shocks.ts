import type { PlanPosterior } from './plan-types.js'
import type { RandomSource } from './random-stream.js'

/** Per-path parameters of a normal-shock model (one entry per path). */
export interface PathParameters {
  readonly c: Float64Array
  readonly phi: Float64Array
  readonly sigma: Float64Array
}

/**
 * Draws (c, φ, σ) for every path from the posterior of a fitted model under a flat prior:
 * σ² = S / χ²_dof, with χ²_dof the sum of dof squared standard normals from the stream; for an
 * AR(1) also (c, φ) = (ĉ, φ̂) + σ·L·(z₁, z₂) with L the Cholesky factor of (XᵀX)⁻¹. A random walk
 * keeps c = 0, φ = 1. Deterministic for a stream; consumes paths × (dof + 2) normals (AR(1)) or
 * paths × dof (σ only).
 * @example
 * // KR_CPI's random walk, S = 37.6 over 25 changes: σ per path scattered around √(37.6/25) ≈ 1.23
 * drawParameters({ kind: 'sigma', dof: 25, ss: 37.6 }, 0, 1, rs, 10_000).sigma
 */
export function drawParameters(
  posterior: PlanPosterior,
  c: number,
  phi: number,
  rs: RandomSource,
  paths: number,
): PathParameters {
  const dof = posterior.dof
  const z = new Float64Array(paths * dof)
  rs.fillNormals(z, z.length)
  const sigma = new Float64Array(paths)
  for (let p = 0; p < paths; p++) {
    let chi2 = 0
    const o = p * dof
    for (let k = 0; k < dof; k++) {
      const v = z[o + k] ?? 0
      chi2 += v * v
    }
    sigma[p] = Math.sqrt(posterior.ss / chi2)
  }
  const cs = new Float64Array(paths).fill(c)
  const phis = new Float64Array(paths).fill(phi)
  if (posterior.kind === 'ar1') {
    const w = new Float64Array(paths * 2)
    rs.fillNormals(w, w.length)
    const { l11, l21, l22 } = posterior
    for (let p = 0; p < paths; p++) {
      const z1 = w[2 * p] ?? 0
      const z2 = w[2 * p + 1] ?? 0
      const s = sigma[p] ?? 0
      cs[p] = c + s * l11 * z1
      phis[p] = phi + s * (l21 * z1 + l22 * z2)
    }
  }
  return { c: cs, phi: phis, sigma }
}

/**
 * Makes `eps` (one normal per path and period, period-major) correlated with `other` over the
 * periods both windows share: ε ← ρ·ε_other + √(1 − ρ²)·ε, which keeps each a standard normal
 * and gives the pair correlation ρ.
 * @example correlateShocks(epsB, 2026, epsA, 2026, 3, 0.5, paths) // periods 2026–2028 of B now correlate 0.5 with A
 */
export function correlateShocks(
  eps: Float64Array,
  firstPeriod: number,
  other: Float64Array,
  otherFirst: number,
  otherCount: number,
  rho: number,
  paths: number,
): void {
  const count = eps.length / paths
  const k = Math.sqrt(1 - rho * rho)
  for (let i = 0; i < count; i++) {
    const j = firstPeriod + i - otherFirst
    if (j < 0 || j >= otherCount) continue
    const o = i * paths
    const oo = j * paths
    for (let p = 0; p < paths; p++) {
      eps[o + p] = rho * (other[oo + p] ?? 0) + k * (eps[o + p] ?? 0)
    }
  }
}
