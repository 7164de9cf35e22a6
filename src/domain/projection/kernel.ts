import type { ProjectionPlan, SpecProgram } from './plan.js'
import { ProjectionError } from './projection-error.js'
import { chunkStream, RandomSource } from './random-stream.js'
import { correlateShocks, drawParameters, type PathParameters } from './shocks.js'
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

/** One AR(1) period for every path, rounded half away from zero to 1/scale (a tight loop). */
function ar1Step(
  x: Float64Array,
  eps: Float64Array,
  e0: number,
  out: Int32Array,
  o: number,
  c: number,
  phi: number,
  sigma: number,
  scale: number,
  paths: number,
): void {
  for (let p = 0; p < paths; p++) {
    const xp = c + phi * (x[p] ?? 0) + sigma * (eps[e0 + p] ?? 0)
    x[p] = xp
    const v = xp * scale
    out[o + p] = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)
  }
}

/** The same step with (c, φ, σ) drawn per path (a model with `posterior` parameters). */
function ar1StepPerPath(
  x: Float64Array,
  eps: Float64Array,
  e0: number,
  out: Int32Array,
  o: number,
  params: PathParameters,
  scale: number,
  paths: number,
): void {
  const { c, phi, sigma } = params
  for (let p = 0; p < paths; p++) {
    const xp = (c[p] ?? 0) + (phi[p] ?? 0) * (x[p] ?? 0) + (sigma[p] ?? 0) * (eps[e0 + p] ?? 0)
    x[p] = xp
    const v = xp * scale
    out[o + p] = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)
  }
}

/**
 * Draws every simulated slot of `paths` paths into `out`, slot-major (`out[slot·paths + p]`,
 * integers of 1/scale percent), series by series in plan order. AR(1) draws one normal per
 * path and period of its window (also for periods the record already has, which reset the
 * state), propagates the continuous value and rounds each period half away from zero to the
 * published decimals before a rule reads it. A random walk is the AR(1) with c = 0, φ = 1. With
 * `posterior` parameters, (c, φ, σ) are drawn per path after the shocks; a series correlated with
 * an earlier one mixes that series' shocks into its own for the periods they share. Block
 * bootstrap draws ⌈window/L⌉ block starts per path.
 * @example
 * // AR(1) c = 1, φ = 0.5, σ = 0 from 2.1 → 2.05 → 2.025: slots 21, 20 (scale 10)
 */
export function simulateIndices(
  plan: ProjectionPlan,
  rs: RandomSource,
  paths: number,
  out: Int32Array,
): void {
  const scale = plan.scale
  const shocks: (Float64Array | null)[] = []
  for (const s of plan.series) {
    const m = s.model
    const count = s.count
    if (m.kind === 'ar1') {
      const eps = new Float64Array(paths * count)
      rs.fillNormals(eps, eps.length)
      const perPath = m.posterior ? drawParameters(m.posterior, m.c, m.phi, rs, paths) : null
      const corr = s.correlatedWith
      const other = corr ? plan.series[corr.series] : undefined
      const otherEps = corr ? shocks[corr.series] : null
      if (corr && other && otherEps) {
        correlateShocks(
          eps,
          s.firstPeriod,
          otherEps,
          other.firstPeriod,
          other.count,
          corr.rho,
          paths,
        )
      }
      shocks.push(eps)
      const x = new Float64Array(paths).fill(m.start)
      const { c, phi, sigma } = m
      for (let i = 0; i < count; i++) {
        const o = (s.slot0 + i) * paths
        const e0 = i * paths
        const known = s.known[i]
        if (known !== null && known !== undefined) {
          x.fill(known / scale)
          out.fill(known, o, o + paths)
          continue
        }
        if (perPath) ar1StepPerPath(x, eps, e0, out, o, perPath, scale, paths)
        else ar1Step(x, eps, e0, out, o, c, phi, sigma, scale, paths)
      }
      continue
    }
    shocks.push(null)
    if (m.kind === 'bootstrap') {
      for (let p = 0; p < paths; p++) {
        let i = 0
        while (i < count) {
          const block = m.blocks[rs.int(m.blocks.length)] ?? []
          for (let j = 0; j < block.length && i < count; j++, i++) {
            out[(s.slot0 + i) * paths + p] = s.known[i] ?? block[j] ?? 0
          }
        }
      }
    } else {
      for (let i = 0; i < count; i++) {
        const o = (s.slot0 + i) * paths
        out.fill(m.values[i] ?? 0, o, o + paths)
      }
    }
  }
}

