import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain/errors.js'
import { CliError, cliLanguage, errorLine } from './cli-error.js'

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
    expect(errorLine(new CliError('bad flag'), 'ko')).toBe('bad flag')
    expect(errorLine(new CliError('not found (404)', 2, '찾을 수 없습니다(404).'), 'ko')).toBe(
      '찾을 수 없습니다(404).',
    )
  })
})
