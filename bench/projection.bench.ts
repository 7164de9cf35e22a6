// Projection benchmark (issue 6): 1,000,000 paths × 5 simulated years of a capped CPI rule,
// end to end (plan, simulation, exact tallies, summary), beside the same model in NumPy
// (bench/projection_numpy.py, run through python3 when numpy is importable).
import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { publishedLookup, agreementSpecSchema } from '../src/domain/index.js'
import { loadRecord } from '../src/record/shipped-record.js'
import type { AgreementSpec } from '../src/domain/index.js'
import { findShippedScenario, type ProjectionResult } from '../src/domain/projection/index.js'
import { ProjectionPool } from '../src/services/projections/projection-pool.js'
import { runProjection } from '../src/services/projections/run-projection.js'
import type { BenchResult } from './bench-result.js'

const PATHS = 1_000_000
const REPS = 3

/** The 12th SMA rule extended to 2032: 2026–2027 exact, 2028–2032 simulated (CPI 2026–2030). */
function fiveYearCappedCpi(): AgreementSpec {
  const record = loadRecord()
  const sma12 = record.agreements.find((a) => a.id === 'rok-us-sma-12')
  if (!sma12) throw new Error('no 12th SMA in the record')
  return agreementSpecSchema.parse({
    ...sma12,
    id: 'bench-five-year-capped-cpi',
    term: { ...sma12.term, lastYear: 2032 },
    rules: sma12.rules.map((r) =>
      r.kind === 'index-linked' ? { ...r, years: [2027, 2028, 2029, 2030, 2031, 2032] } : r,
    ),
  })
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

interface NumpyRun {
  seconds: number
  perYear: number[][]
  capBinds: number[]
}

function numpy(): NumpyRun[] | string {
  const script = new URL('./projection_numpy.py', import.meta.url).pathname
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' })
  } catch {
    return 'python3 with numpy not found: NumPy baseline skipped'
  }
  const runs: NumpyRun[] = []
  for (let i = 0; i < REPS; i++) {
    const out = execFileSync('python3', [script, String(PATHS), '5', '1'], { encoding: 'utf8' })
    runs.push(JSON.parse(out) as NumpyRun)
  }
  return runs
}

export async function runProjectionBench(): Promise<BenchResult[]> {
  const record = loadRecord()
  const inputs = { indices: record.indices, publishedOf: publishedLookup(record.agreements) }
  const scenario = findShippedScenario('ar1')
  if (!scenario) throw new Error('no ar1 scenario')
  const req = { specs: [fiveYearCappedCpi()], scenario, paths: PATHS, seed: 1 }
  const threads = Math.max(1, availableParallelism())
  const time = async (f: () => Promise<ProjectionResult>): Promise<[number, ProjectionResult]> => {
    const t0 = performance.now()
    const r = await f()
    return [(performance.now() - t0) / 1000, r]
  }

  // warm pool (the server's case): threads started and modules loaded before timing
  const pool = new ProjectionPool(threads)
  await runProjection({ ...req, paths: 100_000 }, inputs, { pool })
  const warm: number[] = []
  let result: ProjectionResult | undefined
  for (let i = 0; i < REPS; i++) {
    const [s, r] = await time(() => runProjection(req, inputs, { pool }))
    warm.push(s)
    result = r
  }
  await pool.destroy()

  const inThread: number[] = []
  await runProjection({ ...req, paths: 100_000 }, inputs, { workers: 0 }) // JIT warm-up
  for (let i = 0; i < REPS; i++) {
    inThread.push((await time(() => runProjection(req, inputs, { workers: 0 })))[0])
  }
  // cold: pool start-up (tsx loader in each worker) + run + shutdown, as one CLI invocation
  const [cold] = await time(async () => {
    const p = new ProjectionPool(threads)
    try {
      return await runProjection(req, inputs, { pool: p })
    } finally {
      await p.destroy()
    }
  })

  const np = numpy()
  const npSeconds = typeof np === 'string' ? undefined : median(np.map((r) => r.seconds))
  const target = npSeconds === undefined ? 1 : Math.min(1, npSeconds)
  const last = result?.projections[0]?.years.at(-1)
  const ours = last?.nominal
  const npLast = typeof np === 'string' ? undefined : np[0]?.perYear.at(-1)
  const agreement =
    ours && npLast
      ? `2032 P5/P50/P95 ours ${[ours.p5, ours.p50, ours.p95].map((v) => (Number(v) / 1e9).toFixed(1)).join('/')} vs NumPy ${[npLast[0], npLast[2], npLast[4]].map((v) => ((v ?? 0) / 1e9).toFixed(1)).join('/')} bn; cap binds ${((last.capBinds ?? 0) * 100).toFixed(2)} % vs ${(((typeof np === 'string' ? [] : (np[0]?.capBinds ?? [])).at(-1) ?? 0) * 100).toFixed(2)} %`
      : ''
  const rows: BenchResult[] = [
    {
      name: `1e6 paths × 5 y capped CPI, ${threads} warm workers`,
      value: median(warm),
      unit: 's',
      target,
      note: `median of ${REPS}; target = min(1 s, NumPy)`,
    },
    {
      name: '1e6 paths × 5 y capped CPI, in-thread',
      value: median(inThread),
      unit: 's',
      note: `median of ${REPS}`,
    },
    {
      name: `1e6 paths × 5 y, cold pool (${threads} threads incl. start-up)`,
      value: cold,
      unit: 's',
      note: 'as one CLI run: threads start with --import tsx',
    },
  ]
  if (npSeconds === undefined) {
    rows.push({
      name: 'NumPy baseline',
      value: NaN,
      unit: 's',
      note: typeof np === 'string' ? np : '',
    })
  } else {
    rows.push({
      name: '1e6 paths × 5 y capped CPI, NumPy (vectorised)',
      value: npSeconds,
      unit: 's',
      note: `median of ${REPS}; ${agreement}`,
    })
  }
  return rows
}
