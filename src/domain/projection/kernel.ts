import type { ProjectionPlan, SpecProgram } from './plan.js'
import { ProjectionError } from './projection-error.js'
import { chunkStream, RandomSource } from './random-stream.js'
import { tallyOf, type Tally } from './tally.js'

/**
 * Paths per chunk. Fixed (never derived from the worker count), so a run's random numbers
 * depend only on (seed, chunk index) and results are identical with 1, 2 or 4 workers.
 */
export const CHUNK_SIZE = 16384

/** Tallies of one chunk, in amount units (see `ProjectionPlan.unit`). */
export interface ChunkResult {
  readonly chunkIndex: number
  readonly paths: number
  readonly programs: readonly {
    /** Per year of the program's term (null for unknown years). */
    readonly years: readonly (Tally | null)[]
    /** Sum over the term (null when any year is unknown). */
    readonly total: Tally | null
    /** Paths on which the cap (floor) bound, per year. */
    readonly capBinds: readonly number[]
    readonly floorBinds: readonly number[]
  }[]
  /** Program 0 minus program j (j = 1…), per common year and over the term. */
  readonly comparisons: readonly {
    readonly years: readonly { readonly year: number; readonly tally: Tally }[]
    readonly total: Tally | null
  }[]
}

const MODES = { 'half-up': 0, 'half-even': 1, floor: 2, ceil: 3, truncate: 4 } as const
const MAX_EXACT = 2 ** 52

/** A program compiled into parallel typed arrays for the inner loop. */
interface CompiledProgram {
  readonly n: number
  readonly kind: Int8Array // 0 exact, 1 escalate, 2 unknown
  readonly base: Float64Array // NaN: previous year's simulated amount
  readonly slot: Int32Array // −1: constant rate
  readonly k: Float64Array
  readonly cap: Float64Array // +Infinity: none
  readonly floor: Float64Array // −Infinity: none
  readonly den: Float64Array // 100 · scale · stepUnits
  readonly step: Float64Array
  readonly mode: Int8Array
  readonly capBind: Int8Array // constant rates: known binding (1 cap, 2 floor)
}

function compile(plan: ProjectionPlan, program: SpecProgram): CompiledProgram {
  const n = program.years.length
  const c: CompiledProgram = {
    n,
    kind: new Int8Array(n),
    base: new Float64Array(n),
    slot: new Int32Array(n).fill(-1),
    k: new Float64Array(n),
    cap: new Float64Array(n).fill(Infinity),
    floor: new Float64Array(n).fill(-Infinity),
    den: new Float64Array(n),
    step: new Float64Array(n),
    mode: new Int8Array(n),
    capBind: new Int8Array(n),
  }
  program.years.forEach((op, i) => {
    if (op.kind === 'exact') {
      c.kind[i] = 0
      c.capBind[i] = op.binding === 'cap' ? 1 : op.binding === 'floor' ? 2 : 0
      return
    }
    if (op.kind === 'unknown') {
      c.kind[i] = 2
      return
    }
    c.kind[i] = 1
    c.base[i] = op.baseUnits ?? NaN
    c.den[i] = 100 * plan.scale * op.stepUnits
    c.step[i] = op.stepUnits
    c.mode[i] = MODES[op.mode]
    if (op.rate.kind === 'slot') {
      c.slot[i] = op.rate.slot
      if (op.rate.capK !== null) c.cap[i] = op.rate.capK
      if (op.rate.floorK !== null) c.floor[i] = op.rate.floorK
    } else {
      c.k[i] = op.rate.k
      c.capBind[i] = op.rate.binding === 'cap' ? 1 : op.rate.binding === 'floor' ? 2 : 0
    }
  })
  return c
}

/**
 * Draws every simulated slot of `paths` paths into `out` (paths × plan.slots, integers of
 * 1/scale percent), series by series in plan order. AR(1) draws one normal per path and period
 * of its window (also for periods the record already has, which reset the state), propagates
 * the continuous value and rounds each period half away from zero to the published decimals
 * before a rule reads it. Block bootstrap draws ⌈window/L⌉ block starts per path.
 * @example
 * // AR(1) c = 1, φ = 0.5, σ = 0 from 2.1 → 2.05 → 2.025: slots 21, 20 (scale 10)
 */
