import { invalid } from '../../domain/errors.js'
import {
  smaAnalysisSetupSchema,
  type SmaAnalysisSetup,
} from '../../domain/bargaining/sma-package-space.js'
import type { AnalysisInput, AnalysisView } from '../../contracts/analyses.js'
import type { Selectable } from 'kysely'
import type { AnalysesTable } from '../../db/database.js'
import type { Writer } from '../context.js'
import { privateDocuments, versionOf } from '../private-documents.js'
import { delegationOf } from '../negotiations/negotiation.js'

/**
 * Bargaining analyses (docs/negotiation-analysis.md): SMA analysis setups stored in a
 * negotiation, always private to the author's party (like positions: the filter is ownership,
 * there is no visibility column). Results are computed on request (./results.ts).
 */

/** Packages (outcomes) an SMA setup may span on the server: each is priced by the engine. */
export const MAX_SMA_OUTCOMES = 5_000

type AnalysisRow = Selectable<AnalysesTable>

const toView = (r: AnalysisRow): AnalysisView => ({
  ...versionOf(r),
  title: r.title,
  setup: smaAnalysisSetupSchema.parse(JSON.parse(r.setup_json)),
})

/**
 * Checks what the schema cannot: the setup's size (every package is priced exactly, so the
 * product of the levers' value counts is bounded) and, inside a delegation's workspace, that the
 * viewpoint is the author's party (`prefix` = the JSON pointer of the setup in the body).
 */
export function checkSetup(
  setup: SmaAnalysisSetup,
  allowed: readonly SmaAnalysisSetup['viewpoint'][],
  prefix: string,
): void {
  if (!allowed.includes(setup.viewpoint)) {
    throw invalid(
      `${prefix}/viewpoint`,
      `viewpoint must be ${allowed.join(' or ')}: a delegation analyses from its own side`,
    )
  }
  if (setup.parties[0].party === setup.parties[1].party) {
    throw invalid(`${prefix}/parties`, 'the two parties must be KR and US')
  }
  let size = 1
  for (const i of setup.issues) size *= i.values.length
  if (size > MAX_SMA_OUTCOMES) {
    throw invalid(
      `${prefix}/issues`,
      `${size} packages; at most ${MAX_SMA_OUTCOMES} can be priced on the server (use sma analyze --sma)`,
    )
  }
  if (setup.assumptions.length > 200) {
    throw invalid(`${prefix}/assumptions`, 'at most 200 assumptions')
  }
}

const columns = (input: AnalysisInput) => ({
  title: input.title,
  setup_json: JSON.stringify(input.setup),
})

const analyses = privateDocuments({
  table: 'analyses',
  name: 'analysis',
  toView,
  columns,
  // a delegation analyses from its own side
  check: (w: Writer, input: AnalysisInput) => {
    checkSetup(input.setup, [delegationOf(w.actor)], '/setup')
  },
})

/** One of the own party's analyses of a visible negotiation, or `not-found`. */
export const getAnalysis = analyses.get
/** The own party's analyses of a visible negotiation (the other party's never leave the DB). */
export const listAnalyses = analyses.list
/** Stores an analysis setup, private to the author's party; its viewpoint must be that party. */
export const createAnalysis = analyses.create
/** Replaces an analysis if its ETag still matches (conditional UPDATE: one writer wins). */
export const updateAnalysis = analyses.update
