import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatKoreanAmount } from '../money/format.js'
import { withParticle, type Particle } from './korean-particles.js'

describe('Korean particles', () => {
  it('follow the last syllable: with or without a final consonant, ㄹ before 으로', () => {
    expect(withParticle('1조 5,192억 원', '으로')).toBe('1조 5,192억 원으로')
    expect(withParticle('3억 3,000만 달러', '으로')).toBe('3억 3,000만 달러로')
    expect(withParticle('3억 3,000만 달러', '과')).toBe('3억 3,000만 달러와')
    expect(withParticle('1,416억 엔', '이')).toBe('1,416억 엔이')
    expect(withParticle('소비자물가상승률', '이')).toBe('소비자물가상승률이')
    expect(withParticle('서울', '으로')).toBe('서울로')
    expect(withParticle('반올림', '은')).toBe('반올림은')
    expect(withParticle('절사', '은')).toBe('절사는')
    expect(withParticle('정수', '이어야')).toBe('정수여야')
    expect(withParticle('문자열', '이어야')).toBe('문자열이어야')
  })

  it('read digits and percent signs as they are spoken', () => {
    expect(withParticle('2.1%', '을')).toBe('2.1%를')
    expect(withParticle('2023', '이')).toBe('2023이') // 삼
    expect(withParticle('2022', '이')).toBe('2022가') // 이
    expect(withParticle('7', '으로')).toBe('7로') // 칠
    expect(withParticle('6', '으로')).toBe('6으로') // 육
  })

  it('never leave a symbol before a particle once an amount is written in Korean', () => {
    const currency = fc.constantFrom('KRW' as const, 'USD' as const, 'JPY' as const)
    const particle = fc.constantFrom<Particle>('은', '이', '을', '과', '으로')
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), currency, particle, (n, c, p) => {
        const text = withParticle(formatKoreanAmount(n, c), p)
        expect(text).not.toMatch(/[₩$¥]/)
        expect(text).toMatch(/[원러엔트](은|는|이|가|을|를|과|와|으로|로)$/)
      }),
    )
  })
})
