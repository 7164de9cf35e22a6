import type { IndexSeriesSet } from '../index-series/index-series.js'
import { CHUNK_SIZE, runChunk, type ChunkResult } from './kernel.js'
import type { CorrelationReport, ModelReport, ProjectionPlan, SpecProgram } from './plan.js'
import { yearValue, type Scenario } from './scenario.js'
import { seriesHistory } from './series-models.js'
import { mergeTallies, tallyCount, tallyHistogram, tallyQuantile, type Tally } from './tally.js'

/** Bumped whenever the numbers a given (plan, seed, paths) produces could change. */
export const PROJECTION_ENGINE_VERSION = 'projection@3'
export const PROJECTION_SCHEMA_TAG = 'sma-desk/projection@2'

/** Percentiles and mean of a distribution; integer minor units as decimal text. */
export interface Quantiles {
  readonly p5: string
  readonly p25: string
  readonly p50: string
  readonly p75: string
  readonly p95: string
  readonly mean: string
}

export interface Histogram {
  /** Lower bound of each bin (inclusive), minor units. */
  readonly lower: readonly string[]
  /** Bin width, minor units. */
  readonly width: string
  readonly counts: readonly number[]
}

export interface YearProjection {
  readonly year: number
  /**
   * `fixed`: published inputs fix the figure (no uncertainty). `assumed`: a deterministic
   * scenario value fixes it. `simulated`: a distribution. `unknown`: no figure can be stated.
   */
  readonly status: 'fixed' | 'assumed' | 'simulated' | 'unknown'
  readonly ruleId: string
  /** The exact figure (minor units) when status is fixed or assumed, else null. */
  readonly exact: string | null
  readonly nominal: Quantiles | null
  /** Deflated to the scenario's base year (minor units of base-year money). */
  readonly real: Quantiles | null
  /** US dollars, in cents, at the scenario's exchange rate for the year. */
  readonly usd: Quantiles | null
  /** Per US service member in the host nation: minor units, and US cents. */
  readonly perServiceMember: { readonly nominal: Quantiles; readonly usd: Quantiles } | null
  /** Share of paths on which the rule's cap (floor) bound; null when the rule has none. */
  readonly capBinds: number | null
  readonly floorBinds: number | null
  readonly assumptions: {
    /** Currency units per US dollar (decimal text), or null for USD agreements. */
    readonly perUsd: string | null
    readonly servicemembers: string | null
    /** Price level relative to the base year (float). */
    readonly deflator: number
  }
}

export interface AgreementProjection {
  readonly agreement: SpecProgram['agreement']
  readonly currency: SpecProgram['currency']
  readonly years: readonly YearProjection[]
  /** Sum over the term; null when a year is unknown. Real and USD totals give the mean only. */
  readonly total: {
    readonly nominal: Quantiles
    readonly histogram: Histogram
    readonly realMean: string
    readonly usdMean: string
  } | null
}

export interface ComparisonProjection {
  /** Differences are `a − b` (a = the first agreement projected). */
  readonly a: string
  readonly b: string
  readonly years: readonly {
    readonly year: number
    readonly difference: Quantiles
    readonly pAHigher: number
    readonly pBHigher: number
  }[]
  /** Null unless both cover the same years (totals of other terms are not compared). */
  readonly total: {
    readonly difference: Quantiles
    readonly histogram: Histogram
    /** P(a costs more over the term), P(b costs more), P(equal). */
    readonly pAHigher: number
    readonly pBHigher: number
    readonly pEqual: number
  } | null
}

/** The JSON of `sma project --json` and `POST /api/projections`. */
export interface ProjectionResult {
  readonly schema: typeof PROJECTION_SCHEMA_TAG
  readonly engine: typeof PROJECTION_ENGINE_VERSION
  readonly mode: 'deterministic' | 'monte-carlo'
  readonly seed: number
  readonly paths: number
  readonly chunkSize: number
  readonly scenario: {
    readonly id: string
    readonly version: number
    readonly title: { readonly en: string; readonly ko: string }
    /** Real amounts are in prices of this year. */
    readonly deflatorBaseYear: number
  }
  readonly models: readonly ModelReport[]
  /** The correlation two simulated series were drawn with; null when drawn independently. */
  readonly correlation: CorrelationReport | null
  readonly projections: readonly AgreementProjection[]
  readonly comparisons: readonly ComparisonProjection[]
}