export function simulateIndices(
  plan: ProjectionPlan,
  rs: RandomSource,
  paths: number,
  out: Int32Array,
): void {
  const slots = plan.slots
  const scale = plan.scale
  for (const s of plan.series) {
    const m = s.model
    const count = s.count
    if (m.kind === 'ar1') {
      const eps = new Float64Array(paths * count)
      rs.fillNormals(eps, eps.length)
      const known = Float64Array.from(s.known, (k) => (k === null ? NaN : k))
      const { c, phi, sigma } = m
      for (let p = 0; p < paths; p++) {
        const o = p * slots + s.slot0
        const e0 = p * count
        let x = m.start
        for (let i = 0; i < count; i++) {
          const kn = known[i] ?? NaN
          if (kn === kn) {
            x = kn / scale
            out[o + i] = kn
          } else {
            x = c + phi * x + sigma * (eps[e0 + i] ?? 0)
            const v = x * scale
            out[o + i] = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)
          }
        }
      }
    } else if (m.kind === 'bootstrap') {
      for (let p = 0; p < paths; p++) {
        const o = p * slots + s.slot0
        let i = 0
        while (i < count) {
          const block = m.blocks[rs.int(m.blocks.length)] ?? []
          for (let j = 0; j < block.length && i < count; j++, i++) {
            out[o + i] = s.known[i] ?? block[j] ?? 0
          }
        }
      }
    } else {
      for (let p = 0; p < paths; p++) {
        const o = p * slots + s.slot0
        for (let i = 0; i < count; i++) out[o + i] = m.values[i] ?? 0
      }
    }
  }
}

/**
 * Applies one program's yearly rules to simulated slots, writing each year's amount in units
 * into `amounts` (paths × years; NaN for unknown years, 0 for exact years whose amount is the
 * op's constant) and counting cap and floor bindings per year. Integer arithmetic on units in
 * float64, exact below 2^52: A' = round(A × (100·scale + k) / (100·scale·step)) × step — the
 * same value `evaluateSchedule` gives with bigint rationals.
 * @example
 * // unit 10^8 won: A = 15,511, k = 21 (2.1 %), step 1 → round(15,511 × 1,021 / 1,000) = 15,837
 */
export function applyProgram(
  plan: ProjectionPlan,
  program: SpecProgram,
  ks: Int32Array,
  paths: number,
  amounts: Float64Array,
  capBinds: number[],
  floorBinds: number[],
): void {
  const c = compile(plan, program)
  const n = c.n
  const slots = plan.slots
  const f0 = 100 * plan.scale
  for (let i = 0; i < n; i++) {
    capBinds[i] = c.kind[i] === 0 || c.slot[i] === -1 ? (c.capBind[i] === 1 ? paths : 0) : 0
    floorBinds[i] = c.kind[i] === 0 || c.slot[i] === -1 ? (c.capBind[i] === 2 ? paths : 0) : 0
  }
  for (let p = 0; p < paths; p++) {
    const row = p * n
    const krow = p * slots
    let prev = NaN
    for (let i = 0; i < n; i++) {
      const kind = c.kind[i]
      if (kind === 0) {
        amounts[row + i] = 0
        prev = NaN // an exact year's amount is a constant base, compiled into the next op
        continue
      }
      if (kind === 2) {
        amounts[row + i] = NaN
        prev = NaN
        continue
      }
      const b = c.base[i] ?? NaN
      const base = Number.isNaN(b) ? prev : b
      const slot = c.slot[i] ?? -1
      let k: number
      if (slot >= 0) {
        k = ks[krow + slot] ?? 0
        const cap = c.cap[i] ?? Infinity
        const floor = c.floor[i] ?? -Infinity
        let binding = 0
        if (k > cap) {
          k = cap
          binding = 1
        }
        if (k < floor) {
          k = floor
          binding = 2
        }
        if (binding === 1) capBinds[i] = (capBinds[i] ?? 0) + 1
        else if (binding === 2) floorBinds[i] = (floorBinds[i] ?? 0) + 1
      } else {
        k = c.k[i] ?? 0
      }
      const num = base * (f0 + k)
      const den = c.den[i] ?? 1
      if (!(num >= 0 && num < MAX_EXACT)) {
        throw new ProjectionError(
          `${program.agreement.id} ${program.years[i]?.year}: amount out of the exact float range`,
        )
      }
      // exact integer division: the float quotient is corrected by its exact remainder
      let q = Math.floor(num / den)
      let rem = num - q * den
      if (rem < 0) {
        q -= 1
        rem += den
      } else if (rem >= den) {
        q += 1
        rem -= den
      }
      const twice = 2 * rem
      switch (c.mode[i]) {
        case 0: // half-up (ties away from zero; amounts are positive)
          if (twice >= den) q += 1
          break
        case 1: // half-even
          if (twice > den || (twice === den && q % 2 === 1)) q += 1
          break
        case 3: // ceil
          if (rem > 0) q += 1
          break
        default: // floor, truncate (equal for positive amounts)
          break
      }
      const a = q * (c.step[i] ?? 1)
      amounts[row + i] = a
      prev = a
    }
  }
}

