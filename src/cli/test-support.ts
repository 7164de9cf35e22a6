import { displayWidth, padToWidth } from '../domain/text/display-width.js'

/** Test helpers for the CLI's aligned tables (not shipped behaviour). */

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/**
 * The graphemes of `line` that start in terminal columns [from, to): what a reader sees in
 * those columns. A wide character starting in the last column counts, so one straddling a
 * column boundary shows up on the wrong side of it.
 */
export function columnSlice(line: string, from: number, to: number): string {
  let column = 0
  let out = ''
  for (const { segment } of graphemes.segment(line)) {
    if (column >= from && column < to) out += segment
    column += displayWidth(segment)
  }
  return out
}

/** The columns of a `formatTable` table, read from its rule line (runs of ─ two spaces apart). */
export function ruleColumns(rule: string): { start: number; width: number }[] {
  return [...rule.matchAll(/─+/g)].map((m) => ({ start: m.index, width: m[0].length }))
}

/**
 * The lines of a `formatTable` table (header, rule, rows) that a terminal would show out of line:
 * wider than the rule, or without two blank columns before every column the rule marks.
 * Empty when every column separator lines up.
 */
export function misalignedLines(table: string): string[] {
  const lines = table.replace(/\n$/, '').split('\n')
  const columns = ruleColumns(lines[1] ?? '')
  const last = columns.at(-1)
  const total = last ? last.start + last.width : 0
  return lines.filter((line) => {
    if (displayWidth(line) > total) return true
    const full = padToWidth(line, total)
    return columns.some((c) => c.start > 0 && columnSlice(full, c.start - 2, c.start) !== '  ')
  })
}