/**
 * Merges chunk results (in chunk order; the merge is exact, so order cannot change numbers).
 * @example mergeChunks(runInThread(plan, 1, 40_000)).paths // 40000
 */
export function mergeChunks(chunks: readonly ChunkResult[]): {
  paths: number
  programs: {
    years: (Tally | null)[]
    total: Tally | null
    capBinds: number[]
    floorBinds: number[]
  }[]
  comparisons: { years: { year: number; tally: Tally }[]; total: Tally | null }[]
} {
  const sorted = [...chunks].sort((a, b) => a.chunkIndex - b.chunkIndex)
  const first = sorted[0]
  if (!first) throw new RangeError('no chunks')
  const paths = sorted.reduce((s, c) => s + c.paths, 0)
  const programs = first.programs.map((p, j) => ({
    years: p.years.map((y, i) =>
      y === null ? null : mergeTallies(sorted.map((c) => c.programs[j]?.years[i] ?? y)),
    ),
    total:
      p.total === null
        ? null
        : mergeTallies(sorted.map((c) => c.programs[j]?.total ?? p.total ?? emptyTally())),
    capBinds: p.capBinds.map((_, i) =>
      sorted.reduce((s, c) => s + (c.programs[j]?.capBinds[i] ?? 0), 0),
    ),
    floorBinds: p.floorBinds.map((_, i) =>
      sorted.reduce((s, c) => s + (c.programs[j]?.floorBinds[i] ?? 0), 0),
    ),
  }))
  const comparisons = first.comparisons.map((cmp, j) => ({
    years: cmp.years.map((y, i) => ({
      year: y.year,
      tally: mergeTallies(sorted.map((c) => c.comparisons[j]?.years[i]?.tally ?? y.tally)),
    })),
    total:
      cmp.total === null
        ? null
        : mergeTallies(sorted.map((c) => c.comparisons[j]?.total ?? cmp.total ?? emptyTally())),
  }))
  return { paths, programs, comparisons }
}

function emptyTally(): Tally {
  return { min: 0, counts: new Uint32Array(0), n: 0, sum: 0 }
}

/**
 * The chunks of a run: fixed CHUNK_SIZE chunks, the last one partial.
 * @example chunkPlan(40_000) // [{chunkIndex: 0, paths: 16384}, {1, 16384}, {2, 7232}]
 */
export function chunkPlan(paths: number): { chunkIndex: number; paths: number }[] {
  const out: { chunkIndex: number; paths: number }[] = []
  for (let i = 0; i * CHUNK_SIZE < paths; i++) {
    out.push({ chunkIndex: i, paths: Math.min(CHUNK_SIZE, paths - i * CHUNK_SIZE) })
  }
  return out
}

/**
 * Runs every chunk on the calling thread (for the browser, tests and small runs); calls
 * `onChunk` after each. The node side runs the same chunks on worker threads.
 * @example runInThread(plan, 1, 10_000).length // 1 chunk (CHUNK_SIZE = 16,384)
 */
export function runInThread(
  plan: ProjectionPlan,
  seed: number,
  paths: number,
  onChunk?: (done: number, total: number) => void,
): ChunkResult[] {
  const chunks = chunkPlan(paths)
  return chunks.map((c, i) => {
    const r = runChunk(plan, seed, c.chunkIndex, c.paths)
    onChunk?.(i + 1, chunks.length)
    return r
  })
}

/** Rounds a float half away from zero to an integer, as text. */
function roundText(v: number): string {
  const r = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)
  return Object.is(r, -0) ? '0' : r.toFixed(0)
}

/**
 * Percentiles of `offset + unit × X` for a tally of X, each scaled by `factor` (e.g. 1/deflator)
 * and rounded half away from zero to an integer.
 */
