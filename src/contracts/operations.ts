import { z } from 'zod'
import { del, get, operations, post, put } from './operation.js'
import {
  agreementParams,
  agreementResponse,
  agreementsQuery,
  agreementsResponse,
  scheduleQuery,
  scheduleResponse,
} from './agreements.js'
import {
  analysesResponse,
  analysisBody,
  analysisParams,
  analysisResponse,
  analysisResult,
  geniusBody,
  simulationBody,
  simulationResult,
} from './analyses.js'
import {
  loginBody,
  loginResponse,
  sessionResponse,
  tokenBody,
  tokenCreated,
  tokensResponse,
} from './auth.js'
import { createdResponse, idParam, ifMatchHeaders } from './common.js'
import { briefQuery, exportQuery, projectionQuery } from './exports.js'
import { smaAnalysisSetup } from './domain-shapes.js'
import { healthResponse } from './health.js'
import { indexValueBody, indexValueResponse, indexValuesResponse, seriesParam } from './indices.js'
import {
  childParams,
  eventBody,
  eventConfirmed,
  eventParams,
  negotiationBody,
  negotiationParams,
  negotiationResponse,
  negotiationsResponse,
  roundBody,
} from './negotiations.js'
import { positionBody, positionResponse, positionsResponse } from './positions.js'
import {
  backtestQuery,
  backtestResultSchema,
  cancelRunBody,
  projectionRequestSchema,
  projectionResultSchema,
  projectionRunCreated,
  projectionRunResponse,
  runParams,
  scenarioListSchema,
} from './projections.js'
import {
  acceptedResponse,
  draftUpdated,
  proposalBody,
  proposalCreated,
  proposalResponse,
  proposalUpdateBody,
  proposalsResponse,
  tabledResponse,
} from './proposals.js'
import { recordResponse } from './record.js'
/**
 * The API at a glance: every operation with its method and path, the one permission it needs,
 * its summary for the OpenAPI document and the shapes that go in and out (defined in the
 * neighbouring files). The server binds one handler to each (src/server/bind.ts); clients call
 * them by the same declarations.
 */

export const metaOperations = operations('meta', {
  getHealth: get('/api/health', 'public:read', 'Whether the server and its database answer', {
    response: healthResponse,
  }),
})

/** The public record: agreements, their schedules, the record as one document, index series. */
export const agreementOperations = operations('agreements', {
  listAgreements: get(
    '/api/agreements',
    'public:read',
    'Every agreement visible to you, with its status as of a day',
    { querystring: agreementsQuery, response: agreementsResponse },
  ),
  getAgreement: get(
    '/api/agreements/:id',
    'public:read',
    'One agreement: its full specification and revision id',
    { params: agreementParams, response: agreementResponse },
  ),
  getAgreementSchedule: get(
    '/api/agreements/:id/schedule',
    'public:read',
    'Yearly figures of an agreement with their derivations',
    {
      params: agreementParams,
      querystring: scheduleQuery,
      response: scheduleResponse,
      errors: [422],
      files: ['csv', 'xlsx'],
      description:
        'Computed from the stored index values; `index=SERIES:YEAR=VALUE` (repeatable) adds what-if values. Same JSON as `sma schedule --json`. `format=csv|xlsx` (or Accept) downloads the schedule with its derivation columns, as `sma export schedule` writes it.',
    },
  ),
  getAgreementBrief: get(
    '/api/agreements/:id/brief.pdf',
    'public:read',
    'The brief of an agreement as a PDF (Korean or English)',
    {
      params: agreementParams,
      querystring: briefQuery,
      response: null,
      files: ['pdf'],
      description:
        'One to three A4 pages: the rules in plain words, the yearly table with provenance, a chart, the lifecycle dates and sources. Same file as `sma brief --agreement`.',
    },
  ),
  getRecord: get(
    '/api/record',
    'public:read',
    'The record in one document: every visible agreement and every index series',
    {
      response: recordResponse,
      description:
        'What the web app and `sma … --server` compute schedules, explanations and checks from, with the same code as the server.',
    },
  ),
  listIndexValues: get(
    '/api/indices/:series/values',
    'public:read',
    'Every release of an index series, in release order',
    { params: seriesParam, response: indexValuesResponse },
  ),
  addIndexValue: post(
    '/api/indices/:series/values',
    'index:write',
    'Record a release of one period (a new figure, or a revision)',
    {
      params: seriesParam,
      body: indexValueBody,
      response: indexValueResponse,
      status: 201,
      description: 'Schedules, the record document and the web app use it at once.',
    },
  ),
})

