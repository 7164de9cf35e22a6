import { describe, expect, it } from 'vitest'
import { koreanDate } from './korean-date.js'

describe('Korean dates', () => {
  it('write year, month and day in words, without leading zeros', () => {
    expect(koreanDate('2025-12-31')).toBe('2025년 12월 31일')
    expect(koreanDate('2024-03-04')).toBe('2024년 3월 4일')
    expect(koreanDate('2024-03')).toBe('2024년 3월')
    expect(koreanDate('unknown')).toBe('unknown')
  })
})
