// The CLI as a user runs it: the real `sma` bin in a child process, exit codes and output.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')
function sma(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
type ScheduleJson = {
  agreement: string
  currency: string
  years: {
    year: number
    amount: string | null
    status: string
    published: string | null
    matchesPublished: boolean | null
    derivation: { type: string; rate?: { binding?: string | null } }
  }[]
}
const year = (s: ScheduleJson, y: number) => s.years.find((x) => x.year === y)

describe('sma CLI', () => {
  it('an error is one line in Korean with SMA_LANG=ko, in English otherwise', () => {
    const args = ['project', 'rok-us-sma-12', '--compare', 'nope-agreement', '--paths', '10']
    const en = sma(...args, '--no-progress')
    expect(en.code).toBe(2)
    expect(en.stderr).toBe('sma: unknown agreement "nope-agreement"\n')
    const ko = spawnSync(process.execPath, [bin, ...args, '--no-progress'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, SMA_LANG: 'ko' },
    })
    expect(ko.status).toBe(2)
    expect(ko.stderr).toBe('sma: "nope-agreement" 협정은 기록에 없습니다.\n')
  })

  it('schedule --json follows the contract for the 12th SMA', () => {
    const r = sma('schedule', 'rok-us-sma-12', '--json')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout) as ScheduleJson
    expect(s.agreement).toBe('rok-us-sma-12')
    expect(s.currency).toBe('KRW')
    expect(year(s, 2026)).toMatchObject({
      amount: '1519200000000',
      status: 'computed',
      published: '1519200000000',
      matchesPublished: true,
    })
    expect(year(s, 2027)).toMatchObject({
      amount: '1551100000000',
      status: 'computed',
      published: null,
      matchesPublished: null,
    })
    for (const y of [2028, 2029, 2030])
      expect(year(s, y)).toMatchObject({ amount: null, status: 'pending' })
  })

  it('what-ifs: CPI 2025 at 7.3 % hits the cap; CPI 2026 at 2.5 % fills 2028', () => {
    const a = JSON.parse(
      sma('schedule', 'rok-us-sma-12', '--index', 'KR_CPI:2025=7.3', '--json').stdout,
    ) as ScheduleJson
    expect(year(a, 2027)?.amount).toBe('1595200000000')
    expect(year(a, 2027)?.derivation.rate?.binding).toBe('cap')
    const b = JSON.parse(
      sma('schedule', 'rok-us-sma-12', '--index', 'KR_CPI:2026=2.5', '--json').stdout,
    ) as ScheduleJson
    expect(year(b, 2028)?.amount).toBe('1589900000000')
  })

  it('11th SMA with 2022 defense growth 10.0 %: the chain flows and differs from the published', () => {
    const s = JSON.parse(
      sma('schedule', 'rok-us-sma-11', '--index', 'KR_DEFENSE_BUDGET:2022=10.0', '--json').stdout,
    ) as ScheduleJson
    expect(year(s, 2023)?.amount).toBe('1371900000000')
    expect(year(s, 2024)?.matchesPublished).toBeNull() // no published 2024 figure located
    expect(year(s, 2025)?.matchesPublished).toBe(false)
  })

  it('check passes and names negotiated years', () => {
    const r = sma('check')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/17 computed years match their published figure exactly/)
    expect(r.stdout).toMatch(/negotiated/)
    expect(r.stdout).toMatch(/0 mismatches/)
  })

  it('agreements lists all twelve ROK–US and the Japanese agreements', () => {
    const r = sma('agreements', '--json', '--today', '2026-11-28')
    const list = (JSON.parse(r.stdout) as { agreements: { id: string; status: string }[] })
      .agreements
    expect(list.filter((a) => a.id.startsWith('rok-us-sma-'))).toHaveLength(12)
    expect(list.filter((a) => a.id.startsWith('jp-us-sma-')).length).toBeGreaterThanOrEqual(9)
    expect(list.find((a) => a.id === 'rok-us-sma-12')?.status).toBe('in-force')
    expect(list.find((a) => a.id === 'rok-us-sma-11')?.status).toBe('expired')
  })

  it('explain gives the derivation in plain words, in Korean too', () => {
    expect(sma('explain', 'rok-us-sma-12', '2027').stdout).toContain(
      '2027 = round half-up to ₩100,000,000 of ₩1,519,200,000,000 × (1 + min(2.1 %, 5 %)) = ₩1,551,100,000,000',
    )
    expect(sma('explain', 'rok-us-sma-12', '2027', '--lang', 'ko').stdout).toContain(
      '1조 5,511억 원',
    )
  })

  it('analyze --sma prices SMA packages with the engine and labels whose utility is whose', () => {
    const r = sma(
      'analyze',
      '--sma',
      join(import.meta.dirname, '../../fixtures/sma-analysis/sma12-kr-view.json'),
      '--json',
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as {
      outcomes: number
      whose: string[]
      frontier: { amount: string | null }[]
      nash: unknown
    }
    expect(out.outcomes).toBe(48)
    expect(out.whose).toEqual(['own', 'estimate-of-other'])
    expect(out.frontier.every((f) => f.amount !== null && /^\d+$/.test(f.amount))).toBe(true)
    expect(out.nash).not.toBeNull()
  })

  it.each([
    [['schedule', 'rok-us-sma-99'], /unknown agreement "rok-us-sma-99"/],
    [['schedule', 'rok-us-sma-12', '--index', 'KR_CPI2025'], /malformed index value/],
    [['schedule', 'rok-us-sma-12', '--index', 'XX:2025=1'], /unknown index series "XX"/],
    [['explain', 'rok-us-sma-12', '1999'], /outside the term/],
    [['explain', 'rok-us-sma-12', '2027', '--lang', 'fr'], /unknown language/],
  ])('bad input %j → one line, exit 2', (args, message) => {
    const r = sma(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('user add refuses a role the party cannot hold, before asking for a password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-cli-'))
    // the same refusal in each language (a password on stdin, which must never be read)
    const addPublicAdmin = (env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [bin, 'user', 'add', '--email', 'p@x.example', '--party', 'PUBLIC', '--role', 'admin'],
        {
          encoding: 'utf8',
          timeout: 60_000,
          input: 'a quiet harbour of brass lanterns\n',
          env: { ...process.env, SMA_DB: join(dir, 'users.db'), ...env },
        },
      )
    const r = addPublicAdmin({})
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/a PUBLIC account can only be a viewer, not admin/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const ko = addPublicAdmin({ SMA_LANG: 'ko' })
    expect(ko.status).toBe(2)
    expect(ko.stderr).toMatch(/^sma: PUBLIC 계정은 viewer 역할만 가질 수 있습니다/)
    expect(ko.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a malformed agreement file is one clear line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sma-cli-'))
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"schema":"sma-desk/agreement@1","id":"x"')
    const r = sma('schedule', bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/cannot read agreement file/)
    writeFileSync(bad, '{"schema":"sma-desk/agreement@1","id":"x"}')
    const r2 = sma('schedule', bad)
    expect(r2.code).toBe(2)
    expect(r2.stderr).toMatch(/malformed agreement file/)
  })
})
