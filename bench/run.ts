// `npm run bench`: runs every `run*Bench` export of bench/*.bench.ts (or only the files named on
// the command line, e.g. `npm run bench -- engine`) and prints one table. Figures go into
// docs/performance.md by hand, with the machine and the baseline beside them.
import { readdirSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchResult } from './bench-result.js'

const dir = import.meta.dirname
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')
process.stdout.write(
  `machine: ${cpus().length} cores, ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n` +
    `date: ${new Date().toISOString()}\nload average at start (1, 5, 15 min): ${load()}\n\n`,
)
const rows: (BenchResult & { file: string })[] = []
let failed = 0
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>
  for (const [name, fn] of Object.entries(mod)) {
    if (!/^run\w*Bench$/.test(name) || typeof fn !== 'function') continue
    process.stderr.write(`running ${file} ${name}…\n`)
    try {
      const results = await (fn as () => Promise<BenchResult[]>)()
      for (const r of results) rows.push({ ...r, file })
    } catch (err) {
      failed++
      process.stderr.write(`  failed: ${err instanceof Error ? err.message : String(err)}\n`)
    }
  }
}
const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3))
for (const r of rows) {
  const met = r.target === undefined ? null : r.atLeast ? r.value >= r.target : r.value <= r.target
  const verdict = met === null ? '' : met ? '  ok' : '  MISSES TARGET'
  const target = r.target === undefined ? '' : ` (target ${r.atLeast ? '≥' : '≤'} ${fmt(r.target)})`
  const baseline = r.baseline
    ? `  [baseline, same run: ${r.baseline.what} ${fmt(r.baseline.value)} ${r.baseline.unit}]`
    : ''
  process.stdout.write(
    `${r.file.padEnd(24)} ${r.name.padEnd(56)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(8)}` +
      `${target}${verdict}${baseline}${r.note ? `  — ${r.note}` : ''}\n`,
  )
}
process.stdout.write(`\nload average at the end (1, 5, 15 min): ${load()}\n`)
if (failed > 0) process.exitCode = 1
