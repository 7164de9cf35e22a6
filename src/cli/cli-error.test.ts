import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain/errors.js'
import {
  CliError,
  cliConfig,
  cliLanguage,
  errorLine,
  exitCodeOf,
  systemCode,
  unreadableFile,
} from './cli-error.js'

describe('the CLI error line', () => {
  it('is Korean with --lang ko or SMA_LANG=ko; an explicit --lang wins over SMA_LANG', () => {
    expect(cliLanguage(['explain', 'x', '2027', '--lang', 'ko'], {})).toBe('ko')
    expect(cliLanguage(['explain', '--lang=ko'], {})).toBe('ko')
    expect(cliLanguage(['project', 'x'], { SMA_LANG: 'ko' })).toBe('ko')
    expect(cliLanguage(['project', 'x'], { SMA_LANG: 'ko_KR.UTF-8' })).toBe('ko')
    expect(cliLanguage(['explain', '--lang', 'en'], { SMA_LANG: 'ko' })).toBe('en')
    expect(cliLanguage(['project', 'x'], {})).toBe('en')
  })

  it('says the Korean text when there is one, else the English; one line', () => {
    const e = new DomainError('conflict', 'Round 3 is already recorded.\nmore', {
      ko: '제3차 협상 회의는 이미 기록되어 있습니다.',
    })
    expect(errorLine(e, 'ko')).toBe('제3차 협상 회의는 이미 기록되어 있습니다.')
    expect(errorLine(e, 'en')).toBe('Round 3 is already recorded.')
    const cli = new CliError('not found (404)', '찾을 수 없습니다(404).')
    expect(errorLine(cli, 'ko')).toBe('찾을 수 없습니다(404).')
    expect(errorLine(cli, 'en')).toBe('not found (404)')
    expect(exitCodeOf(cli)).toBe(2)
    expect(exitCodeOf(new CliError('cancelled', '취소했습니다.', 130))).toBe(130)
  })
})

describe('the Korean of a wrapped error', () => {
  it('a file keeps the system code, never the system English', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x.json'"), {
      code: 'ENOENT',
    })
    const e = unreadableFile(`cannot read x.json: ${enoent.message}`, 'x.json', enoent)
    expect(e.message).toContain('no such file')
    expect(errorLine(e, 'ko')).toBe('"x.json" 파일을 읽을 수 없습니다(ENOENT).')
    expect(
      errorLine(unreadableFile('bad', 'x.json', new SyntaxError('Unexpected end')), 'ko'),
    ).toBe('"x.json" 파일이 올바른 JSON 형식이 아닙니다.')
    expect(systemCode(new Error('plain'))).toBe('')
    expect(systemCode(undefined)).toBe('')
  })

  it('a bad setting names the environment variable', () => {
    let err: unknown
    try {
      cliConfig({ SMA_PARTIES: 'XX' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CliError)
    const e = err as CliError
    expect(errorLine(e, 'en')).toMatch(/^configuration: SMA_PARTIES: /)
    expect(errorLine(e, 'ko')).toBe(
      '환경 변수 "SMA_PARTIES"의 값이 올바르지 않습니다. "XX"은(는) 쓸 수 없습니다. "KR", "US" 또는 "KR,US"로 쓰십시오.',
    )
  })
})
