import { describe, expect, it } from 'vitest'
import { latinWords } from './latin-words.js'

describe('latinWords', () => {
  it('finds Latin words of two or more letters, not item marks or digits', () => {
    expect(latinWords('A안은 escalation 규칙이며 2025년 값입니다.')).toEqual(['escalation'])
  })
  it('removes allowed terms only as whole words', () => {
    expect(latinWords('GDP 대비 0.8%, SMA Desk 추정', ['GDP', 'SMA Desk'])).toEqual([])
    expect(latinWords('GDPR 기준', ['GDP'])).toEqual(['GDPR'])
  })
  it('handles terms with regex characters', () => {
    expect(latinWords('If-Match 헤더', ['If-Match'])).toEqual([])
  })
})