export const authOperations = operations('auth', {
  login: post(
    '/api/auth/login',
    'public:read',
    'Log in: opens a session (cookie) and returns the CSRF token, or asks for a code',
    { body: loginBody, response: loginResponse },
  ),
  logout: post('/api/auth/logout', 'self:manage', 'Log out: ends this session', {
    response: null,
    status: 204,
  }),
  getSession: get(
    '/api/auth/me',
    'self:manage',
    'Who you are, with the CSRF token of this session',
    { response: sessionResponse },
  ),
  listTokens: get('/api/tokens', 'self:manage', 'Your personal API tokens (never their secrets)', {
    response: tokensResponse,
  }),
  createToken: post(
    '/api/tokens',
    'self:manage',
    'Create a personal API token (its secret is shown once)',
    { body: tokenBody, response: tokenCreated, status: 201 },
  ),
  revokeToken: del('/api/tokens/:id', 'self:manage', 'Revoke one of your API tokens', {
    params: z.strictObject({ id: idParam }),
    response: null,
    status: 204,
  }),
})

/** Negotiations, their rounds and lifecycle events. */
export const negotiationOperations = operations('negotiations', {
  listNegotiations: get(
    '/api/negotiations',
    'negotiation:read',
    'Negotiations visible to you, with status, lapse and next deadline',
    { response: negotiationsResponse },
  ),
  createNegotiation: post(
    '/api/negotiations',
    'negotiation:create',
    'Open a negotiation (private to your delegation, or shared with the other)',
    { body: negotiationBody, response: createdResponse, status: 201 },
  ),
  getNegotiation: get(
    '/api/negotiations/:id',
    'negotiation:read',
    'A negotiation: deadlines, delegations, rounds, events and acceptances',
    {
      params: negotiationParams,
      querystring: exportQuery,
      response: negotiationResponse,
      files: ['csv', 'xlsx'],
      description:
        '`format=csv|xlsx` (or Accept) downloads its timeline as you may see it, as `sma export negotiation` writes it.',
    },
  ),
  getNegotiationBrief: get(
    '/api/negotiations/:id/brief.pdf',
    'negotiation:read',
    "Your delegation's private brief of a negotiation (PDF)",
    {
      params: negotiationParams,
      querystring: briefQuery,
      response: null,
      files: ['pdf'],
      description:
        "Deadlines and days left, rounds, tabled proposals side by side, your delegation's position and its estimate of the other side, the latest analysis. Only your party's private material; every page is marked with your party and the time it was made; making one is audited. Outsiders get 404, as for a missing negotiation.",
    },
  ),
  addRound: post(
    '/api/negotiations/:id/rounds',
    'round:write',
    'Record a round of talks (shared between the delegations)',
    { params: negotiationParams, body: roundBody, response: createdResponse, status: 201 },
  ),
  addEvent: post(
    '/api/negotiations/:id/events',
    'event:write',
    'Record a lifecycle event (text agreed, signed, a domestic procedure…)',
    {
      params: negotiationParams,
      body: eventBody,
      response: createdResponse,
      status: 201,
      description:
        'A delegation asserts only its own acts (party null or its own: otherwise 403). Mutual acts (text-agreed, initialled, signed) take party null and count once the other delegation confirms them. Signing and later steps need a mutual conclusion; entry into force needs both domestic procedures.',
    },
  ),
  confirmEvent: post(
    '/api/negotiations/:id/events/:eid/confirm',
    'event:write',
    'Confirm a mutual act the other delegation recorded (text agreed, initialled, signed)',
    {
      params: eventParams,
      response: eventConfirmed,
      description:
        'The act counts from this confirmation on; the confirmation records who and when. Your own record, an act confirmed already, or a one-party event → 409.',
    },
  ),
})