/**
 * Runs one chunk: its own random stream from (seed, chunkIndex), index simulation, every
 * program, and exact integer tallies per year, over the term and for each comparison.
 * @example runChunk(plan, 1, 0, CHUNK_SIZE).programs[0].capBinds // e.g. [0, 0, 1203, 1514, 1620]
 */
export function runChunk(
  plan: ProjectionPlan,
  seed: number,
  chunkIndex: number,
  paths: number,
): ChunkResult {
  const rs = new RandomSource(chunkStream(seed, chunkIndex))
  const ks = new Int32Array(paths * plan.slots)
  simulateIndices(plan, rs, paths, ks)
  const all = plan.programs.map((program) => {
    const n = program.years.length
    const amounts = new Float64Array(paths * n)
    const capBinds: number[] = []
    const floorBinds: number[] = []
    applyProgram(plan, program, ks, paths, amounts, capBinds, floorBinds)
    return { program, n, amounts, capBinds, floorBinds }
  })
  const column = (a: Float64Array, n: number, i: number): Float64Array => {
    const out = new Float64Array(paths)
    for (let p = 0; p < paths; p++) out[p] = a[p * n + i] ?? NaN
    return out
  }
  const totalOf = (a: Float64Array, n: number, unknown: boolean): Float64Array | null => {
    if (unknown) return null
    const out = new Float64Array(paths)
    for (let p = 0; p < paths; p++) {
      let s = 0
      for (let i = 0; i < n; i++) s += a[p * n + i] ?? 0
      out[p] = s
    }
    return out
  }
  const totals = all.map(({ program, n, amounts }) =>
    totalOf(
      amounts,
      n,
      program.years.some((y) => y.kind === 'unknown'),
    ),
  )
  const programs = all.map(({ program, n, amounts, capBinds, floorBinds }, j) => {
    const total = totals[j]
    return {
      years: program.years.map((y, i) =>
        y.kind === 'unknown' ? null : tallyOf(column(amounts, n, i)),
      ),
      total: total ? tallyOf(total) : null,
      capBinds,
      floorBinds,
    }
  })
  const first = all[0]
  const comparisons = all.slice(1).map((other, jm1) => {
    const years: { year: number; tally: Tally }[] = []
    if (first) {
      first.program.years.forEach((y, i) => {
        const oi = other.program.years.findIndex((o) => o.year === y.year)
        const oy = other.program.years[oi]
        if (y.kind === 'unknown' || oi < 0 || !oy || oy.kind === 'unknown') return
        const d = new Float64Array(paths)
        for (let p = 0; p < paths; p++) {
          d[p] = (first.amounts[p * first.n + i] ?? 0) - (other.amounts[p * other.n + oi] ?? 0)
        }
        years.push({ year: y.year, tally: tallyOf(d) })
      })
    }
    const ta = totals[0]
    const tb = totals[jm1 + 1]
    let total: Tally | null = null
    if (ta && tb) {
      const d = new Float64Array(paths)
      for (let p = 0; p < paths; p++) d[p] = (ta[p] ?? 0) - (tb[p] ?? 0)
      total = tallyOf(d)
    }
    return { years, total }
  })
  return { chunkIndex, paths, programs, comparisons }
}
