import { z } from 'zod'
import { smaAnalysisSetup } from './domain-shapes.js'
import { ANALYSIS_CONVENTIONS } from '../domain/bargaining/genius-conventions.js'
import { NAMED_STRATEGIES } from '../domain/bargaining/negotiator-spec.js'
import { delegation, idParam, list, ro, versionedFields, visibility, wrap } from './common.js'
import { localizedTextSchema } from '../domain/text/localized.js'

/**
 * Bargaining analyses (docs/negotiation-analysis.md): party-private SMA analysis setups of a
 * negotiation, their computed results, simulations, and GENIUS scenarios analysed on request.
 */
export const analysisParams = z.strictObject({ id: idParam, aid: idParam })
export const analysisBody = z
  .strictObject({ title: z.string().min(1).max(300), setup: smaAnalysisSetup })
  .meta({ id: 'AnalysisBody' })
export const analysisView = z
  .object({
    ...versionedFields,
    ownerParty: delegation,
    title: z.string(),
    setup: smaAnalysisSetup,
  })
  .meta({ id: 'Analysis' })
export type AnalysisView = z.infer<typeof analysisView>
export const analysesResponse = list('analyses', analysisView, 'AnalysisList')
export const analysisResponse = wrap('analysis', analysisView, 'AnalysisResponse')

const utilityPair = ro(z.number())
const bid = z.record(z.string(), z.union([z.string(), z.number()]))
const solution = z
  .object({
    utility: utilityPair,
    bid,
    outcomes: z.number(),
    ties: z.number(),
    tiedWith: ro(z.object({ utility: utilityPair, bid })),
    amount: z.string().nullable().optional(),
  })
  .nullable()
const atPoint = z.object({ utility: utilityPair, bid }).nullable()
/** The JSON of `sma analyze --json` plus the utility cloud (null above 20,000 outcomes). */
export const analysisResult = z
  .object({
    /** How utilities were compared: `sma-desk` (merged within 1e-12) or `genius` (GENIUS 10.4). */
    convention: z.enum(ANALYSIS_CONVENTIONS),
    domain: z.string(),
    profiles: ro(z.string()),
    issues: ro(z.object({ name: z.string(), kind: z.string(), values: z.number().optional() })),
    outcomes: z.number(),
    reservation: utilityPair,
    frontier: ro(
      z.object({
        utility: utilityPair,
        bid,
        outcomes: z.number(),
        amount: z.string().nullable().optional(),
      }),
    ),
    frontierPoints: z.number(),
    frontierOutcomes: z.number(),
    nash: solution,
    kalaiSmorodinsky: solution,
    equalUtility: solution,
    egalitarian: solution,
    maxWelfare: solution,
    ideal: utilityPair.nullable(),
    zopa: z.object({
      outcomes: z.number(),
      fraction: z.number(),
      frontierPoints: z.number(),
      bestForA: atPoint,
      bestForB: atPoint,
    }),
    opposition: z.number().nullable(),
    tolerance: z.number(),
    /** SMA package spaces only: what the amounts measure, the setup's viewpoint, whose utility. */
    measure: z.enum(['average-per-year', 'total']).optional(),
    viewpoint: z.enum(['KR', 'US', 'neutral']).optional(),
    whose: ro(z.enum(['own', 'estimate-of-other', 'neutral'])).optional(),
    cloud: ro(utilityPair).nullable(),
    /**
     * Stored analyses only: the negotiation's proposals the caller can see that vary the base
     * agreement, on the plane (tabled ones in tabling order, then own drafts).
     */
    proposals: ro(
      z.object({
        id: z.string(),
        title: localizedTextSchema,
        ownerParty: z.string(),
        visibility,
        tabledAt: z.string().nullable(),
        roundNumber: z.number().nullable(),
        amount: z.string(),
        utility: utilityPair,
      }),
    ).optional(),
  })
  .meta({ id: 'AnalysisResult' })
export const simulationBody = z
  .strictObject({
    strategyA: z.enum(NAMED_STRATEGIES),
    strategyB: z.enum(NAMED_STRATEGIES),
    rounds: z.int().min(1).max(2000),
    seed: z.int().min(0).max(2_147_483_647),
    /** Tie the deadline to the negotiation's next deadline: days per round (then `rounds` is ignored). */
    roundDays: z.int().min(1).max(365).optional(),
  })
  .meta({ id: 'SimulationBody' })
export const simulationResult = z
  .object({
    strategies: ro(z.string()),
    rounds: z.number(),
    deadline: z.string().nullable(),
    seed: z.number(),
    roundsPlayed: z.number(),
    reservation: utilityPair,
    agreement: z
      .object({
        bid,
        utility: utilityPair,
        amount: z.string().nullable(),
        round: z.number(),
        acceptedBy: z.string(),
      })
      .nullable(),
    offerCounts: ro(z.number()),
    /** Per side (A, B): [u_A, u_B] of its offers, at most 500 points (every k-th, the last kept). */
    offers: ro(ro(utilityPair)),
  })
  .meta({ id: 'SimulationResult' })
/** Scenario texts; each at most 256 KiB. */
export const geniusBody = z
  .strictObject({
    format: z.enum(['genius', 'geniusweb']),
    domain: z.string().min(1).max(262_144),
    profileA: z.string().min(1).max(262_144),
    profileB: z.string().min(1).max(262_144),
    realSteps: z.int().min(2).max(101).optional(),
    /** `genius` reproduces GENIUS 10.4 (21 steps per real issue unless realSteps says otherwise). */
    convention: z.enum(ANALYSIS_CONVENTIONS).optional(),
  })
  .meta({ id: 'GeniusScenario' })
export type AnalysisInput = z.infer<typeof analysisBody>
export type AnalysisResult = z.infer<typeof analysisResult>
export type SimulationInput = z.infer<typeof simulationBody>
export type SimulationResult = z.infer<typeof simulationResult>
export type GeniusInput = z.infer<typeof geniusBody>
