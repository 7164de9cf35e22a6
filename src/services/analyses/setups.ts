import type { AccessScope } from '../../domain/access/scope.js'
import { invalid } from '../../domain/errors.js'
import {
  smaAnalysisSetupSchema,
  type SmaAnalysisSetup,
} from '../../domain/bargaining/sma-package-space.js'
import type { AnalysisInput, AnalysisView } from '../../contracts/analyses.js'
import type { DbOrTrx } from '../../db/database.js'
import { withTransaction, type Actor, type Store } from '../audit.js'
import { newVersion, ownDocument, ownDocuments, replaceIfMatch } from '../private-documents.js'
import { delegationOf, visibleNegotiation } from '../negotiations/negotiation.js'

/**
 * Bargaining analyses (docs/negotiation-analysis.md): SMA analysis setups stored in a
 * negotiation, always private to the author's party (like positions: the filter is ownership,
 * there is no visibility column). Results are computed on request (./results.ts).
 */

/** Packages (outcomes) an SMA setup may span on the server: each is priced by the engine. */
export const MAX_SMA_OUTCOMES = 5_000

interface AnalysisRow {
  id: string
  negotiation_id: string
  owner_party: 'KR' | 'US'
  title: string
  setup_json: string
  etag: string
  created_at: string
  updated_at: string
}

const toView = (r: AnalysisRow): AnalysisView => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  ownerParty: r.owner_party,
  title: r.title,
  setup: smaAnalysisSetupSchema.parse(JSON.parse(r.setup_json)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  etag: r.etag,
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

/** One of the own party's analyses of a visible negotiation, or `not-found`. */
export async function getAnalysis(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
  id: string,
): Promise<AnalysisView> {
  await visibleNegotiation(db, scope, negotiationId)
  return toView(await ownDocument(db, 'analyses', scope, negotiationId, id))
}

/** The own party's analyses of a visible negotiation (the other party's never leave the DB). */
export async function listAnalyses(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
): Promise<AnalysisView[]> {
  await visibleNegotiation(db, scope, negotiationId)
  const rows = await ownDocuments(db, 'analyses', scope, negotiationId)
  return rows.map((r) => toView(r as AnalysisRow))
}

export async function createAnalysis(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  input: AnalysisInput,
  now: () => Date,
): Promise<AnalysisView> {
  const party = delegationOf(actor)
  checkSetup(input.setup, [party], '/setup')
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      await visibleNegotiation(trx, scope, negotiationId)
      const row: AnalysisRow = {
        ...newVersion(now().toISOString()),
        negotiation_id: negotiationId,
        owner_party: party,
        title: input.title,
        setup_json: JSON.stringify(input.setup),
      }
      await trx
        .insertInto('analyses')
        .values({ ...row, created_by: actor.id })
        .execute()
      audit({
        action: 'analysis.create',
        object: `analysis:${row.id}`,
        visibility: 'private',
        payload: input,
      })
      return toView(row)
    },
    now,
  )
}

/** Replaces an analysis if its ETag still matches (conditional UPDATE: one writer wins). */
export async function updateAnalysis(
  store: Store,
  actor: Actor,
  scope: AccessScope,
  negotiationId: string,
  id: string,
  ifMatch: string,
  input: AnalysisInput,
  now: () => Date,
): Promise<AnalysisView> {
  const party = delegationOf(actor)
  return withTransaction(
    store,
    actor,
    async (trx, audit) => {
      const cur = await getAnalysis(trx, scope, negotiationId, id)
      checkSetup(input.setup, [party], '/setup')
      const at = now().toISOString()
      const etag = await replaceIfMatch(
        trx,
        'analyses',
        scope,
        { id, ifMatch, currentETag: cur.etag, what: 'analysis' },
        { title: input.title, setup_json: JSON.stringify(input.setup), updated_at: at },
      )
      audit({
        action: 'analysis.update',
        object: `analysis:${id}`,
        visibility: 'private',
        payload: input,
      })
      return { ...cur, ...input, etag, updatedAt: at }
    },
    now,
  )
}
