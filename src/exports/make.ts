import { agreementBrief } from '../domain/exports/brief.js'
import { negotiationExport, type TimelineInput } from '../domain/exports/negotiation-export.js'
import {
  negotiationBrief,
  type NegotiationBriefInput,
} from '../domain/exports/negotiation-brief.js'
import { ledgerExport } from '../domain/exports/ledger-export.js'
import { comparisonExport, projectionExport } from '../domain/exports/projection-export.js'
import { scheduleExport } from '../domain/exports/schedule-export.js'
import { MEDIA_TYPE, type ExportFormat } from '../domain/exports/table.js'
import type { LedgerView } from '../domain/ledger/ledger.js'
import type { IndexOverride } from '../domain/index-series/index-series.js'
import type { ProjectionResult } from '../domain/projection/result.js'
import { scheduleInRecord, type RecordSnapshot } from '../domain/record/record.js'
import { notFound } from '../domain/errors.js'
import type { Lang } from '../domain/text/localized.js'
import { renderExport, type ExportFile } from './render.js'

/**
 * PDF rendering loads on the first brief: pdfkit, its font engine and the embedded fonts take a
 * tenth of a second to import, and most processes (every server start, most CLI runs) never
 * make a PDF.
 */
const renderBriefPdf: typeof import('./pdf.js').renderBriefPdf = async (...args) =>
  (await import('./pdf.js')).renderBriefPdf(...args)

/**
 * The files SMA Desk hands out, each made in one place: the API routes, the CLI's `sma export`
 * and `sma brief`, and (through the API) the web's download buttons all call these.
 */
export type { ExportFile }

/** CSV or XLSX of an agreement's schedule with its derivation columns. */
export function scheduleFile(
  snapshot: RecordSnapshot,
  id: string,
  opts: { overrides?: readonly IndexOverride[]; lang: Lang; format: ExportFormat; today: string },
): Promise<ExportFile> {
  const schedule = scheduleInRecord(snapshot, id, opts.overrides ?? [])
  const spec = snapshot.entries.find((e) => e.spec.id === id)?.spec
  if (!spec) throw notFound()
  return renderExport(scheduleExport(spec, schedule, opts.today, opts.lang), opts.format)
}

/** CSV or XLSX of an agreement's execution ledger (the view of `ledgerOf`, as the API's JSON). */
export function ledgerFile(
  view: LedgerView,
  opts: { lang: Lang; format: ExportFormat; today: string },
): Promise<ExportFile> {
  return renderExport(ledgerExport(view, opts.today, opts.lang), opts.format)
}

/** CSV or XLSX of a projection (`projection`) or of its comparisons (`comparison`). */
export function projectionFile(
  result: ProjectionResult,
  table: 'projection' | 'comparison',
  lang: Lang,
  format: ExportFormat,
): Promise<ExportFile> {
  const t = table === 'comparison' ? comparisonExport(result, lang) : projectionExport(result, lang)
  return renderExport(t, format)
}

/** CSV or XLSX of a negotiation's timeline as the asker sees it. */
export function negotiationFile(
  input: TimelineInput,
  lang: Lang,
  format: ExportFormat,
  today: string,
): Promise<ExportFile> {
  return renderExport(negotiationExport(input, today, lang), format)
}

/** The public PDF brief of an agreement. */
export async function agreementBriefFile(
  snapshot: RecordSnapshot,
  id: string,
  lang: Lang,
  today: string,
  now: Date,
): Promise<ExportFile> {
  const schedule = scheduleInRecord(snapshot, id)
  const spec = snapshot.entries.find((e) => e.spec.id === id)?.spec
  if (!spec) throw notFound()
  const body = await renderBriefPdf(agreementBrief(spec, schedule, today, lang), now)
  return { body, contentType: MEDIA_TYPE.pdf, fileName: `${id}-brief-${lang}.pdf` }
}

/** The party-private PDF brief of a negotiation (the caller gathers only the asker's party's view). */
export async function negotiationBriefFile(
  input: NegotiationBriefInput,
  lang: Lang,
  now: Date,
): Promise<ExportFile> {
  const body = await renderBriefPdf(negotiationBrief(input, lang), now)
  return {
    body,
    contentType: MEDIA_TYPE.pdf,
    fileName: `${input.negotiation.id}-brief-${input.party}-${lang}.pdf`,
  }
}