/**
 * Applies one program's yearly rules to simulated slots (slot-major, see `simulateIndices`),
 * writing each year's amount in units into `amounts`, year-major (`amounts[year·paths + p]`;
 * NaN for unknown years, 0 for exact years whose amount is the op's constant), and counting
 * cap and floor bindings per year. Integer arithmetic on units in float64, exact below 2^52:
 * A' = round(A × (100·scale + k) / (100·scale·step)) × step, the value `evaluateSchedule`
 * gives with bigint rationals. Loops year by year so each inner loop has its constants hoisted.
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
  const f0 = 100 * plan.scale
  program.years.forEach((op, i) => {
    const o = i * paths
    capBinds[i] = 0
    floorBinds[i] = 0
    if (op.kind === 'exact') {
      amounts.fill(0, o, o + paths)
      capBinds[i] = op.binding === 'cap' ? paths : 0
      floorBinds[i] = op.binding === 'floor' ? paths : 0
      return
    }
    if (op.kind === 'unknown') {
      amounts.fill(NaN, o, o + paths)
      return
    }
    const constBase = op.baseUnits
    const prevO = (i - 1) * paths
    if (constBase === null && (i === 0 || program.years[i - 1]?.kind !== 'escalate')) {
      throw new ProjectionError(
        `${program.agreement.id} ${op.year}: no simulated base`,
        `"${program.agreement.id}" 협정의 ${op.year}년 금액을 모의할 기준 금액이 없습니다.`,
      )
    }
    const den = f0 * op.stepUnits
    const step = op.stepUnits
    const mode = MODES[op.mode]
    const rate = op.rate
    let slotO = -1
    let cap = Infinity
    let floor = -Infinity
    let constK = 0
    if (rate.kind === 'slot') {
      slotO = rate.slot * paths
      if (rate.capK !== null) cap = rate.capK
      if (rate.floorK !== null) floor = rate.floorK
    } else {
      constK = rate.k
      capBinds[i] = rate.binding === 'cap' ? paths : 0
      floorBinds[i] = rate.binding === 'floor' ? paths : 0
    }
    const counts = escalateColumn(
      amounts,
      o,
      constBase ?? NaN,
      prevO,
      ks,
      slotO,
      constK,
      cap,
      floor,
      f0,
      den,
      step,
      mode,
      paths,
    )
    if (counts < 0) {
      throw new ProjectionError(
        `${program.agreement.id} ${op.year}: amount out of the exact float range`,
        `"${program.agreement.id}" 협정의 ${op.year}년 모의 금액이 정확히 계산할 수 있는 범위를 벗어났습니다.`,
      )
    }
    const nCap = counts % 0x1000000
    const nFloor = Math.floor(counts / 0x1000000)
    if (slotO >= 0) {
      capBinds[i] = nCap
      floorBinds[i] = nFloor
    }
  })
}

/**
 * The inner loop of one escalated year over all paths (a plain function with every constant
 * as a parameter, so the JIT compiles one tight loop). Returns nCap + 2^24·nFloor, or −1 when
 * an amount leaves the exact range.
 */
