import type { Lang } from '../text/localized.js'

/**
 * What every export (CSV, XLSX, the tables of a PDF brief) is made of: a figures table whose
 * cells are exact decimal texts with a kind, the sources the figures cite, and notes (what is
 * derived, what is an estimate, the date of the record). CSV writes the texts as they are; XLSX
 * turns the numeric kinds into real numbers with a number format. One model, so the server, the
 * CLI and the web download the same columns.
 */
export type ColumnKind =
  /** A whole number such as a year. */
  | 'int'
  /** An amount in the major unit of `currency` (won are integers), as exact decimal text. */
  | 'money'
  /** A percentage as decimal text ("2.1" = 2.1 %). */
  | 'pct'
  /** A share of paths from 0 to 1. */
  | 'share'
  | 'text'
  | 'date'

export interface ExportColumn {
  readonly key: string
  readonly header: string
  readonly kind: ColumnKind
}

/** A cell: exact text (numbers as decimal text), or null for an empty cell. */
export type Cell = string | null

export interface ExportTable {
  /** A file-name stem such as "rok-us-sma-12-schedule". */
  readonly name: string
  readonly title: string
  readonly lang: Lang
  readonly columns: readonly ExportColumn[]
  readonly rows: readonly (readonly Cell[])[]
  /** Every source the figures cite: what it supports, and its address. */
  readonly sources: readonly { readonly about: string; readonly url: string }[]
  /** Plain sentences: what is derived, what is an estimate, the date of the record. */
  readonly notes: readonly string[]
}

export type ExportKind = 'schedule' | 'comparison' | 'projection' | 'negotiation'
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const MEDIA_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
} as const

/**
 * The format an HTTP request asks for: `?format=` first, then the Accept header; JSON otherwise.
 * @example requestedFormat(undefined, 'text/csv') // "csv"
 */
export function requestedFormat(
  query: string | undefined,
  accept: string | undefined,
): ExportFormat | 'json' {
  if (query === 'csv' || query === 'xlsx' || query === 'json') return query
  const a = (accept ?? '').toLowerCase()
  if (a.includes('text/csv')) return 'csv'
  if (a.includes('spreadsheetml')) return 'xlsx'
  return 'json'
}

/** Texts of the export sheets and notes in both languages. */
export const SHEET_NAMES: Record<Lang, { figures: string; sources: string; notes: string }> = {
  ko: { figures: '수치', sources: '출처', notes: '참고' },
  en: { figures: 'Figures', sources: 'Sources', notes: 'Notes' },
}

/** Adds the sources of one fact, once per (about, url). */
export function sourceList(
  items: readonly { readonly about: string; readonly urls: readonly string[] }[],
): { about: string; url: string }[] {
  const seen = new Set<string>()
  const out: { about: string; url: string }[] = []
  for (const it of items)
    for (const url of it.urls) {
      const key = `${it.about}\u0000${url}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ about: it.about, url })
    }
  return out
}
