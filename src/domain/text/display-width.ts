/**
 * How many terminal columns a string takes. A terminal draws each Hangul syllable, CJK
 * ideograph, kana and fullwidth form two columns wide and a combining mark on the character
 * before it, so padding by `String.length` (UTF-16 code units) misaligns every Korean table.
 * This follows Unicode's East Asian Width (W and F = 2) and wcwidth's zero-width classes; it
 * measures code points, not grapheme clusters, so an emoji ZWJ sequence counts as the sum of
 * its parts (as most terminals draw it).
 */

/** Code point ranges of East Asian Wide (W) and Fullwidth (F), sorted, inclusive. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo leading consonants
  [0x231a, 0x231b], // watch, hourglass
  [0x2329, 0x232a], // angle brackets
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK…
  [0x3400, 0x4dbf], // CJK extension A
  [0x4dc0, 0x4dff], // Yijing hexagrams
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs (￦ ￥ …)
  [0x16fe0, 0x18cff], // Tangut, Khitan, ideographic symbols
  [0x1b000, 0x1b2ff], // kana supplement and extensions, Nushu
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251], // enclosed ideographic supplement
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320], // emoji (presentation by default)
  [0x1f32d, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0],
  [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567],
  [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4],
  [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7],
  [0x1f6dc, 0x1f6df],
  [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fc],
  [0x1f7e0, 0x1f7eb],
  [0x1f7f0, 0x1f7f0],
  [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945],
  [0x1f947, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK extensions G–H
]

/**
 * Zero columns: combining marks (drawn on the previous character), format characters such as
 * the zero-width space and joiner (U+200B–U+200D, U+2060, U+FEFF), control characters, and the
 * Hangul Jamo vowels and final consonants that join a leading consonant into one syllable
 * (U+1160–U+11FF, U+D7B0–U+D7FF), so decomposed (NFD) Hangul measures as its NFC form.
 * The soft hyphen U+00AD is a format character terminals draw one column wide.
 */
const ZERO = /[\p{Mn}\p{Me}\p{Cc}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]/u

/** Printable ASCII only: the common case, measured without looking at each character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

function isWide(cp: number): boolean {
  let lo = 0
  let hi = WIDE.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [from, to] = WIDE[mid] as readonly [number, number]
    if (cp < from) hi = mid - 1
    else if (cp > to) lo = mid + 1
    else return true
  }
  return false
}

/**
 * Columns one code point takes in a terminal: 0, 1 or 2.
 * @example codePointWidth(0xac00) // 2 ('가')
 */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp >= 0x20 && cp < 0x7f) return 1
  // Zero first: the kana voicing marks U+3099–309A are combining marks inside a wide block.
  if (cp !== 0xad && ZERO.test(String.fromCodePoint(cp))) return 0
  return isWide(cp) ? 2 : 1
}

/**
 * The display width of `text` in terminal columns (not UTF-16 code units): East Asian Wide and
 * Fullwidth characters count 2, combining marks and zero-width characters 0, the rest 1.
 * Iterates by code point, so a character outside the BMP (a surrogate pair) counts once.
 * @example displayWidth('제12차 SMA') // 10 (제, 차: 2 each; "12", " ", "SMA": 1 each)
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length
  let width = 0
  for (const ch of text) width += codePointWidth(ch.codePointAt(0) ?? 0)
  return width
}

/**
 * `text` padded with spaces to `width` columns: at the end (left-aligned) or, with
 * `align: 'right'`, at the start. Text already as wide or wider is returned unchanged, like
 * `String.prototype.padEnd`, but measured in columns.
 * @example padToWidth('한국', 6) // "한국  " (4 columns + 2 spaces)
 * @example padToWidth('1,234', 7, 'right') // "  1,234"
 */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return align === 'right' ? fill + text : text + fill
}
