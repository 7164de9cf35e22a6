import { z } from 'zod'
import { smaAnalysisSetupSchema } from '../domain/bargaining/sma-package-space.js'
import { agreementSpecSchema } from '../domain/agreement/spec.js'
import { EVENT_KINDS } from '../domain/negotiation/lifecycle.js'
import { indexValueSchema } from '../domain/index-series/index-series.js'

/**
 * Request and response schemas of the REST API (docs/api-contract.md). Request bodies are strict
 * (unknown keys → 400, so no mass assignment); response schemas are allow-lists: the serializer
 * drops every field they do not name.
 */
export const idParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, dot, dash, underscore (≤ 128)')
export const isoDate = z.iso.date()
const text = (max: number) => z.string().max(max)
/** A response list: readonly in TypeScript, a plain array in JSON. */
const ro = <T extends z.ZodType>(item: T) => z.array(item).readonly()
const visibility = z.enum(['private', 'shared', 'public'])
const party = z.enum(['KR', 'US', 'PUBLIC'])
const delegation = z.enum(['KR', 'US'])
const sources = z.array(z.url().max(2000)).max(50)
export const money = z
  .string()
  .regex(/^(0|[1-9]\d{0,20})$/, 'integer won as a decimal string, e.g. "1519200000000"')
const title = z.object({ en: z.string(), ko: z.string() })

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
})

export const agreementSummary = z.object({
  id: z.string(),
  title,
  ordinal: z.int().nullable(),
  hostNation: z.string(),
  term: z.object({ firstYear: z.int(), lastYear: z.int(), yearKind: z.string() }),
  currency: z.string(),
  status: z.enum(['in-force', 'expired', 'signed', 'pending']),
  revisionId: z.string(),
  entryIntoForce: z.string().nullable(),
  expiry: z.string().nullable(),
})
export const agreementsResponse = z.object({ agreements: ro(agreementSummary) })
export const agreementResponse = z.object({
  agreement: agreementSpecSchema,
  revisionId: z.string(),
})

const yearFigure = z.object({
  year: z.int(),
  amount: z.string().nullable(),
  status: z.enum(['computed', 'pending', 'unknown']),
  published: z.string().nullable(),
  matchesPublished: z.boolean().nullable(),
  comparePrecision: z.string().nullable(),
  publishedBasis: z.string().nullable(),
  derivation: z.record(z.string(), z.unknown()),
})
export const scheduleSchema = z.object({
  agreement: z.string(),
  revision: z.int(),
  currency: z.string(),
  yearKind: z.string(),
  years: ro(yearFigure),
  total: z.string().nullable(),
})
export const scheduleResponse = scheduleSchema.extend({ revisionId: z.string() })
export const scheduleQuery = z.strictObject({
  index: z.union([text(64), z.array(text(64)).max(50)]).optional(),
})

export const seriesParam = z.strictObject({ series: z.enum(['KR_CPI', 'KR_DEFENSE_BUDGET']) })
export const indexValuesResponse = z.object({
  series: z.string(),
  values: ro(indexValueSchema),
})
export const indexValueBody = z.strictObject({
  period: z.int().min(1900).max(2200),
  value: z.string().regex(/^-?\d{1,3}(\.\d{1,6})?$/, 'percent as text, e.g. "2.1"'),
  vintage: z.string().min(1).max(200),
  releasedOn: isoDate.nullable(),
  sources: sources.min(1),
  note: text(2000).optional(),
})

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  party,
  role: z.enum(['viewer', 'analyst', 'negotiator', 'admin']),
  name: z.string(),
})
export const loginBody = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
})
export const sessionResponse = z.object({ user: userView, csrfToken: z.string().nullable() })
export const tokenBody = z.strictObject({ name: z.string().min(1).max(100) })
export const tokensResponse = z.object({
  tokens: ro(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      lastUsedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
  ),
})
export const tokenCreated = z.object({ id: z.string(), token: z.string() })

const lapse = z
  .object({ from: z.string(), to: z.string().nullable(), ongoing: z.boolean() })
  .nullable()
