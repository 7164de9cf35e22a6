// The language of the CLI's error lines, end to end: the real `sma` bin in a child process. The
// same bad input gives the English line by default and the Korean one with SMA_LANG=ko or
// `--lang ko`; the exit code is the same, the line one, never a stack trace.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')

/** The environment of the test run without SMA_LANG, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { SMA_LANG: _lang, ...rest } = process.env
  return { ...rest, ...extra }
}

function sma(
  args: string[],
  extra: Record<string, string> = {},
): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: envWith(extra),
  })
  return { code: r.status, stderr: r.stderr }
}

/** One line on stderr, no stack trace; the line. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/\n\s+at /)
  const lines = stderr.replace(/\n$/, '').split('\n')
  expect(lines).toHaveLength(1)
  return lines[0] ?? ''
}

describe('the language of an error line', () => {
  it('a command error (explain, which takes --lang): English, SMA_LANG=ko, --lang ko', () => {
    const args = ['explain', 'rok-us-sma-12', '1999']
    const en = sma(args)
    expect(en.code).toBe(2)
    expect(oneLine(en.stderr)).toBe('sma: 1999 is outside the term of rok-us-sma-12 (2026–2030)')
    const ko = '1999년은 "rok-us-sma-12" 협정 기간(2026~2030년)에 포함되지 않습니다.'
    for (const r of [sma(args, { SMA_LANG: 'ko' }), sma([...args, '--lang', 'ko'])]) {
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toBe(`sma: ${ko}`)
    }
  })

  it('a usage error of the argument parser: English, SMA_LANG=ko, --lang ko', () => {
    const args = ['explain', 'rok-us-sma-12', '2027', '--frobnicate']
    const en = sma(args)
    expect(en.code).toBe(2)
    expect(oneLine(en.stderr)).toBe("error: unknown option '--frobnicate'")
    for (const r of [sma(args, { SMA_LANG: 'ko' }), sma([...args, '--lang', 'ko'])]) {
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toBe('sma: 알 수 없는 옵션 "--frobnicate"입니다.')
    }
  })

  it('an unknown command with a suggestion is one Korean line', () => {
    const r = sma(['projct'], { SMA_LANG: 'ko' })
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toBe(
      'sma: 알 수 없는 명령 "projct"입니다. "project"이(가) 맞는지 확인하십시오.',
    )
  })

  it('a file that cannot be read: the Korean keeps the system code, not its English', () => {
    const file = join(import.meta.dirname, 'no-such-agreement.json')
    const en = sma(['schedule', file])
    expect(en.code).toBe(2)
    expect(oneLine(en.stderr)).toMatch(/^sma: cannot read agreement file .*no such file/)
    const ko = sma(['schedule', file], { SMA_LANG: 'ko' })
    expect(ko.code).toBe(2)
    expect(oneLine(ko.stderr)).toBe(`sma: "${file}" 파일을 읽을 수 없습니다(ENOENT).`)
  })

  it('a bad setting names the environment variable', () => {
    const en = sma(['agreements'], { SMA_PARTIES: 'XX' })
    expect(en.code).toBe(2)
    expect(oneLine(en.stderr)).toMatch(/^sma: configuration: SMA_PARTIES: /)
    const ko = sma(['agreements'], { SMA_PARTIES: 'XX', SMA_LANG: 'ko' })
    expect(ko.code).toBe(2)
    expect(oneLine(ko.stderr)).toBe(
      'sma: 환경 변수 "SMA_PARTIES"의 값이 올바르지 않습니다. "XX"은(는) 쓸 수 없습니다. "KR", "US" 또는 "KR,US"로 쓰십시오.',
    )
  })

  it('an option out of range (simulate, no --lang of its own) in Korean with SMA_LANG=ko', () => {
    const args = ['simulate', '--genius', 'a.xml', 'b.xml', 'c.xml', '--rounds', '0']
    const en = sma(args)
    expect(en.code).toBe(2)
    expect(oneLine(en.stderr)).toBe('sma: --rounds must be a whole number ≥ 1 (got "0")')
    const ko = sma(args, { SMA_LANG: 'ko' })
    expect(ko.code).toBe(2)
    expect(oneLine(ko.stderr)).toBe('sma: "--rounds" 값은 1 이상의 정수여야 합니다(입력값: "0").')
  })
})
