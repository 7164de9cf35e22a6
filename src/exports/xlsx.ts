import writeExcelFile from 'write-excel-file/node'
import { SHEET_NAMES, type ExportTable } from '../domain/exports/table.js'
import { L } from '../domain/exports/labels.js'

type SheetCell = {
  value: string | number
  type?: NumberConstructor | StringConstructor
  format?: string
  fontWeight?: 'bold'
} | null

const FORMAT = { int: '0', money: '#,##0', pct: '0.0##', share: '0.0%' } as const

/** A numeric kind's text as a number: exact for every figure the record holds (< 2^53). */
function numberCell(text: string, kind: keyof typeof FORMAT): SheetCell {
  const value = Number(text)
  if (
    !Number.isFinite(value) ||
    (kind !== 'share' && kind !== 'pct' && !Number.isSafeInteger(Math.trunc(value)))
  )
    return { value: text, type: String }
  const format = kind === 'money' && text.includes('.') ? '#,##0.00' : FORMAT[kind]
  return { value, type: Number, format }
}

/**
 * The workbook of an export: a figures sheet with real numbers (won as integers, rates as numbers
 * with formats), a sources sheet and a notes sheet. The same table as the CSV.
 */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const names = SHEET_NAMES[table.lang]
  const bold = (value: string): SheetCell => ({ value, type: String, fontWeight: 'bold' })
  const figures: SheetCell[][] = [
    table.columns.map((c) => bold(c.header)),
    ...table.rows.map((r) =>
      r.map((cell, i): SheetCell => {
        const kind = table.columns[i]?.kind ?? 'text'
        if (cell === null) return null
        if (kind === 'text' || kind === 'date') return { value: cell, type: String }
        return numberCell(cell, kind)
      }),
    ),
  ]
  const sources: SheetCell[][] = [
    [bold(L.about[table.lang]), bold(L.url[table.lang])],
    ...table.sources.map((s): SheetCell[] => [
      { value: s.about, type: String },
      { value: s.url, type: String },
    ]),
  ]
  const notes: SheetCell[][] = [
    [bold(table.title)],
    ...table.notes.map((n): SheetCell[] => [{ value: n, type: String }]),
  ]
  const widths = table.columns.map((c) => ({
    width: Math.min(40, Math.max(10, c.header.length + 4)),
  }))
  const book = writeExcelFile([
    { data: figures, sheet: names.figures, columns: widths, stickyRowsCount: 1 },
    { data: sources, sheet: names.sources, columns: [{ width: 24 }, { width: 80 }] },
    { data: notes, sheet: names.notes, columns: [{ width: 120 }] },
  ] as never)
  return book.toBuffer()
}
