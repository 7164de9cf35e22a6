import { randomUUID } from 'node:crypto'
import type { AccessScope } from '../domain/access/scope.js'
import { publishedLookup } from '../domain/record/record.js'
import {
  analysisJson,
  analyzeNegotiation,
  bidOf,
  buildSmaPackageSpace,
  createRng,
  datedDeadline,
  DEFAULT_REAL_STEPS,
  isSmaVariant,
  measureSmaSpec,
  NegotiationInputError,
  negotiatorByName,
  prepareSimulation,
  reservationOf,
  simulateNegotiation,
  smaEvaluationContext,
  smaLeversOf,
  smaPackageUtility,
  parseGeniusDomain,
  parseGeniusProfile,
  parseGeniusWebDomain,
  parseGeniusWebProfile,
  smaAnalysisJson,
  smaAnalysisSetupSchema,
  utilityCloud,
  type OutcomeSpace,
  type Profile,
  type SmaAnalysisSetup,
  type SmaPackageSpace,
} from '../domain/bargaining/index.js'
import type { EvaluationContext } from '../domain/agreement/evaluate.js'
import { visibleTo } from '../db/repositories/access-filter.js'
import type { DbOrTrx } from '../db/database.js'
import { ownedBy } from '../db/repositories/access-filter.js'
import { withTransaction, type Actor, type Store } from './audit.js'
import { ServiceError, notFound } from './errors.js'
import {
  delegationOf,
  getNegotiation,
  listProposals,
  visibleNegotiation,
  type ProposalView,
} from './negotiations.js'
import { cachedIndexSet, listAgreements } from './record.js'
import type { SpecCache } from './spec-cache.js'

/**
 * Bargaining analyses (issue 5): SMA analysis setups stored in a negotiation, always private to
 * the author's party (like positions: the filter is ownership, there is no visibility column).
 * Results are computed on request from the setup and the record visible to the caller, and never
 * cached: anything computed from private inputs is private.
 */

/** Packages (outcomes) an SMA setup may span on the server: each is priced by the engine. */
export const MAX_SMA_OUTCOMES = 5_000
/** Outcomes a GENIUS/GeniusWeb scenario may span on the (anonymous) server route. */
export const MAX_GENIUS_OUTCOMES = 200_000

export interface AnalysisInput {
  readonly title: string
  readonly setup: SmaAnalysisSetup
}

export interface AnalysisView extends AnalysisInput {
  readonly id: string
  readonly negotiationId: string
  readonly ownerParty: 'KR' | 'US'
  readonly createdAt: string
  readonly updatedAt: string
  readonly etag: string
}

type AnalysisRow = {
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

const invalid = (pointer: string, detail: string): ServiceError =>
  new ServiceError('invalid', detail, { errors: [{ pointer, detail }] })

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

async function ownAnalysis(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
  id: string,
): Promise<AnalysisView> {
  await visibleNegotiation(db, scope, negotiationId)
  const r = await db
    .selectFrom('analyses')
    .select([
      'id',
      'negotiation_id',
      'owner_party',
      'title',
      'setup_json',
      'etag',
      'created_at',
      'updated_at',
    ])
    .where('negotiation_id', '=', negotiationId)
    .where('id', '=', id)
    .where(ownedBy(scope, 'analyses'))
    .executeTakeFirst()
  if (!r) throw notFound()
  return toView(r)
}

/** The own party's analyses of a visible negotiation (the other party's never leave the DB). */
export async function listAnalyses(
  db: DbOrTrx,
  scope: AccessScope,
  negotiationId: string,
): Promise<AnalysisView[]> {
  await visibleNegotiation(db, scope, negotiationId)
  const rows = await db
    .selectFrom('analyses')
    .select([
      'id',
      'negotiation_id',
      'owner_party',
      'title',
      'setup_json',
      'etag',
      'created_at',
      'updated_at',
    ])
    .where('negotiation_id', '=', negotiationId)
    .where(ownedBy(scope, 'analyses'))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toView)
}

export const getAnalysis = ownAnalysis

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
      const at = now().toISOString()
      const row: AnalysisRow = {
        id: randomUUID(),
        negotiation_id: negotiationId,
        owner_party: party,
        title: input.title,
        setup_json: JSON.stringify(input.setup),
        etag: randomUUID(),
        created_at: at,
        updated_at: at,
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
      const cur = await ownAnalysis(trx, scope, negotiationId, id)
      checkSetup(input.setup, [party], '/setup')
      const etag = randomUUID()
      const at = now().toISOString()
      const res = await trx
        .updateTable('analyses')
        .set({ title: input.title, setup_json: JSON.stringify(input.setup), etag, updated_at: at })
        .where('id', '=', id)
        .where('etag', '=', ifMatch)
        .where(ownedBy(scope, 'analyses'))
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) {
        throw new ServiceError('precondition-failed', 'The analysis changed since you read it.', {
          currentETag: cur.etag,
        })
      }
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