function quantilesOf(t: Tally, offset: number, unit: number, factor: number): Quantiles {
  const at = (x: number): string => roundText((offset + unit * x) * factor)
  return {
    p5: at(tallyQuantile(t, 0.05)),
    p25: at(tallyQuantile(t, 0.25)),
    p50: at(tallyQuantile(t, 0.5)),
    p75: at(tallyQuantile(t, 0.75)),
    p95: at(tallyQuantile(t, 0.95)),
    mean: at(t.sum / t.n),
  }
}

function constantQuantiles(v: string): Quantiles {
  return { p5: v, p25: v, p50: v, p75: v, p95: v, mean: v }
}

/**
 * The deflator of a year relative to the scenario's base year: Π (1 + π_t/100) for t from
 * base + 1 to the year (inverse product for earlier years). π_t is the scenario's inflation
 * path value, else the record's KR_CPI (latest vintage), else the path's `after`.
 * @example deflatorOf(baseline, indices, 2027) // 1.021² = 1.042441 with 2.1 % a year
 */
export function deflatorOf(scenario: Scenario, indices: IndexSeriesSet, year: number): number {
  const base = scenario.deflator.baseYear
  const path = scenario.deflator.inflationPct
  const cpi = new Map(seriesHistory(indices, 'KR_CPI', 1900, 2200).map((p) => [p.period, p.pct]))
  const pi = (t: number): number => {
    const explicit = path.values[String(t)]
    if (explicit !== undefined) return Number(explicit)
    const rec = cpi.get(t)
    if (rec !== undefined) return rec
    return Number(path.after ?? '0')
  }
  let d = 1
  if (year > base) for (let t = base + 1; t <= year; t++) d *= 1 + pi(t) / 100
  else for (let t = year + 1; t <= base; t++) d /= 1 + pi(t) / 100
  return d
}

/**
 * Builds the result JSON from a plan and its merged chunks: exact years are exact, simulated
 * years get P5–P95 and the mean (interpolated, then rounded half away from zero to the minor
 * unit), cap-binding shares, real, USD and per-service-member views, the term total's
 * histogram, and each comparison's difference distribution.
 * @example summarise(plan, scenario, indices, runInThread(plan, 1, 1e5), 1).projections[0].years[0].exact // "1519200000000"
 */
