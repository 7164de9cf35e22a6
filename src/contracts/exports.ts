import { z } from 'zod'
import { LANGS } from '../domain/text/localized.js'

/**
 * The query of a resource that can be downloaded as a file: `format` (or the Accept header)
 * picks JSON, CSV or XLSX; `lang` the language of the headers and notes.
 */
export const exportFields = {
  /** `csv` or `xlsx` for a download (also by `Accept: text/csv` or the XLSX media type). */
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
  /** Language of a file's headers and notes (default English). */
  lang: z.enum(LANGS).optional(),
}
export const exportQuery = z.strictObject(exportFields)

/** The query of a PDF brief. */
export const briefQuery = z.strictObject({ lang: z.enum(LANGS).default('en') })

/** The query of a projection run: what to download, if a file. */
export const projectionQuery = z.strictObject({
  ...exportFields,
  /** Which table of the projection a file holds: the projection itself or its comparisons. */
  table: z.enum(['projection', 'comparison']).optional(),
})