const unprocessable = (err: unknown): ServiceError =>
  new ServiceError('unprocessable', err instanceof Error ? (err.message.split('\n')[0] ?? '') : '')

/** The package space of a setup priced against the record the caller can see. */
async function priceSetup(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  setup: SmaAnalysisSetup,
): Promise<{ built: SmaPackageSpace; ctx: EvaluationContext }> {
  const [agreements, indices] = await Promise.all([
    listAgreements(db, scope, cache),
    cachedIndexSet(db, cache),
  ])
  const base = agreements.find((a) => a.spec.id === setup.baseAgreement)?.spec
  if (!base) {
    throw new ServiceError('unprocessable', `unknown base agreement "${setup.baseAgreement}"`)
  }
  const ctx: EvaluationContext = {
    indices,
    overrides: [],
    publishedOf: publishedLookup(agreements.map((a) => a.spec)),
  }
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
    if (!a || !b) throw new NegotiationInputError('two parties are needed')
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
 * Prices and analyses an SMA setup against the record the caller can see (agreements within
 * the scope, the database's index values plus the setup's assumptions). Computed per request.
 */
export async function computeSmaAnalysis(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  setup: SmaAnalysisSetup,
) {
  const { built } = await priceSetup(db, scope, cache, setup)
  return analyzeBuilt(setup, built)
}

export type SmaAnalysisResult = Awaited<ReturnType<typeof computeSmaAnalysis>>

/** A proposal of the negotiation placed on an analysis's utility plane. */
export interface PlacedProposal {
  readonly id: string
  readonly title: string
  readonly ownerParty: 'KR' | 'US' | 'PUBLIC'
  readonly visibility: ProposalView['visibility']
  readonly tabledAt: string | null
  readonly roundNumber: number | null
  /** The setup's measure (average per year or total) in won, under its assumptions. */
  readonly amount: string
  /** [u_A, u_B] on the space's scales; the other party's is the viewer's own estimate. */
  readonly utility: readonly [number, number]
}

/**
 * The negotiation's proposals the caller can see (the access-scoped proposal query: shared and
 * tabled ones plus the own party's drafts, never the other party's) that are variants of the
 * analysis's base agreement, placed on its plane (`smaPackageUtility`), tabled ones first in
 * tabling order, then drafts in creation order. A proposal whose amount cannot be computed under
 * the setup's assumptions is left out.
 */
async function placeProposals(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  negotiationId: string,
  setup: SmaAnalysisSetup,
  built: SmaPackageSpace,
  ctx: EvaluationContext,
): Promise<PlacedProposal[]> {
  const proposals = (await listProposals(db, scope, cache, negotiationId)).filter((p) =>
    isSmaVariant(setup.baseAgreement, p.spec),
  )
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
  const evalCtx = smaEvaluationContext(setup, ctx)
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
      utility: smaPackageUtility(setup, built, amount, smaLeversOf(p.spec)),
    })
  }
  const key = (p: PlacedProposal): number => (p.tabledAt === null ? 1 : 0)
  return placed.sort(
    (x, y) => key(x) - key(y) || (x.tabledAt ?? '').localeCompare(y.tabledAt ?? ''),
  )
}

/** The result of a stored analysis with the negotiation's proposals, for its own party only. */
export async function analysisResult(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  negotiationId: string,
  id: string,
): Promise<SmaAnalysisResult & { proposals: PlacedProposal[] }> {
  const a = await ownAnalysis(db, scope, negotiationId, id)
  const { built, ctx } = await priceSetup(db, scope, cache, a.setup)
  const result = analyzeBuilt(a.setup, built)
  const proposals = await placeProposals(db, scope, cache, negotiationId, a.setup, built, ctx)
  return { ...result, proposals }
}

/** Offer points returned per side at most (every k-th offer, the last one always). */
export const MAX_TRAJECTORY_POINTS = 500
export const SIMULATION_STRATEGIES = [
  'boulware',
  'linear',
  'conceder',
  'hardliner',
  'tit-for-tat',
] as const

export interface SimulationInput {
  readonly strategyA: (typeof SIMULATION_STRATEGIES)[number]
  readonly strategyB: (typeof SIMULATION_STRATEGIES)[number]
  readonly rounds: number
  readonly seed: number
  /** Tie the deadline to the negotiation's next deadline: one round takes this many days. */
  readonly roundDays?: number | undefined
}

const DAY_MS = 86_400_000
const dayNumber = (iso: string): number =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS)

function thin(points: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const k = Math.max(1, Math.ceil(points.length / MAX_TRAJECTORY_POINTS))
  const out = points.filter((_, i) => i % k === 0)
  const last = points[points.length - 1]
  if (last !== undefined && (points.length - 1) % k !== 0) {
    if (out.length >= MAX_TRAJECTORY_POINTS) out[out.length - 1] = last
    else out.push(last)
  }
  return out
}

