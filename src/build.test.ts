// The compiled runtime (scripts/build.mjs): what `npm start` and the `sma` bin run. A build into a
// folder of its own; then the compiled server, the CLI and the projection worker are run as a
// user runs them, with plain Node (no tsx, no TypeScript).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, '.tmp', `build-test-${process.pid}`)

interface BuildModule {
  build(opts: { outdir: string }): Promise<{ files: number }>
  isFresh(outdir: string): boolean
}

/** Every file of the build, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  )
}

/** Starts the compiled server on a free port; resolves with its URL once it listens. */
function startCompiledServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(OUT, 'server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, SMA_DB: db, PORT: '0', HOST: '127.0.0.1', SMA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m?.[1]) resolve({ url: m[1], child })
    })
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      reject(new Error(`compiled server exited with ${code}: ${err}`))
    })
  })
}

describe('compiled build', () => {
  let server: { url: string; child: ChildProcess } | undefined
  const dir = mkdtempSync(join(tmpdir(), 'sma-build-'))
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    const mod = (await import(join(ROOT, 'scripts/build.mjs'))) as BuildModule
    const r = await mod.build({ outdir: OUT })
    expect(r.files).toBeGreaterThan(3)
    expect(mod.isFresh(OUT)).toBe(true)
  })
  afterAll(() => {
    server?.child.kill('SIGTERM')
    rmSync(OUT, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  })

  it('has one file per entry and needs neither tsx nor TypeScript sources', () => {
    for (const entry of ['cli/main.js', 'server/main.js', 'workers/projection.worker.js'])
      expect(existsSync(join(OUT, entry))).toBe(true)
    for (const f of files(OUT).filter((p) => p.endsWith('.js'))) {
      const text = readFileSync(f, 'utf8')
      expect(text).not.toMatch(/from ["']tsx/)
      expect(text).not.toMatch(/import\(["'][^"']*\.ts["']\)/)
    }
  })

  it('runs the CLI with plain Node: --version and a schedule from the inlined record', () => {
    const v = spawnSync(process.execPath, [join(OUT, 'cli/main.js'), '--version'], {
      encoding: 'utf8',
    })
    expect(v.stdout.trim()).toBe('0.1.0')
    const s = spawnSync(
      process.execPath,
      [join(OUT, 'cli/main.js'), 'schedule', 'rok-us-sma-12', '--json'],
      { encoding: 'utf8', cwd: tmpdir() },
    )
    expect(s.status).toBe(0)
    const schedule = JSON.parse(s.stdout) as { years: { year: number; amount: string | null }[] }
    expect(schedule.years.find((y) => y.year === 2027)?.amount).toBe('1551100000000')
  })

  it('runs the server: seeds a new database, answers, and projects on compiled worker threads', async () => {
    server = await startCompiledServer(join(dir, 'sma.db'))
    const health = await fetch(`${server.url}/api/health`)
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' })
    const schedule = await fetch(`${server.url}/api/agreements/rok-us-sma-12/schedule`)
    expect(schedule.status).toBe(200)
    // 100,000 paths run on the worker pool (below 50,000 they stay on the request's thread)
    const projection = await fetch(`${server.url}/api/projections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agreement: 'rok-us-sma-12', paths: 100_000, seed: 1 }),
    })
    expect(projection.status).toBe(200)
    const body = (await projection.json()) as { paths: number; projections: unknown[] }
    expect(body.paths).toBe(100_000)
    expect(body.projections).toHaveLength(1)
  })
})