const deadline = z.object({
  kind: z.string(),
  date: z.string(),
  label: z.string(),
  sources: ro(z.string()),
})
export const negotiationSummary = z.object({
  id: z.string(),
  title,
  replaces: z.string().nullable(),
  successor: z.string().nullable(),
  visibility,
  status: z.enum(['open', 'concluded', 'signed', 'in-force']),
  lapse,
  nextDeadline: deadline.nullable(),
})
export const negotiationsResponse = z.object({ negotiations: ro(negotiationSummary) })
export const negotiationResponse = z.object({
  negotiation: negotiationSummary.extend({
    sources: ro(z.string()),
    deadlines: ro(deadline),
    delegations: ro(
      z.object({
        party: delegation,
        chief: z
          .object({ name: z.string(), title: z.string().nullable(), agency: z.string() })
          .nullable(),
        members: ro(
          z.object({
            name: z.string(),
            title: z.string().nullable(),
            agency: z.string(),
            role: z.string(),
          }),
        ),
        agencies: ro(z.string()),
        sources: ro(z.string()),
      }),
    ),
    rounds: ro(
      z.object({
        id: z.string(),
        number: z.int(),
        from: z.string(),
        to: z.string().nullable(),
        venue: z.string(),
        summary: z.string(),
        visibility,
        sources: ro(z.string()),
      }),
    ),
    events: ro(
      z.object({
        id: z.string(),
        kind: z.string(),
        date: z.string(),
        party: delegation.nullable(),
        note: z.string(),
        visibility,
        sources: ro(z.string()),
      }),
    ),
    acceptances: ro(
      z.object({
        party: delegation,
        proposalId: z.string(),
        revisionId: z.string(),
        at: z.string(),
      }),
    ),
    concludedRevisionId: z.string().nullable(),
    inForceFrom: z.string().nullable(),
  }),
})
export const negotiationBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'lower-case letters, digits and dashes'),
  title: z.strictObject({ en: z.string().min(1).max(300), ko: z.string().min(1).max(300) }),
  replaces: idParam.nullable(),
  visibility: z.enum(['private', 'shared']),
  deadlines: z
    .array(
      z.strictObject({
        kind: z.string().min(1).max(50),
        date: isoDate,
        label: z.string().min(1).max(300),
        sources: sources,
      }),
    )
    .max(50),
})
export const createdResponse = z.object({ id: z.string() })
export const negotiationParams = z.strictObject({ id: idParam })
export const childParams = z.strictObject({ id: idParam, pid: idParam })

export const roundBody = z.strictObject({
  number: z.int().min(1).max(1000),
  from: isoDate,
  to: isoDate.nullable(),
  venue: z.string().min(1).max(300),
  summary: text(5000),
  sources: sources.default([]),
})
export const eventBody = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  date: isoDate,
  party: delegation.nullable(),
  note: z.string().min(1).max(5000),
  visibility: z.enum(['private', 'shared']),
  sources: sources.default([]),
})

export const proposalView = z.object({
  id: z.string(),
  negotiationId: z.string(),
  title: z.string(),
  ownerParty: party,
  visibility,
  revisionId: z.string(),
  revises: z.string().nullable(),
  tabledAt: z.string().nullable(),
  roundId: z.string().nullable(),
  etag: z.string(),
  spec: agreementSpecSchema,
  schedule: scheduleSchema.nullable(),
  scheduleError: z.string().nullable(),
})
export const proposalsResponse = z.object({ proposals: ro(proposalView) })
export const proposalResponse = z.object({ proposal: proposalView })
export const proposalBody = z.strictObject({
  title: z.string().min(1).max(300),
  visibility: z.enum(['private', 'shared']),
  spec: agreementSpecSchema,
  roundId: idParam.nullable().optional(),
  revises: idParam.nullable().optional(),
})
export const proposalUpdateBody = z.strictObject({
  title: z.string().min(1).max(300),
  spec: agreementSpecSchema,
})
export const proposalCreated = z.object({
  id: z.string(),
  revisionId: z.string(),
  etag: z.string(),
})
export const tabledResponse = z.object({ tabledAt: z.string() })
export const acceptedResponse = z.object({ concluded: z.boolean(), revisionId: z.string() })
export const draftUpdated = z.object({ etag: z.string(), revisionId: z.string() })

const estimate = z.strictObject({
  reservationValue: money.nullable(),
  target: money.nullable(),
  notes: text(20000),
})
export const positionBody = z.strictObject({
  title: z.string().min(1).max(300),
  reservationValue: money.nullable(),
  target: money.nullable(),
  priorities: z.array(z.string().min(1).max(500)).max(50),
  estimateOfOther: estimate,
  notes: text(20000),
})
export const positionView = z.object({
  id: z.string(),
  negotiationId: z.string(),
  title: z.string(),
  ownerParty: delegation,
  reservationValue: z.string().nullable(),
  target: z.string().nullable(),
  priorities: ro(z.string()),
  estimateOfOther: z.object({
    reservationValue: z.string().nullable(),
    target: z.string().nullable(),
    notes: z.string(),
  }),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  etag: z.string(),
})
export const positionsResponse = z.object({ positions: ro(positionView) })
export const positionResponse = z.object({ position: positionView })

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().min(1).optional(),
})
export const auditResponse = z.object({
  entries: ro(
    z.object({
      seq: z.int(),
      at: z.string(),
      actor: z.string(),
      party: z.string(),
      action: z.string(),
      object: z.string(),
      visibility,
      payloadDigest: z.string(),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  head: z.string().nullable(),
})

// ---------------------------------------------------------------- bargaining analyses (issue 5)
export const analysisParams = z.strictObject({ id: idParam, aid: idParam })
export const analysisBody = z
  .strictObject({ title: z.string().min(1).max(300), setup: smaAnalysisSetupSchema })
  .meta({ id: 'AnalysisBody' })
export const analysisView = z.object({
  id: z.string(),
  negotiationId: z.string(),
  ownerParty: delegation,
  title: z.string(),
  setup: smaAnalysisSetupSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  etag: z.string(),
})
export const analysesResponse = z.object({ analyses: ro(analysisView) })
export const analysisResponse = z.object({ analysis: analysisView })

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
        title: z.string(),
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
    strategyA: z.enum(['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat']),
    strategyB: z.enum(['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat']),
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
  })
  .meta({ id: 'GeniusScenario' })