/**
 * Simulates stacked alternating offers on a stored analysis's package space (own party only,
 * computed per request, nothing stored): A (the setup's first party) against B with the named
 * strategies, `rounds` rounds (or, with `roundDays`, the rounds until the negotiation's next
 * deadline from `today`, the parties' reservation values as no-deal values), seeded.
 */
export async function simulateAnalysis(
  db: DbOrTrx,
  scope: AccessScope,
  cache: SpecCache,
  negotiationId: string,
  id: string,
  input: SimulationInput,
  today: string,
) {
  const a = await ownAnalysis(db, scope, negotiationId, id)
  const { built } = await priceSetup(db, scope, cache, a.setup)
  const [pa, pb] = built.profiles
  const [ua, ub] = built.utilities
  if (!pa || !pb || !ua || !ub) throw new ServiceError('unprocessable', 'two parties are needed')
  const reservation: [number, number] = [reservationOf(pa, ua), reservationOf(pb, ub)]
  let rounds = input.rounds
  let deadline: string | null = null
  if (input.roundDays !== undefined) {
    const n = await getNegotiation(db, scope, negotiationId, today)
    const next = n.nextDeadline
    if (!next) throw new ServiceError('unprocessable', 'the negotiation has no upcoming deadline')
    try {
      const d = datedDeadline({
        start: dayNumber(today),
        deadline: dayNumber(next.date),
        roundLength: input.roundDays,
        noDealValues: reservation,
      })
      rounds = Math.min(d.rounds, 2000)
    } catch (err) {
      if (err instanceof NegotiationInputError) throw unprocessable(err)
      throw err
    }
    deadline = next.date
  }
  const scenario = prepareSimulation(built.space, [ua, ub], reservation)
  const result = simulateNegotiation(
    scenario,
    [negotiatorByName(input.strategyA), negotiatorByName(input.strategyB)],
    { rounds, rng: createRng(input.seed), recordOffers: true },
  )
  const side = (p: 0 | 1): (readonly [number, number])[] =>
    result.offers.filter((o) => o.party === p).map((o) => [o.utility[0], o.utility[1]] as const)
  const offersA = side(0)
  const offersB = side(1)
  const ag = result.agreement
  return {
    strategies: [input.strategyA, input.strategyB] as const,
    rounds,
    deadline,
    seed: input.seed,
    roundsPlayed: result.roundsPlayed,
    reservation,
    agreement:
      ag === null
        ? null
        : {
            bid: bidOf(built.space, ag.outcome),
            utility: [ag.utility[0], ag.utility[1]] as const,
            amount: built.amounts[ag.outcome] ?? null,
            round: ag.round,
            acceptedBy: ag.acceptedBy === 0 ? pa.name : pb.name,
          },
    offerCounts: [offersA.length, offersB.length] as const,
    offers: [thin(offersA), thin(offersB)] as const,
  }
}

export interface GeniusInput {
  readonly format: 'genius' | 'geniusweb'
  readonly domain: string
  readonly profileA: string
  readonly profileB: string
  readonly realSteps?: number | undefined
}

/**
 * Analyses a GENIUS (XML) or GeniusWeb (JSON) scenario given as texts. Only the caller's inputs
 * are used, so anyone may call it; nothing is stored.
 */
export function analyzeGeniusTexts(input: GeniusInput) {
  let space: OutcomeSpace
  let profiles: [Profile, Profile]
  try {
    space =
      input.format === 'genius'
        ? parseGeniusDomain(input.domain, { realSteps: input.realSteps ?? DEFAULT_REAL_STEPS })
        : parseGeniusWebDomain(input.domain)
    if (space.size > MAX_GENIUS_OUTCOMES) {
      throw new NegotiationInputError(
        `${space.size} outcomes; at most ${MAX_GENIUS_OUTCOMES} on the server (use sma analyze)`,
      )
    }
    const parse = (text: string, name: string): Profile =>
      input.format === 'genius'
        ? parseGeniusProfile(text, space, name)
        : parseGeniusWebProfile(text, space, name)
    profiles = [parse(input.profileA, 'A'), parse(input.profileB, 'B')]
    const { analysis, utilities } = analyzeNegotiation(space, profiles)
    return {
      ...analysisJson(space, analysis, [profiles[0].name, profiles[1].name]),
      cloud: utilityCloud(utilities),
    }
  } catch (err) {
    if (err instanceof NegotiationInputError) throw unprocessable(err)
    // malformed texts the parsers did not anticipate (deep nesting, odd JSON): still the caller's input
    if (err instanceof RangeError || err instanceof TypeError || err instanceof SyntaxError)
      throw new ServiceError('unprocessable', 'The scenario files could not be read.')
    throw err
  }
}
