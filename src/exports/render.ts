import { toCsv } from '../domain/exports/csv.js'
import { MEDIA_TYPE, type ExportFormat, type ExportTable } from '../domain/exports/table.js'
import { toXlsx } from './xlsx.js'

/** A file ready to send or write: its bytes, media type and file name. */
export interface ExportFile {
  readonly body: Buffer
  readonly contentType: string
  readonly fileName: string
}

/** The one way an export becomes a file, for the API, the CLI and (through the API) the web. */
export async function renderExport(table: ExportTable, format: ExportFormat): Promise<ExportFile> {
  const fileName = `${table.name}-${table.lang}.${format}`
  if (format === 'csv')
    return { body: Buffer.from(toCsv(table), 'utf8'), contentType: MEDIA_TYPE.csv, fileName }
  return { body: await toXlsx(table), contentType: MEDIA_TYPE.xlsx, fileName }
}
