import { describe, expect, it } from 'vitest'
import { LANGS } from '../text/localized.js'
import {
  PROVENANCE_WORD_KEYS,
  budgetProvenance,
  provenanceLabel,
  provenanceLegend,
  provenanceText,
  shortProvenance,
} from './provenance-words.js'
import { PROVENANCES } from './sources.js'

describe('the words of the provenance classes', () => {
  it('covers every provenance class and the two year statuses without an amount', () => {
    expect([...PROVENANCE_WORD_KEYS].sort()).toEqual([...PROVENANCES, 'pending', 'unknown'].sort())
  })

  for (const form of ['short', 'long'] as const)
    for (const lang of LANGS)
      it(`gives every class a ${form} ${lang} word, and no two classes the same`, () => {
        const words = PROVENANCE_WORD_KEYS.map((k) => provenanceText(k, lang, form))
        for (const w of words) expect(w.trim().length).toBeGreaterThan(0)
        expect(new Set(words).size).toBe(words.length)
      })

  it('says a derived figure is SMA Desk’s, in every form and language', () => {
    for (const lang of LANGS) {
      expect(shortProvenance('derived', lang)).toContain('SMA Desk')
      expect(provenanceLabel('derived', lang)).toContain('SMA Desk')
    }
    expect(provenanceLabel('derived', 'ko')).toContain('공표 수치 아님')
    expect(provenanceLabel('derived', 'en')).toContain('not a published figure')
  })

  it('reads the worked examples of the doc comments', () => {
    expect(shortProvenance('estimate', 'ko')).toBe('추정')
    expect(shortProvenance('published', 'ko')).toBe('정부·국회 공표')
    expect(provenanceText('pending', 'ko', 'short')).toBe('입력 대기')
    expect(provenanceLabel('stated', 'en')).toBe('amount stated in the agreement')
    expect(budgetProvenance('published', 'ko')).toBe('정부·국회 공표 예산')
    expect(budgetProvenance('reported', 'en')).toBe('reported budget')
    expect(provenanceLegend(['estimate', 'unsourced'], 'ko')).toBe(
      '추정: 근삿값으로 추정한 수치; 출처 미확인: 인용 가능한 출처 미확인',
    )
  })
})
