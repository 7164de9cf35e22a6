// Negotiation analysis and simulation benchmarks (issue 5): synthetic linear-additive domains,
// wall time by performance.now(), median of a few repetitions after a warm-up run.
import { performance } from 'node:perf_hooks'
import {
  analyzeUtilities,
  createRng,
  enumerateUtilities,
  negotiatorByName,
  paretoFrontier,
  prepareSimulation,
  reservationOf,
  simulateNegotiation,
  syntheticScenario,
} from '../src/domain/bargaining/index.js'
import type { BenchResult } from './bench-result.js'

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

/** Runs `fn` once to warm up, then `reps` times; returns the median wall time in seconds and the last result. */
function timed<T>(reps: number, fn: () => T): { seconds: number; result: T } {
  let result = fn()
  const times: number[] = []
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now()
    result = fn()
    times.push((performance.now() - t0) / 1000)
  }
  return { seconds: median(times), result }
}

let peakRss = 0
let peakHeap = 0
function sampleMemory(): void {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers)
}

function fullAnalysis(issues: number, values: number, reps: number, target: number): BenchResult[] {
  const { space, profiles } = syntheticScenario(issues, values, createRng(2026), [0.3, 0.3])
  const { seconds, result } = timed(reps, () => {
    const ua = enumerateUtilities(space, profiles[0].utility)
    const ub = enumerateUtilities(space, profiles[1].utility)
    sampleMemory()
    const a = analyzeUtilities(ua, ub, [
      reservationOf(profiles[0], ua),
      reservationOf(profiles[1], ub),
    ])
    sampleMemory()
    return a
  })
  const frontierOnly = timed(reps, () => {
    const ua = enumerateUtilities(space, profiles[0].utility)
    const ub = enumerateUtilities(space, profiles[1].utility)
    return paretoFrontier(ua, ub)
  })
  const n = space.size.toLocaleString('en')
  return [
    {
      name: `analysis ${issues}x${values} (${n} outcomes): enumerate + frontier + solutions + ZOPA + opposition`,
      value: seconds,
      unit: 's',
      target,
      note: `${result.frontier.points.length} frontier points, ${result.frontier.candidates} sort candidates, ZOPA ${result.zopa.outcomes}; median of ${reps}`,
    },
    {
      name: `enumerate + frontier only ${issues}x${values}`,
      value: frontierOnly.seconds,
      unit: 's',
      note: `median of ${reps}`,
    },
  ]
}

function simulation(): BenchResult[] {
  const { space, profiles } = syntheticScenario(8, 5, createRng(2026), [0, 0])
  const ua = enumerateUtilities(space, profiles[0].utility)
  const ub = enumerateUtilities(space, profiles[1].utility)
  const boulware = negotiatorByName('boulware')
  const withPrep = timed(5, () => {
    const scenario = prepareSimulation(space, [ua, ub], [0, 0])
    sampleMemory()
    return simulateNegotiation(scenario, [boulware, boulware], { rounds: 1000, rng: createRng(1) })
  })
  const scenario = prepareSimulation(space, [ua, ub], [0, 0])
  const runOnly = timed(5, () =>
    simulateNegotiation(scenario, [boulware, boulware], { rounds: 1000, rng: createRng(1) }),
  )
  const ag = withPrep.result.agreement
  return [
    {
      name: 'simulation 1000-round Boulware vs Boulware, 390,625 outcomes (incl. sorting both offer indexes)',
      value: withPrep.seconds,
      unit: 's',
      target: 0.3,
      note: `${ag === null ? 'no agreement' : `agreement in round ${ag.round + 1}`}, ${withPrep.result.offers.length} offers recorded; median of 5`,
    },
    {
      name: 'simulation run only (prepared scenario reused)',
      value: runOnly.seconds * 1000,
      unit: 'ms',
      note: 'median of 5',
    },
  ]
}

function distributiveFrontier(): BenchResult {
  // 20,000 mutually non-dominated points (negmas: 6.4 s for its O(n²) extractor)
  const n = 20_000
  const rng = createRng(5)
  const ua = new Float64Array(n)
  const ub = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const x = rng.next()
    ua[i] = x
    ub[i] = 1 - x
  }
  const { seconds, result } = timed(5, () => paretoFrontier(ua, ub))
  return {
    name: 'frontier of 20,000 mutually non-dominated points',
    value: seconds * 1000,
    unit: 'ms',
    note: `${result.points.length} points; median of 5`,
  }
}

/** Every negotiation benchmark; figures are recorded in docs/performance.md. */
export async function runNegotiationBench(): Promise<BenchResult[]> {
  sampleMemory()
  const results: BenchResult[] = [
    ...fullAnalysis(8, 5, 5, 0.15),
    ...fullAnalysis(8, 7, 3, 2),
    ...simulation(),
    distributiveFrontier(),
  ]
  sampleMemory()
  results.push(
    { name: 'peak RSS during the negotiation benchmarks', value: peakRss / 2 ** 20, unit: 'MiB' },
    { name: 'peak heap + array buffers', value: peakHeap / 2 ** 20, unit: 'MiB' },
  )
  return Promise.resolve(results)
}
