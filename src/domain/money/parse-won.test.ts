import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatKrwKorean, formatMoney, formatScaled } from './format.js'
import { parseWon } from './parse-won.js'

const won = (text: string) => {
  const r = parseWon(text)
  return r.ok ? r.won : r.problem
}
const amount = fc.bigInt(0n, 10n ** 21n - 1n)

describe('parseWon', () => {
  it('reads the forms a negotiator types (issue 11)', () => {
    for (const t of [
      '1조 6천억',
      '1조6천억원',
      '1.6 trillion',
      '1.6 trillion won',
      '1,600,000,000,000',
      '₩1,600,000,000,000',
      '16000억',
      '1.6조',
      '1,600 bn',
      'KRW 1.6tn',
    ]) {
      expect(won(t), t).toBe(1_600_000_000_000n)
    }
    expect(won('1조 5,511억 320만 원')).toBe(1_551_103_200_000n)
    expect(won('6천5백억')).toBe(650_000_000_000n)
    expect(won('300 million')).toBe(300_000_000n)
    expect(won('억')).toBe(100_000_000n)
    expect(won('0원')).toBe(0n)
  })

  it('adds decimals of different lengths exactly, and reads a plus sign', () => {
    expect(won('1.25조 3.5억')).toBe(1_250_350_000_000n)
    expect(won('3.5억 1.25만')).toBe(350_012_500n)
    expect(won('천만')).toBe(10_000_000n)
    expect(won('+5억')).toBe(500_000_000n)
    expect(won('+1,000')).toBe(1000n)
  })

  it('refuses units out of order or repeated, stray text, and misplaced signs', () => {
    expect(won('1만 1만')).toBe('unreadable')
    expect(won('1억 2억')).toBe('unreadable')
    expect(won('1억 abc')).toBe('unreadable')
    expect(won('1-2')).toBe('unreadable')
    expect(won('5+')).toBe('unreadable')
    expect(won('−5억')).toBe('negative')
  })

  it('says which form it read', () => {
    expect(parseWon('1600000000000')).toMatchObject({ form: 'digits' })
    expect(parseWon('1조')).toMatchObject({ form: 'korean' })
    expect(parseWon('1 tn')).toMatchObject({ form: 'english' })
  })

  it('refuses what is not a whole, non-negative won amount, naming why', () => {
    expect(won('')).toBe('empty')
    expect(won('  ')).toBe('empty')
    expect(won('abc')).toBe('unreadable')
    expect(won('1.6 zillion')).toBe('unreadable')
    expect(won('1만 2억')).toBe('unreadable')
    expect(won('1 2')).toBe(12n) // spaces are separators, like commas
    expect(won('1.2.3')).toBe('unreadable')
    expect(won('0.5')).toBe('fraction')
    expect(won('1.23456789만')).toBe('fraction')
    expect(won('-5')).toBe('negative')
    expect(won('1000000000000 trillion')).toBe('too-large')
  })

  it('reads back every way the app prints won: parse(format(x)) = x', () => {
    fc.assert(
      fc.property(amount, (x) => {
        expect(won(x.toString())).toBe(x)
        expect(won(formatMoney(x, 'KRW'))).toBe(x)
        expect(won(formatKrwKorean(x))).toBe(x)
        expect(won(formatScaled(x, 'KRW'))).toBe(x)
      }),
    )
  })

  it('a scale and its digits agree: x 억 = x × 10⁸, x trillion = x × 10¹²', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 8n), (x) => {
        expect(won(`${x}억`)).toBe(x * 10n ** 8n)
        expect(won(`${x} trillion`)).toBe(x * 10n ** 12n)
      }),
    )
  })
})