/** Proposals: private drafts, tabling (then immutable), acceptance by the other party. */
export const proposalOperations = operations('negotiations', {
  listProposals: get(
    '/api/negotiations/:id/proposals',
    'negotiation:read',
    'Proposals visible to you (tabled ones, and your own drafts), with schedules',
    { params: negotiationParams, response: proposalsResponse },
  ),
  createProposal: post(
    '/api/negotiations/:id/proposals',
    'proposal:draft',
    'Store a private draft, or table a proposal at once',
    {
      params: negotiationParams,
      body: proposalBody,
      response: proposalCreated,
      status: 201,
      description:
        'A private draft (visibility "private"), or a proposal tabled at once ("shared", needs proposal:table). The spec is stored as a content-addressed revision.',
    },
  ),
  getProposal: get(
    '/api/negotiations/:id/proposals/:pid',
    'negotiation:read',
    'One proposal with its schedule (ETag for drafts)',
    { params: childParams, response: proposalResponse },
  ),
  updateDraft: put(
    '/api/negotiations/:id/proposals/:pid',
    'proposal:draft',
    'Replace a private draft (If-Match required)',
    {
      params: childParams,
      headers: ifMatchHeaders,
      body: proposalUpdateBody,
      response: draftUpdated,
      errors: [412, 428],
      description: 'Tabled proposals are immutable: 409. Stale ETag: 412; no If-Match: 428.',
    },
  ),
  tableProposal: post(
    '/api/negotiations/:id/proposals/:pid/table',
    'proposal:table',
    'Table your draft: it becomes visible to the other delegation and immutable',
    { params: childParams, response: tabledResponse },
  ),
  acceptProposal: post(
    '/api/negotiations/:id/proposals/:pid/accept',
    'proposal:accept',
    "Accept the other delegation's tabled proposal",
    { params: childParams, response: acceptedResponse },
  ),
})

/** A delegation's positions: always private to its party, versioned by ETag. */
export const positionOperations = operations('negotiations', {
  listPositions: get(
    '/api/negotiations/:id/positions',
    'position:read',
    "Your delegation's positions in a negotiation",
    { params: negotiationParams, response: positionsResponse },
  ),
  createPosition: post(
    '/api/negotiations/:id/positions',
    'position:write',
    'Record a position (private to your delegation)',
    { params: negotiationParams, body: positionBody, response: positionResponse, status: 201 },
  ),
  getPosition: get(
    '/api/negotiations/:id/positions/:pid',
    'position:read',
    'One of your positions, with its ETag',
    { params: childParams, response: positionResponse },
  ),
  updatePosition: put(
    '/api/negotiations/:id/positions/:pid',
    'position:write',
    'Replace a position (If-Match required)',
    {
      params: childParams,
      headers: ifMatchHeaders,
      body: positionBody,
      response: positionResponse,
      errors: [412, 428],
      description: 'Stale ETag: 412 with currentETag; no If-Match: 428.',
    },
  ),
})

