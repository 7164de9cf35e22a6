import type { AnalysisResult } from '../../contracts/analyses.js'
import { DomainError, notFound } from '../../domain/errors.js'
import type { NegotiationBriefInput } from '../../domain/exports/negotiation-brief.js'
import type { TimelineInput } from '../../domain/exports/negotiation-export.js'
import type { RecordSnapshot } from '../../domain/record/record.js'
import { withTransaction } from '../audit.js'
import { readerIn, type Reader, type Writer } from '../context.js'
import { analysisResult } from '../analyses/results.js'
import { listAnalyses } from '../analyses/setups.js'
import { getNegotiation } from '../negotiations/negotiation.js'
import { listPositions } from '../negotiations/positions.js'
import { listProposals } from '../negotiations/proposals.js'

/**
 * What a negotiation's exports are made from, read with the asker's scope only: the timeline
 * (CSV/XLSX) and the party-private brief (PDF). Nothing of the other party's private material is
 * ever read, so it cannot reach a file.
 */
export async function negotiationTimeline(
  r: Reader,
  id: string,
  today: string,
  snapshot: () => Promise<RecordSnapshot>,
): Promise<TimelineInput> {
  const n = await getNegotiation(r, id, today)
  const proposals = await listProposals(r, id, snapshot)
  return { ...n, proposals }
}

async function latestAnalysis(
  r: Reader,
  id: string,
  snapshot: () => Promise<RecordSnapshot>,
): Promise<NegotiationBriefInput['analysis']> {
  const all = await listAnalyses(r, id)
  const a = [...all].sort((x, y) => x.updatedAt.localeCompare(y.updatedAt)).at(-1)
  if (!a) return null
  let result: AnalysisResult
  try {
    result = await analysisResult(r, await snapshot(), id, a.id)
  } catch (err) {
    if (err instanceof DomainError && err.code === 'unprocessable') return null
    throw err
  }
  return {
    title: a.title,
    updatedAt: a.updatedAt,
    outcomes: result.outcomes,
    zopaFraction: result.zopa.fraction,
    nashAmount: result.nash?.amount ?? null,
    nashUtility: result.nash?.utility ?? null,
    measure: result.measure ?? null,
  }
}

/**
 * Gathers the brief of a negotiation for the asker's delegation and records that it was made (an
 * audited action, private to the party). Outsiders get `not-found`, as for a missing negotiation.
 */
export async function negotiationBriefInput(
  w: Writer,
  id: string,
  today: string,
  snapshot: () => Promise<RecordSnapshot>,
): Promise<NegotiationBriefInput> {
  const scope = w.scope
  if (scope.kind !== 'delegation') throw notFound()
  // The record is read before the transaction: on SQLite the transaction holds the one connection.
  const record = await snapshot()
  const snap = (): Promise<RecordSnapshot> => Promise.resolve(record)
  return withTransaction(w, async (trx, audit) => {
    const r = readerIn(trx, w)
    const n = await getNegotiation(r, id, today)
    const proposals = (await listProposals(r, id, snap)).filter((p) => p.tabledAt !== null)
    const positions = [...(await listPositions(r, id))].sort((x, y) =>
      x.updatedAt.localeCompare(y.updatedAt),
    )
    const analysis = await latestAnalysis(r, id, snap)
    const madeAt = w.now().toISOString()
    audit({
      action: 'negotiation.brief',
      object: `negotiation:${id}`,
      visibility: 'private',
      payload: { party: scope.party, madeAt },
    })
    const titleOf = (pid: string) => proposals.find((p) => p.id === pid)?.title ?? pid
    // the other party's replies we know only as reported or received (issue 17)
    const otherReplies = [
      ...n.acceptances
        .filter((a) => a.reported !== null || a.received !== null)
        .map((a) => ({
          party: a.party,
          reply: 'accept' as const,
          proposalTitle: titleOf(a.proposalId),
          at: a.at,
          reason: null,
          reported: a.reported,
          received: a.received,
        })),
      ...proposals.flatMap((p) =>
        p.rejection?.reported
          ? [
              {
                party: p.ownerParty === 'KR' ? 'US' : 'KR',
                reply: 'reject' as const,
                proposalTitle: p.title,
                at: p.rejection.at,
                reason: p.rejection.reason,
                reported: p.rejection.reported,
                received: null,
              },
            ]
          : [],
      ),
    ].sort((x, y) => x.at.localeCompare(y.at))
    return {
      party: scope.party,
      madeAt,
      today,
      negotiation: n,
      proposals,
      otherReplies,
      positions,
      analysis,
    }
  })
}
