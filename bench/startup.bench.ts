// Whole-process start-up (issue 15): the compiled CLI and server as a user runs them, each beside
// its baseline measured in the same run (`node -e 0`, NumPy's whole process), medians.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { migrateToLatest } from '../src/db/migrate.js'
import { openDatabase } from '../src/db/open.js'
import { seedIfEmpty } from '../src/services/seed.js'
import type { BenchResult } from './bench-result.js'
import { getStatus, median, ROOT, startProcess, wallSeconds } from './processes.js'

const RUNS = 7
const SMA = join(ROOT, 'bin/sma.mjs')
const node = process.execPath

/** `runs` interleaved timings of each command (so load changes hit all of them alike). */
function interleaved(cmds: readonly (readonly string[])[], runs: number): number[][] {
  const out = cmds.map(() => [] as number[])
  for (let i = 0; i < runs; i++) {
    cmds.forEach((c, k) => {
      const [cmd = node, ...args] = c
      out[k]?.push(wallSeconds(cmd, args))
    })
  }
  return out
}

const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(2)).join(', ')

/** Seconds from spawning `npm start`'s script to the first 200 from /api/health. */
async function healthyAfter(db: string): Promise<number> {
  const t0 = performance.now()
  const server = await startProcess([join(ROOT, 'scripts/start.mjs')], {
    SMA_DB: db,
    PORT: '0',
    HOST: '127.0.0.1',
    SMA_LOG_LEVEL: 'warn',
    LOG_LEVEL: undefined,
    SMA_NOW: undefined,
  })
  try {
    while ((await getStatus(`${server.url}/api/health`)) !== 200) {
      await new Promise((r) => setTimeout(r, 5))
    }
    return (performance.now() - t0) / 1000
  } finally {
    await server.stop()
  }
}

function hasNumpy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export async function runStartupBench(): Promise<BenchResult[]> {
  const { ensureBuilt } = (await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href)) as {
    ensureBuilt: () => Promise<void>
  }
  await ensureBuilt()
  const [bare = [], version = [], schedule = []] = interleaved(
    [
      [node, '-e', '0'],
      [node, SMA, '--version'],
      [node, SMA, 'schedule', 'rok-us-sma-12', '--json'],
    ],
    RUNS,
  )
  const [tsxVersion = []] = interleaved(
    [[node, '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--version']],
    3,
  )
  const nodeS = median(bare)
  const baseline = { what: 'node -e 0', value: nodeS, unit: 's' }
  const rows: BenchResult[] = [
    { name: 'node -e 0 (whole process)', value: nodeS, unit: 's', note: list(bare) },
    {
      name: 'sma --version: multiple of node -e 0',
      value: median(version) / nodeS,
      unit: '×',
      target: 4,
      baseline,
      note: `${median(version).toFixed(3)} s (${list(version)}); through tsx, as before: ${median(tsxVersion).toFixed(2)} s`,
    },
    {
      name: 'sma schedule rok-us-sma-12 --json: multiple of node -e 0',
      value: median(schedule) / nodeS,
      unit: '×',
      target: 6,
      baseline,
      note: `${median(schedule).toFixed(3)} s (${list(schedule)})`,
    },
  ]

  // the server on an existing database: seeded beforehand, then started 5 times
  const dir = mkdtempSync(join(tmpdir(), 'sma-bench-start-'))
  try {
    const db = join(dir, 'existing.db')
    const store = openDatabase(db)
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
    await store.close()
    await healthyAfter(db) // builds the web app if it is stale, warms the disk cache
    const healthy: number[] = []
    for (let i = 0; i < 5; i++) healthy.push(await healthyAfter(db))
    rows.push({
      name: 'server healthy after start (npm start, existing database)',
      value: median(healthy),
      unit: 's',
      target: 1,
      baseline,
      note: `spawn of scripts/start.mjs to the first 200 from /api/health: ${list(healthy)}`,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // a Monte Carlo projection as one process, against NumPy's whole process on the same model:
  // bench/projection_numpy.py implements the `ar1` scenario, so it is named (the default is
  // `calibrated` since issue 16, a random walk with σ drawn per path, which NumPy does not run)
  const project = [
    node,
    SMA,
    'project',
    'rok-us-sma-12',
    '--scenario',
    'ar1',
    '--paths',
    '1000000',
    '--no-progress',
  ]
  if (!hasNumpy()) {
    rows.push({
      name: 'sma project --paths 1000000 vs NumPy',
      value: NaN,
      unit: 's',
      note: 'python3 with numpy not found: skipped',
    })
    return rows
  }
  const numpy = ['python3', join(ROOT, 'bench/projection_numpy.py'), '1000000', '3', '1']
  const [ours = [], theirs = []] = interleaved([project, numpy], RUNS)
  rows.push({
    name: 'sma project rok-us-sma-12 --scenario ar1 --paths 1000000 (whole process)',
    value: median(ours),
    unit: 's',
    target: median(theirs),
    baseline: {
      what: 'NumPy whole process, same model (3 simulated years)',
      value: median(theirs),
      unit: 's',
    },
    note: `ours ${list(ours)}; NumPy ${list(theirs)}; target = NumPy's median`,
  })
  return rows
}