export function summarise(
  plan: ProjectionPlan,
  scenario: Scenario,
  indices: IndexSeriesSet,
  chunks: readonly ChunkResult[],
  seed: number,
): ProjectionResult {
  const merged = mergeChunks(chunks)
  const unit = Number(plan.unit)
  const projections = plan.programs.map((program, j): AgreementProjection => {
    const m = merged.programs[j]
    const perUsdPath =
      program.currency === 'KRW'
        ? scenario.fx.KRW_per_USD
        : program.currency === 'JPY'
          ? scenario.fx.JPY_per_USD
          : null
    const troopsPath = scenario.servicemembers[program.hostNation]
    const centsPerMinor = program.currency === 'USD' ? 1 : 100
    let realMean = 0
    let usdMean = 0
    const years = program.years.map((op, i): YearProjection => {
      const perUsd = perUsdPath ? (yearValue(perUsdPath, op.year) ?? null) : null
      const troops = troopsPath ? (yearValue(troopsPath, op.year) ?? null) : null
      const deflator = deflatorOf(scenario, indices, op.year)
      const usdFactor =
        perUsd === null ? (program.currency === 'USD' ? 1 : NaN) : centsPerMinor / Number(perUsd)
      const tally = m?.years[i] ?? null
      const capBinds =
        op.kind !== 'unknown' && op.hasCap ? (m?.capBinds[i] ?? 0) / merged.paths : null
      const floorBinds =
        op.kind !== 'unknown' && op.hasFloor ? (m?.floorBinds[i] ?? 0) / merged.paths : null
      const assumptions = { perUsd, servicemembers: troops, deflator }
      if (op.kind === 'unknown' || tally === null) {
        return {
          year: op.year,
          status: 'unknown',
          ruleId: op.ruleId,
          exact: null,
          nominal: null,
          real: null,
          usd: null,
          perServiceMember: null,
          capBinds: null,
          floorBinds: null,
          assumptions,
        }
      }
      const offset = op.kind === 'exact' ? Number(op.amount) : 0
      const q = (factor: number): Quantiles => quantilesOf(tally, offset, unit, factor)
      const nominal = op.kind === 'exact' ? constantQuantiles(op.amount) : q(1)
      const meanNominal = offset + (unit * tally.sum) / tally.n
      realMean += meanNominal / deflator
      usdMean += meanNominal * usdFactor
      return {
        year: op.year,
        status: op.kind === 'exact' ? (op.fixed ? 'fixed' : 'assumed') : 'simulated',
        ruleId: op.ruleId,
        exact: op.kind === 'exact' ? op.amount : null,
        nominal,
        real: q(1 / deflator),
        usd: Number.isNaN(usdFactor) ? null : q(usdFactor),
        perServiceMember:
          troops === null || Number.isNaN(usdFactor)
            ? null
            : { nominal: q(1 / Number(troops)), usd: q(usdFactor / Number(troops)) },
        capBinds,
        floorBinds,
        assumptions,
      }
    })
    const totalOffset = program.years.reduce(
      (s, op) => s + (op.kind === 'exact' ? Number(op.amount) : 0),
      0,
    )
    const t = m?.total ?? null
    return {
      agreement: program.agreement,
      currency: program.currency,
      years,
      total:
        t === null
          ? null
          : {
              nominal: quantilesOf(t, totalOffset, unit, 1),
              histogram: histogramOf(t, totalOffset, unit),
              realMean: roundText(realMean),
              usdMean: Number.isNaN(usdMean) ? '0' : roundText(usdMean),
            },
    }
  })

  const first = plan.programs[0]
  const comparisons = merged.comparisons.map((cmp, jm1): ComparisonProjection => {
    const other = plan.programs[jm1 + 1]
    const offsetOf = (p: SpecProgram | undefined, year: number): number => {
      const op = p?.years.find((y) => y.year === year)
      return op?.kind === 'exact' ? Number(op.amount) : 0
    }
    const years = cmp.years.map(({ year, tally }) => {
      const offset = offsetOf(first, year) - offsetOf(other, year)
      const u = offset / unit
      return {
        year,
        difference: quantilesOf(tally, offset, unit, 1),
        pAHigher: tallyCount(tally, (v) => v > -u) / tally.n,
        pBHigher: tallyCount(tally, (v) => v < -u) / tally.n,
      }
    })
    let total: ComparisonProjection['total'] = null
    if (cmp.total !== null && first && other) {
      const sumExact = (p: SpecProgram): number =>
        p.years.reduce((s, op) => s + (op.kind === 'exact' ? Number(op.amount) : 0), 0)
      const offset = sumExact(first) - sumExact(other)
      const u = offset / unit
      const t = cmp.total
      const pA = tallyCount(t, (v) => v > -u) / t.n
      const pB = tallyCount(t, (v) => v < -u) / t.n
      total = {
        difference: quantilesOf(t, offset, unit, 1),
        histogram: histogramOf(t, offset, unit),
        pAHigher: pA,
        pBHigher: pB,
        pEqual: Math.max(0, 1 - pA - pB),
      }
    }
    return {
      a: first?.agreement.id ?? '',
      b: other?.agreement.id ?? '',
      years,
      total,
    }
  })

  return {
    schema: PROJECTION_SCHEMA_TAG,
    engine: PROJECTION_ENGINE_VERSION,
    mode: plan.stochastic ? 'monte-carlo' : 'deterministic',
    seed,
    paths: merged.paths,
    chunkSize: CHUNK_SIZE,
    scenario: {
      id: scenario.id,
      version: scenario.version,
      title: scenario.title,
      deflatorBaseYear: scenario.deflator.baseYear,
    },
    models: plan.series.map((s) => s.report),
    correlation: plan.correlation,
    projections,
    comparisons,
  }
}

function histogramOf(t: Tally, offset: number, unit: number): Histogram {
  const h = tallyHistogram(t, 40)
  return {
    lower: h.lower.map((x) => roundText(offset + unit * x)),
    width: roundText(unit * h.width),
    counts: h.counts,
  }
}
