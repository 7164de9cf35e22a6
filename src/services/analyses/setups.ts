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
      '대표단은 자기 측 관점에서만 분석할 수 있습니다. 분석 관점을 우리 측으로 지정하십시오.',
    )
  }
  if (setup.parties[0].party === setup.parties[1].party) {
    throw invalid(
      `${prefix}/parties`,
      'the two parties must be KR and US',
      '분석의 두 당사자는 대한민국과 미국이어야 합니다.',
    )
  }
  let size = 1
  for (const i of setup.issues) size *= i.values.length
  if (size > MAX_SMA_OUTCOMES) {
    throw invalid(
      `${prefix}/issues`,
      `${size} packages; at most ${MAX_SMA_OUTCOMES} can be priced on the server (use sma analyze --sma)`,
      `협상안 조합이 ${size.toLocaleString('en-US')}개입니다. 서버에서는 최대 ${MAX_SMA_OUTCOMES.toLocaleString('en-US')}개까지 계산할 수 있으니 쟁점별 선택지를 줄이거나 명령줄 도구로 분석하십시오.`,
    )
  }
  if (setup.assumptions.length > 200) {
    throw invalid(
      `${prefix}/assumptions`,
      'at most 200 assumptions',
      '분석 가정은 200개를 넘을 수 없습니다.',
    )
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
