import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { displayWidth, padToWidth } from '../domain/text/display-width.js'
import { formatTable } from './table.js'
import { columnSlice, misalignedLines, ruleColumns } from './test-support.js'

describe('formatTable', () => {
  it('pads Korean cells by terminal columns, left and right aligned', () => {
    const out = formatTable(
      ['나라', '분담액', 'note'],
      [
        ['한국', '1억 5,000만 달러', 'published'],
        ['Japan', '미상', ''],
      ],
      [false, true, false],
    )
    expect(out).toBe(
      [
        '나라' + ' '.repeat(13) + '분담액  note', // 나라 is 4 columns: 1 + 2 + 10 spaces
        '─────  ────────────────  ─────────',
        '한국   1억 5,000만 달러  published',
        'Japan' + ' '.repeat(14) + '미상',
        '',
      ].join('\n'),
    )
    expect(misalignedLines(out)).toEqual([])
  })

  it('measures fullwidth forms and ignores combining marks', () => {
    const out = formatTable(
      ['a', 'b'],
      [
        ['ＳＭＡ', 'x'],
        ['e\u0301te\u0301', 'y'],
      ],
    )
    expect(out.split('\n')[1]).toBe('──────  ─')
    expect(out.split('\n')[3]).toBe('e\u0301te\u0301     y')
    expect(misalignedLines(out)).toEqual([])
  })

  it('finds a table padded by String.length out of line (the check can fail)', () => {
    // What the old padEnd by String.length printed for these cells.
    const byLength = ['나라   x', '───  ─', '한국   1', '일본국  2'].join('\n')
    expect(misalignedLines(byLength)).toEqual(['나라   x', '한국   1', '일본국  2'])
  })

  // Cells of Latin, digits, spaces, Hangul (also decomposed), CJK, kana, fullwidth and
  // combining marks; no tab or ideographic space, which trimEnd would take as whitespace.
  const grapheme = fc.constantFrom(
    'a',
    'Z',
    '7',
    ' ',
    '-',
    ',',
    '(',
    '—',
    '한',
    '국',
    '억',
    '각'.normalize('NFD'),
    '日',
    'カ',
    'Ａ',
    '￦',
    'e\u0301',
    '가\u0300',
  )
  const cell = fc.array(grapheme, { maxLength: 8 }).map((g) => g.join(''))
  // A header is never empty, so every column has a rule to read its place from.
  const headerCell = fc.array(grapheme, { minLength: 1, maxLength: 8 }).map((g) => g.join(''))

  it('puts every cell of random text in its columns, separators lined up', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(
              fc.array(headerCell, { minLength: n, maxLength: n }),
              fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
              fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            ),
          ),
        ([header, rows, right]) => {
          const out = formatTable(header, rows, right)
          expect(misalignedLines(out)).toEqual([])
          const lines = out.replace(/\n$/, '').split('\n')
          const columns = ruleColumns(lines[1] ?? '')
          const total = Math.max(...columns.map((c) => c.start + c.width))
          ;[header, ...rows].forEach((cells, r) => {
            const line = lines[r === 0 ? 0 : r + 1] ?? ''
            expect(displayWidth(line)).toBeLessThanOrEqual(total)
            const full = padToWidth(line, total)
            columns.forEach((c, i) => {
              expect(columnSlice(full, c.start, c.start + c.width)).toBe(
                padToWidth(cells[i] ?? '', c.width, right[i] ? 'right' : 'left'),
              )
            })
          })
        },
      ),
    )
  })
})
