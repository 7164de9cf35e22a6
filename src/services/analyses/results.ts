import type { EvaluationContext } from '../../domain/agreement/evaluate.js'
import { DomainError } from '../../domain/errors.js'
import {
  analyzeNegotiation,
  buildSmaPackageSpace,
  isSmaVariant,
  measureSmaSpec,
  NegotiationInputError,
  smaAnalysisJson,
  smaEvaluationContext,
  smaLeversOf,
  smaPackageUtility,
  utilityCloud,
  type SmaAnalysisSetup,
  type SmaPackageSpace,
} from '../../domain/bargaining/index.js'
import {
  evaluationContext,
  findAgreement,
  type RecordSnapshot,
} from '../../domain/record/record.js'
import type { AnalysisResult } from '../../contracts/analyses.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import { proposalRecords, type ProposalRecord } from '../negotiations/proposals.js'
import type { Reader } from '../context.js'
import { getAnalysis } from './setups.js'

/** A bargaining-domain problem as a one-line `unprocessable` error (the API's 422), with its Korean. */
export function unprocessable(err: NegotiationInputError): DomainError {
  return new DomainError('unprocessable', err.message.split('\n')[0] ?? '', {
    ko: err.ko.split('\n')[0] ?? '',
  })
}

/** The package space of a setup, priced against the asker's record snapshot. */
export function priceSetup(
  snapshot: RecordSnapshot,
  setup: SmaAnalysisSetup,
): { built: SmaPackageSpace; ctx: EvaluationContext } {
  const base = findAgreement(snapshot, setup.baseAgreement)
  if (!base) {
    throw new DomainError('unprocessable', `unknown base agreement "${setup.baseAgreement}"`, {
      ko: `분석의 기준 협정 "${setup.baseAgreement}"이(가) 기록에 없습니다.`,
    })
  }
  const ctx = evaluationContext(snapshot)
  try {
    return { built: buildSmaPackageSpace(setup, base, ctx), ctx }
  } catch (err) {
    if (err instanceof NegotiationInputError) throw unprocessable(err)
    throw err
  }
}

function analyzeBuilt(setup: SmaAnalysisSetup, built: SmaPackageSpace) {
  try {
    const [a, b] = built.profiles
    if (!a || !b)
      throw new NegotiationInputError(
        'two parties are needed',
        '분석에는 양측의 평가 기준이 모두 있어야 합니다.',
      )
    const { analysis, utilities } = analyzeNegotiation(built.space, [a, b])
    return {
      ...smaAnalysisJson(setup, built, analysis, [a.name, b.name]),
      cloud: utilityCloud(utilities),
    }
  } catch (err) {
    if (err instanceof NegotiationInputError) throw unprocessable(err)
    throw err
  }
}

/**
 * Prices and analyses an SMA setup against the record the asker can see (agreements within the
 * scope, the index values plus the setup's assumptions). Computed per request, never stored.
 */
export function computeSmaAnalysis(snapshot: RecordSnapshot, setup: SmaAnalysisSetup) {
  return analyzeBuilt(setup, priceSetup(snapshot, setup).built)
}

type PlacedProposal = NonNullable<AnalysisResult['proposals']>[number]

/**
 * The negotiation's proposals the asker can see (shared and tabled ones plus the own party's
 * drafts, never the other party's) that vary the analysis's base agreement, placed on its plane
 * (`smaPackageUtility`): tabled ones first in tabling order, then drafts in creation order. A
 * proposal whose amount cannot be computed under the setup's assumptions is left out.
 */
async function placeProposals(
  { db, scope }: Reader,
  negotiationId: string,
  records: readonly ProposalRecord[],
  setup: SmaAnalysisSetup,
  priced: { built: SmaPackageSpace; ctx: EvaluationContext },
): Promise<PlacedProposal[]> {
  const proposals = records.filter((p) => isSmaVariant(setup.baseAgreement, p.spec))
  const roundIds = [...new Set(proposals.flatMap((p) => (p.roundId === null ? [] : [p.roundId])))]
  const rounds =
    roundIds.length === 0
      ? []
      : await db
          .selectFrom('negotiation_rounds')
          .select(['id', 'number'])
          .where('negotiation_id', '=', negotiationId)
          .where('id', 'in', roundIds)
          .where(visibleTo(scope, 'negotiation_rounds'))
          .execute()
  const roundNumber = new Map(rounds.map((r) => [r.id, r.number]))
  const evalCtx = smaEvaluationContext(setup, priced.ctx)
  const placed: PlacedProposal[] = []
  for (const p of proposals) {
    let amount: bigint
    try {
      amount = measureSmaSpec(setup, p.spec, evalCtx)
    } catch (err) {
      if (err instanceof NegotiationInputError) continue
      throw err
    }
    placed.push({
      id: p.id,
      title: p.title,
      ownerParty: p.ownerParty,
      visibility: p.visibility,
      tabledAt: p.tabledAt,
      roundNumber: p.roundId === null ? null : (roundNumber.get(p.roundId) ?? null),
      amount: amount.toString(),
      utility: smaPackageUtility(setup, priced.built, amount, smaLeversOf(p.spec)),
    })
  }
  const key = (p: PlacedProposal): number => (p.tabledAt === null ? 1 : 0)
  return placed.sort(
    (x, y) => key(x) - key(y) || (x.tabledAt ?? '').localeCompare(y.tabledAt ?? ''),
  )
}

/**
 * The result of a stored analysis with the negotiation's proposals on its plane, for its own
 * party only. Reads the record snapshot once and each proposal once.
 */
export async function analysisResult(
  r: Reader,
  snapshot: RecordSnapshot,
  negotiationId: string,
  id: string,
): Promise<AnalysisResult> {
  const a = await getAnalysis(r, negotiationId, id)
  const priced = priceSetup(snapshot, a.setup)
  const result = analyzeBuilt(a.setup, priced.built)
  const records = await proposalRecords(r, negotiationId)
  const proposals = await placeProposals(r, negotiationId, records, a.setup, priced)
  return { ...result, proposals }
}
