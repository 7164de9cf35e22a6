import type { OutcomeSpace } from './outcome-space.js'
import type { UtilityFunction } from './utility-function.js'
import { groupIndex, issueUtilityTable } from './utility-function.js'
import { issueNumericValue } from './outcome-space.js'
import { NegotiationInputError } from './negotiation-error.js'

/**
 * The utility of every outcome as a Float64Array indexed by outcome (mixed-radix index), unitless
 * in [0, 1] for GENIUS/GeniusWeb profiles.
 *
 * Linear-additive utilities are built as an in-place outer sum of the weighted per-issue tables
 * (issue by issue, no per-outcome objects): about 1.1 additions per outcome. Sums are accumulated
 * in issue order, then capped at 1 when `cap` is set. Hyper-rectangle utilities test each
 * rectangle against an odometer of value indices; sum-of-groups utilities add each group's
 * utility of the outcome's values, groups in profile order.
 *
 * Example: two issues with weighted tables [0, 0.5] and [0, 0.25, 0.5] →
 * Float64Array [0, 0.25, 0.5, 0.5, 0.75, 1].
 */
export function enumerateUtilities(space: OutcomeSpace, utility: UtilityFunction): Float64Array {
  const n = space.size
  if (utility.kind === 'table') {
    if (utility.utilities.length !== n)
      throw new NegotiationInputError(
        `utility table has ${utility.utilities.length} entries for ${n} outcomes`,
        `효용표의 항목은 ${utility.utilities.length}개이지만 결과는 ${n}개입니다.`,
      )
    return Float64Array.from(utility.utilities)
  }
  const out = new Float64Array(n)
  if (utility.kind === 'linear-additive') {
    const tables = space.issues.map((issue, i) => {
      const evaluator = utility.evaluators[i]
      const w = utility.weights[i] ?? 0
      const t =
        evaluator === undefined
          ? new Float64Array(space.sizes[i] ?? 1)
          : issueUtilityTable(issue, evaluator)
      for (let k = 0; k < t.length; k++) t[k] = w * (t[k] ?? 0)
      return t
    })
    outerSumInPlace(out, tables)
    if (utility.cap) for (let i = 0; i < n; i++) if ((out[i] ?? 0) > 1) out[i] = 1
    return out
  }
  const k = space.issues.length
  if (utility.kind === 'sum-of-groups') {
    // groups in profile order; an odometer of value indices, last issue fastest
    const digits = new Int32Array(k)
    for (let o = 0; o < n; o++) {
      let sum = 0
      for (const g of utility.groups) sum += g.utilities[groupIndex(space, g, digits)] ?? 0
      out[o] = sum
      for (let i = k - 1; i >= 0; i--) {
        const d = (digits[i] ?? 0) + 1
        if (d < (space.sizes[i] ?? 1)) {
          digits[i] = d
          break
        }
        digits[i] = 0
      }
    }
    return out
  }
  // hyper-rectangles: per rectangle and issue, a 0/1 mask over value indices
  const masks = utility.rectangles.map((r) => {
    const perIssue: (Uint8Array | null)[] = new Array<Uint8Array | null>(k).fill(null)
    for (const b of r.bounds) {
      const issue = space.issues[b.issue]
      if (issue === undefined) continue
      const size = space.sizes[b.issue] ?? 1
      const m = perIssue[b.issue] ?? new Uint8Array(size).fill(1)
      for (let v = 0; v < size; v++) {
        const x = issueNumericValue(issue, v)
        const inside = x >= b.min && x <= b.max
        if (inside === b.exclude) m[v] = 0
      }
      perIssue[b.issue] = m
    }
    return perIssue
  })
  const digits = new Int32Array(k)
  const scale = utility.maxUtility === 0 ? 0 : 1 / utility.maxUtility
  for (let o = 0; o < n; o++) {
    let sum = 0
    for (let r = 0; r < masks.length; r++) {
      const perIssue = masks[r] ?? []
      let inside = true
      for (let i = 0; i < k && inside; i++) {
        const m = perIssue[i]
        if (m != null && m[digits[i] ?? 0] === 0) inside = false
      }
      if (inside) sum += utility.rectangles[r]?.utility ?? 0
    }
    const u = sum * scale
    out[o] = u > 1 ? 1 : u
    // odometer increment, last issue fastest
    for (let i = k - 1; i >= 0; i--) {
      const d = (digits[i] ?? 0) + 1
      if (d < (space.sizes[i] ?? 1)) {
        digits[i] = d
        break
      }
      digits[i] = 0
    }
  }
  return out
}

/**
 * Writes Σᵢ tableᵢ[digitᵢ] for every mixed-radix index into `out` (length = Π table lengths),
 * first table most significant. Works in place: after step i, `out[0 .. Πⱼ≤ᵢ)` holds the partial
 * sums of the first i + 1 issues.
 *
 * Example: tables [0, 1] and [0, 10] → out = [0, 10, 1, 11].
 */
export function outerSumInPlace(out: Float64Array, tables: readonly Float64Array[]): void {
  out[0] = 0
  let len = 1
  for (const t of tables) {
    const r = t.length
    for (let p = len - 1; p >= 0; p--) {
      const base = out[p] ?? 0
      const at = p * r
      for (let d = r - 1; d >= 0; d--) out[at + d] = base + (t[d] ?? 0)
    }
    len *= r
  }
}
