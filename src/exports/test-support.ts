import { spawnSync } from 'node:child_process'
import readXlsxFile from 'read-excel-file/node'

/**
 * Test helpers: the text a person would read out of an exported file, with real readers
 * (Poppler's pdftotext for a PDF, read-excel-file for an XLSX). Not shipped behaviour.
 */
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined

/** `pdftotext` of a PDF (UTF-8, layout kept). */
export function pdfText(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr.toString()}`)
  return r.stdout.toString('utf8')
}

/** Every sheet of an XLSX as rows of cell values. */
export async function xlsxSheets(xlsx: Buffer): Promise<{ sheet: string; data: unknown[][] }[]> {
  return await readXlsxFile(xlsx)
}

/** All the text of a response body: decoded from a PDF or an XLSX, else as it is. */
export async function bodyText(contentType: string | undefined, body: Buffer): Promise<string> {
  if (contentType?.startsWith('application/pdf')) return pdfText(body)
  if (contentType?.includes('spreadsheetml')) return JSON.stringify(await xlsxSheets(body))
  return body.toString('utf8')
}