/** Party-private analyses of a negotiation, computed results, simulations, one-off computations. */
export const analysisOperations = operations('analyses', {
  listAnalyses: get(
    '/api/negotiations/:id/analyses',
    'analysis:read',
    "Your delegation's analyses of a negotiation (always party-private)",
    { params: negotiationParams, response: analysesResponse },
  ),
  createAnalysis: post(
    '/api/negotiations/:id/analyses',
    'analysis:write',
    'Store an SMA analysis setup (private to your delegation)',
    {
      params: negotiationParams,
      body: analysisBody,
      response: analysisResponse,
      status: 201,
      description: "The setup's viewpoint must be your party.",
    },
  ),
  getAnalysis: get(
    '/api/negotiations/:id/analyses/:aid',
    'analysis:read',
    'One of your analyses, with its ETag',
    { params: analysisParams, response: analysisResponse },
  ),
  updateAnalysis: put(
    '/api/negotiations/:id/analyses/:aid',
    'analysis:write',
    'Replace an analysis (If-Match required)',
    {
      params: analysisParams,
      headers: ifMatchHeaders,
      body: analysisBody,
      response: analysisResponse,
      errors: [412, 428],
      description: 'Stale ETag: 412 with currentETag; no If-Match: 428.',
    },
  ),
  getAnalysisResult: get(
    '/api/negotiations/:id/analyses/:aid/result',
    'analysis:read',
    'Compute an analysis: frontier, solutions, ZOPA, proposals on the plane',
    {
      params: analysisParams,
      response: analysisResult,
      errors: [422],
      description:
        'Prices every package with the agreement engine and analyses the space. Computed per request; a setup that cannot be priced → 422.',
    },
  ),
  simulateAnalysis: post(
    '/api/negotiations/:id/analyses/:aid/simulate',
    'analysis:read',
    "Simulate alternating offers on an analysis's package space",
    {
      params: analysisParams,
      body: simulationBody,
      response: simulationResult,
      errors: [422],
      description:
        "Own party only, nothing stored: strategies for A and B, rounds (≤ 2000) or roundDays to end at the negotiation's next deadline, seed. Returns the agreement or null and both sides' offers as [uA, uB] (≤ 500 points each).",
    },
  ),
  runAnalysis: post(
    '/api/analysis/run',
    'analysis:write',
    'Compute an SMA analysis setup without storing it',
    {
      body: smaAnalysisSetup,
      response: analysisResult,
      errors: [422],
      description:
        'Viewpoint: your party or neutral. The result goes to you only; nothing is stored.',
    },
  ),
  analyzeGenius: post(
    '/api/analysis/genius',
    'public:read',
    'Analyse a GENIUS (XML) or GeniusWeb (JSON) scenario given as texts',
    {
      body: geniusBody,
      response: analysisResult,
      errors: [422],
      description:
        'Each text ≤ 256 KiB, ≤ 200,000 outcomes. Open to everyone: only your inputs are used and nothing is stored.',
    },
  ),
})

export const projectionOperations = operations('projections', {
  listScenarios: get(
    '/api/projections/scenarios',
    'public:read',
    'The shipped projection scenarios (for a scenario picker)',
    { response: scenarioListSchema },
  ),
  runProjection: post(
    '/api/projections',
    'public:read',
    'Project an agreement (and comparisons) under a scenario',
    {
      querystring: projectionQuery,
      body: projectionRequestSchema,
      response: projectionResultSchema,
      errors: [422],
      files: ['csv', 'xlsx'],
      description:
        'The JSON of `sma project --json`, computed while the request waits. Anonymous and PUBLIC users: at most 100,000 paths (422 above); KR and US accounts: 1,000,000. `format=csv|xlsx` (or Accept) downloads the percentiles per year and cap probabilities (`table=projection`) or the comparisons (`table=comparison`), as `sma export project|compare` writes them.',
    },
  ),
  getBacktest: get(
    '/api/projections/backtest',
    'public:read',
    "Rolling-origin backtest of a shipped scenario's model over the record",
    {
      querystring: backtestQuery,
      response: backtestResultSchema,
      errors: [422],
      description:
        'Each origin refits the model on the years up to it and scores the P5–P95 and P25–P75 bands and the median against what was published. The JSON of `sma project backtest --json`.',
    },
  ),
  startProjectionRun: post(
    '/api/projection-runs',
    'public:read',
    'Start a stored projection run (a link anyone allowed can open)',
    {
      body: projectionRequestSchema,
      response: projectionRunCreated,
      status: 201,
      errors: [422],
      description:
        'Runs in the background; poll `GET /api/projection-runs/{id}` for paths done of total and the result. Public for public inputs; private to your delegation when you send a spec or scenario of your own or name an agreement only your party sees. The cancel token is shown once.',
    },
  ),
  getProjectionRun: get(
    '/api/projection-runs/:id',
    'public:read',
    'A stored projection run: inputs, seed, engine, progress and, once done, the result',
    { params: runParams, response: projectionRunResponse },
  ),
  cancelProjectionRun: post(
    '/api/projection-runs/:id/cancel',
    'public:read',
    'Cancel a running projection (with the token its start returned)',
    {
      params: runParams,
      body: cancelRunBody,
      response: projectionRunResponse,
      description: 'A wrong token: 403; a run that is no longer running: 409.',
    },
  ),
})
