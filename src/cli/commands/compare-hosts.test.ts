// `sma compare-hosts` as a user runs it: the real bin in a child process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostComparisonOf } from '../../record/host-comparison.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { misalignedLines } from '../test-support.js'

const bin = join(import.meta.dirname, '../../../bin/sma.mjs')
function sma(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('sma compare-hosts', () => {
  it('--json is the API answer: the one domain function on the shipped record', () => {
    const r = sma('compare-hosts', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(JSON.stringify(hostComparisonOf(shippedSnapshot()))),
    )
  })

  it('prints Korean as an official would, unknown cells as 미상, and the notes', () => {
    const r = sma('compare-hosts', '--from', '2022', '--to', '2022', '--lang', 'ko')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('2,056억 엔 (언론 보도)')
    expect(r.stdout).toContain('1달러 = 131.4589엔')
    expect(r.stdout).toContain('28,963달러')
    expect(r.stdout).toContain('미상')
    expect(r.stdout).toContain('4월~다음 해 3월')
    expect(r.stdout).toContain('SMA Desk가 계산한 값이며 공표된 수치가 아니다')
    expect(r.stdout).not.toContain('2021')
  })

  it('lines up its Korean table by terminal columns, not UTF-16 units', () => {
    const r = sma('compare-hosts', '--from', '1990', '--to', '1995', '--lang', 'ko')
    expect(r.code).toBe(0)
    const table = r.stdout.split('\n\n')[0] ?? ''
    // Cells as wide in columns as in code units would hide the bug: these are not.
    expect(table).toContain('1억 5,000만 달러 (정부·국회 공표)')
    expect(table).toContain('미상')
    expect(misalignedLines(table)).toEqual([])
  })

  it('refuses a bad year or language in one line, exit 2, no stack trace', () => {
    for (const args of [
      ['--from', '20x'],
      ['--lang', 'jp'],
      ['--from', '2020', '--to', '2019'],
    ]) {
      const r = sma('compare-hosts', ...args)
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).not.toMatch(/\bat \S+:\d+/)
    }
  })
})

describe('sma sources', () => {
  it("lists Japan's yearly host-nation support figures under the agreement of their year", () => {
    const r = sma('sources', '--agreement', 'jp-us-sma-2008', '--json')
    expect(r.code).toBe(0)
    const facts = (
      JSON.parse(r.stdout) as { facts: { agreement: string; fact: string; weakest: string }[] }
    ).facts
    expect(facts).toContainEqual(
      expect.objectContaining({
        agreement: 'jp-us-sma-2008',
        fact: 'host-nation support FY2008 contractBasisTotal',
        weakest: 'official',
      }),
    )
    expect(facts.filter((f) => f.fact.startsWith('host-nation support FY2009'))).toHaveLength(2)
  })

  it('lines up its Korean table by terminal columns', () => {
    const r = sma('sources', '--agreement', 'rok-us-sma-12', '--lang', 'ko')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('가장 약한 출처')
    expect(misalignedLines(r.stdout.split('\n\n')[0] ?? '')).toEqual([])
  })
})
