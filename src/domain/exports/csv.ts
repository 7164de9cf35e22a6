import type { Cell, ExportTable } from './table.js'

/** Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/

function field(cell: Cell, numeric: boolean): string {
  if (cell === null) return ''
  const text = !numeric && FORMULA_START.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The figures table as CSV: UTF-8 with a byte-order mark (so Excel opens Korean right), CRLF
 * line ends, RFC 4180 quoting, numbers as exact decimal text.
 * @example toCsv(table).startsWith('\uFEFF') // true
 */
export function toCsv(table: ExportTable): string {
  const numeric = table.columns.map((c) => c.kind !== 'text' && c.kind !== 'date')
  const lines = [
    table.columns.map((c) => field(c.header, false)).join(','),
    ...table.rows.map((r) => r.map((cell, i) => field(cell, numeric[i] ?? false)).join(',')),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * Reads CSV text made by `toCsv` (or any RFC 4180 file) back into rows of strings.
 * @example parseCsv('\uFEFFa,b\r\n1,"x,y"\r\n') // [["a","b"],["1","x,y"]]
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i)
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cur)
      cur = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      row.push(cur)
      rows.push(row)
      row = []
      cur = ''
    } else cur += ch
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur)
    rows.push(row)
  }
  return rows
}
