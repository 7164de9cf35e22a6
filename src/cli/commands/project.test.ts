// `sma project` as a user runs it: the real bin in a child process (workers included).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BacktestResult, ProjectionResult } from '../../domain/projection/index.js'

const bin = join(import.meta.dirname, '../../../bin/sma.mjs')
function sma(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('sma project', () => {
  it('--json: 2026 and 2027 exact, 2028–2030 distributions with cap binding (acceptance)', () => {
    const r = sma('project', 'rok-us-sma-12', '--paths', '100000', '--seed', '1', '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as ProjectionResult
    const years = out.projections[0]?.years ?? []
    expect(years.map((y) => [y.year, y.status, y.exact])).toEqual([
      [2026, 'fixed', '1519200000000'],
      [2027, 'fixed', '1551100000000'],
      [2028, 'simulated', null],
      [2029, 'simulated', null],
      [2030, 'simulated', null],
    ])
    for (const y of years.slice(2)) {
      expect(y.capBinds).toBeGreaterThan(0)
      expect(BigInt(y.nominal?.p5 ?? 0)).toBeLessThan(BigInt(y.nominal?.p95 ?? 0))
    }
    expect(out).toMatchObject({ mode: 'monte-carlo', paths: 100_000, seed: 1 })
    // same seed, other thread counts → the same numbers
    const one = sma(
      'project',
      'rok-us-sma-12',
      '--paths',
      '100000',
      '--seed',
      '1',
      '--workers',
      '1',
      '--json',
    )
    expect(JSON.parse(one.stdout)).toEqual(out)
  })

  it('compares the 12th SMA rule with an 11th-style defense-budget rule in the table', () => {
    const r = sma(
      'project',
      'rok-us-sma-12',
      '--paths',
      '20000',
      '--compare',
      'defense-budget-rule',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('difference rok-us-sma-12 − rok-us-sma-12-defense-budget-rule')
    expect(r.stdout).toMatch(/2027\s+-82\.0\s+-82\.0/)
    expect(r.stdout).toContain('P(rok-us-sma-12 costs more)')
    // Issue 16: the default is the calibrated random walk, drawn jointly with the budget.
    expect(r.stdout).toContain('random walk, σ of yearly changes 2000–2025 (25 pairs)')
    expect(r.stdout).toMatch(/drawn jointly: correlation -?\d\.\d\d/)
    const ar1 = sma('project', 'rok-us-sma-12', '--scenario', 'ar1', '--paths', '2000')
    expect(ar1.stdout).toContain('AR(1) fitted (OLS) 2000–2025, 25 pairs')
  })

  it('runs deterministic scenarios and scenario files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-project-'))
    const file = join(dir, 'mine.json')
    const base = JSON.parse(
      spawnSync('cat', [join(import.meta.dirname, '../../../data/scenarios/baseline.json')], {
        encoding: 'utf8',
      }).stdout,
    ) as Record<string, unknown>
    writeFileSync(
      file,
      JSON.stringify({
        ...base,
        id: 'mine',
        indices: { KR_CPI: { values: {}, after: '5.1', basis: 'test' } },
      }),
    )
    const r = sma('project', 'rok-us-sma-12', '--scenario', file, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as ProjectionResult
    expect(out.mode).toBe('deterministic')
    expect(out.projections[0]?.years[2]?.exact).toBe('1628700000000')
  })

  it.each(
    [
      ['rok-us-sma-99'],
      ['rok-us-sma-12', '--paths', '0'],
      ['rok-us-sma-12', '--paths', '2000000'],
      ['rok-us-sma-12', '--seed', '-1'],
      ['rok-us-sma-12', '--scenario', 'nope'],
      ['rok-us-sma-12', '--scenario', 'missing.json'],
      ['jp-us-sma-2022', '--compare', 'rok-us-sma-12'],
    ].map((args) => ({ args, label: args.join(' ') })),
  )('bad input is one line and exit 2: $label', ({ args }) => {
    const r = sma('project', ...args)
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^sma: /)
  })

  it('Ctrl-C cancels a long run cleanly (exit 130, one line)', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'project', 'rok-us-sma-12', '--paths', '1000000', '--workers', '1'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    let sent = false
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      if (!sent && stderr.includes('projected')) {
        sent = true // once: a second Ctrl-C would end the process at once, as usual
        child.kill('SIGINT')
      }
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    // either cancelled mid-run, or the run won the race and finished
    if (code === 130) expect(stderr).toContain('sma: projection cancelled')
    else expect(code).toBe(0)
  })
})

describe('sma project backtest (issue 16)', () => {
  it('--series KR_CPI --json on the default scenario: P5–P95 covers 85–95 % of 42 cases (acceptance)', () => {
    const r = sma('project', 'backtest', '--series', 'KR_CPI', '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as BacktestResult
    expect(out).toMatchObject({
      schema: 'sma-desk/backtest@1',
      scenario: { id: 'calibrated' },
      series: 'KR_CPI',
      origins: { from: 2010, to: 2024 },
      horizons: 3,
    })
    expect(out.coverage.band90.cases).toBe(42)
    expect(out.coverage.band90.share).toBeGreaterThanOrEqual(0.85)
    expect(out.coverage.band90.share).toBeLessThanOrEqual(0.95)
    expect(out.byHorizon.map((h) => h.horizon)).toEqual([1, 2, 3])
    expect(out.cases.filter((c) => c.miss !== null)).toHaveLength(
      out.coverage.band90.cases - out.coverage.band90.hits,
    )
  })

  it('prints a table by horizon with the misses; --scenario ar1 shows its 26 of 42', () => {
    const r = sma('project', 'backtest', '--scenario', 'ar1', '--paths', '20000')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^all\s+42\s+26\/42 \(61\.9 %\)/m)
    expect(r.stdout).toContain('from 2021: 2022 = 5.1 % above')
  })

  it.each(
    [
      ['--scenario', 'baseline'],
      ['--series', 'KR_GDP'],
      ['--horizons', '0'],
      ['--from', '2024', '--to', '2010'],
      ['--paths', '10'],
    ].map((args) => ({ args, label: args.join(' ') })),
  )('bad input is one line and exit 2: $label', ({ args }) => {
    const r = sma('project', 'backtest', ...args)
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