function escalateColumn(
  amounts: Float64Array,
  o: number,
  constBase: number,
  prevO: number,
  ks: Int32Array,
  slotO: number,
  constK: number,
  cap: number,
  floor: number,
  f0: number,
  den: number,
  step: number,
  mode: number,
  paths: number,
): number {
  const inv = 1 / den
  const useConst = constBase === constBase // not NaN
  let nCap = 0
  let nFloor = 0
  for (let p = 0; p < paths; p++) {
    const base = useConst ? constBase : (amounts[prevO + p] ?? NaN)
    let k = constK
    if (slotO >= 0) {
      k = ks[slotO + p] ?? 0
      if (k > cap) {
        k = cap
        if (k < floor) {
          k = floor
          nFloor++
        } else nCap++
      } else if (k < floor) {
        k = floor
        nFloor++
      }
    }
    const num = base * (f0 + k)
    if (!(num >= 0 && num < MAX_EXACT)) return -1
    // exact integer division: an estimate by the reciprocal, corrected by its exact remainder
    let q = Math.floor(num * inv)
    let rem = num - q * den
    if (rem < 0) {
      q -= 1
      rem += den
    } else if (rem >= den) {
      q += 1
      rem -= den
    }
    const twice = 2 * rem
    if (mode === 0) {
      if (twice >= den) q += 1 // half-up (ties away from zero; amounts are positive)
    } else if (mode === 1) {
      if (twice > den || (twice === den && q % 2 === 1)) q += 1 // half-even
    } else if (mode === 3) {
      if (rem > 0) q += 1 // ceil
    } // floor and truncate agree for positive amounts
    amounts[o + p] = q * step
  }
  return nCap + nFloor * 0x1000000
}

/**
 * Runs one chunk: its own random stream from (seed, chunkIndex), index simulation, every
 * program, and exact integer tallies per year, over the term and for each comparison.
 * @example runChunk(plan, 1, 0, CHUNK_SIZE).programs[0].capBinds // e.g. [0, 0, 107, 274, 361]
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
    const unknown = program.years.some((y) => y.kind === 'unknown')
    let total: Float64Array | null = null
    if (!unknown) {
      const t = new Float64Array(paths)
      program.years.forEach((y, i) => {
        if (y.kind !== 'escalate') return
        const o = i * paths
        for (let p = 0; p < paths; p++) t[p] = (t[p] ?? 0) + (amounts[o + p] ?? 0)
      })
      total = t
    }
    return { program, amounts, capBinds, floorBinds, total }
  })
  const column = (a: Float64Array, i: number): Float64Array =>
    a.subarray(i * paths, (i + 1) * paths)
  const programs = all.map(({ program, amounts, capBinds, floorBinds, total }) => ({
    years: program.years.map((y, i) => (y.kind === 'unknown' ? null : tallyOf(column(amounts, i)))),
    total: total ? tallyOf(total) : null,
    capBinds,
    floorBinds,
  }))
  const first = all[0]
  const comparisons = all.slice(1).map((other) => {
    const years: { year: number; tally: Tally }[] = []
    const d = new Float64Array(paths)
    if (first) {
      first.program.years.forEach((y, i) => {
        const oi = other.program.years.findIndex((o) => o.year === y.year)
        const oy = other.program.years[oi]
        if (y.kind === 'unknown' || oi < 0 || !oy || oy.kind === 'unknown') return
        const a = column(first.amounts, i)
        const b = column(other.amounts, oi)
        for (let p = 0; p < paths; p++) d[p] = (a[p] ?? 0) - (b[p] ?? 0)
        years.push({ year: y.year, tally: tallyOf(d) })
      })
    }
    // Totals are compared only over the same years: a 2-year total against a 5-year total says
    // nothing about either (issue 11); the years in common are compared year by year above.
    const sameYears =
      first !== undefined &&
      first.program.years.length === other.program.years.length &&
      first.program.years.every((y, i) => y.year === other.program.years[i]?.year)
    let total: Tally | null = null
    const ta = first?.total
    const tb = other.total
    if (ta && tb && sameYears) {
      for (let p = 0; p < paths; p++) d[p] = (ta[p] ?? 0) - (tb[p] ?? 0)
      total = tallyOf(d)
    }
    return { years, total }
  })
  return { chunkIndex, paths, programs, comparisons }
}
