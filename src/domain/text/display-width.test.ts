import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointWidth, displayWidth, padToWidth } from './display-width.js'

describe('displayWidth', () => {
  it('counts ASCII one column per character', () => {
    expect(displayWidth('')).toBe(0)
    expect(displayWidth('rok-us-sma-12')).toBe(13)
  })

  it('counts Hangul syllables two columns each', () => {
    expect(displayWidth('한국')).toBe(4)
    expect(displayWidth('미상')).toBe(4)
    expect(displayWidth('방위비 분담금')).toBe(13)
  })

  it('measures mixed Korean, Latin and digits', () => {
    expect(displayWidth('제12차 SMA')).toBe(10)
    expect(displayWidth('1억 5,000만 달러 (공표)')).toBe(23)
    expect(displayWidth('2,056억 엔 (보도)')).toBe(17)
  })

  it('counts CJK ideographs, kana, CJK punctuation and fullwidth forms two columns', () => {
    expect(displayWidth('日本')).toBe(4)
    expect(displayWidth('ひらがなカタカナ')).toBe(16)
    expect(displayWidth('「」、。')).toBe(8)
    expect(displayWidth('ＳＭＡ１２')).toBe(10)
    expect(displayWidth('￦１００')).toBe(8)
    expect(displayWidth('ㄱㅏ')).toBe(4) // Hangul compatibility Jamo
  })

  it('counts a character outside the BMP once, not per UTF-16 unit', () => {
    expect('𠀋'.length).toBe(2)
    expect(displayWidth('𠀋')).toBe(2) // CJK extension B: wide
    expect(displayWidth('𝐀')).toBe(1) // mathematical bold A: narrow
  })

  it('counts combining marks and zero-width characters as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('a\u200db')).toBe(2)
    expect(displayWidth('\u200b\ufeff')).toBe(0)
    expect(displayWidth('か\u3099')).toBe(2) // kana + combining voicing mark
  })

  it('measures decomposed (NFD) Hangul as its composed form', () => {
    const nfc = '대한민국 국방부'
    const nfd = nfc.normalize('NFD')
    expect(nfd.length).toBeGreaterThan(nfc.length)
    expect(displayWidth(nfd)).toBe(displayWidth(nfc))
  })

  it('keeps box drawing, dashes and symbols of the CLI one column', () => {
    expect(displayWidth('─—–…')).toBe(4)
    expect(displayWidth('€ ₩ %')).toBe(5)
  })

  it('is additive over concatenation of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(displayWidth(a + b)).toBe(displayWidth(a) + displayWidth(b))
      }),
    )
  })

  it('is between 0 and twice the number of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const w = displayWidth(s)
        expect(w).toBeGreaterThanOrEqual(0)
        expect(w).toBeLessThanOrEqual(2 * Array.from(s).length)
      }),
    )
  })
})

describe('codePointWidth', () => {
  it('gives the first and last Hangul syllables two columns, the code point after one', () => {
    expect(codePointWidth(0xac00)).toBe(2)
    expect(codePointWidth(0xd7a3)).toBe(2)
    expect(codePointWidth(0xd7a4)).toBe(1)
  })
  it('draws the soft hyphen one column, unlike other format characters', () => {
    expect(codePointWidth(0xad)).toBe(1)
    expect(codePointWidth(0x200d)).toBe(0)
  })
})

describe('padToWidth', () => {
  it('pads by columns, at the end or at the start', () => {
    expect(padToWidth('한국', 6)).toBe('한국  ')
    expect(padToWidth('한국', 6, 'right')).toBe('  한국')
    expect(padToWidth('1,234', 7, 'right')).toBe('  1,234')
  })
  it('leaves text as wide or wider unchanged', () => {
    expect(padToWidth('대한민국', 4)).toBe('대한민국')
    expect(padToWidth('abc', 3)).toBe('abc')
  })
  it('always reaches the width asked for (or more)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(40), (s, w) => {
        const padded = padToWidth(s, w)
        expect(displayWidth(padded)).toBe(Math.max(w, displayWidth(s)))
      }),
    )
  })
})
