import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { bodyText } from '../exports/test-support.js'
import { scopeOf } from '../domain/access/scope.js'
import type { Principal } from '../domain/access/permissions.js'
import type { Actor } from '../services/audit.js'
import type { Writer } from '../services/context.js'
import { createSpecCache } from '../services/record/spec-cache.js'
import { createAnalysis } from '../services/analyses/setups.js'
import type { SmaAnalysisSetup } from '../domain/bargaining/index.js'
import {
  MIXED_DOMAIN_XML,
  MIXED_PROFILE_A_XML,
  MIXED_PROFILE_B_XML,
} from '../domain/bargaining/fixtures/genius-fixtures.js'
import { createNegotiation } from '../services/negotiations/negotiation.js'
import { addEvent } from '../services/negotiations/events.js'
import { createPosition } from '../services/negotiations/positions.js'
import { createLedgerNote } from '../services/ledger/notes.js'
import { createProposal } from '../services/negotiations/proposals.js'
import { createApiToken } from '../services/users.js'
import { generateInstanceKeyPem, instanceKeyFromPem } from '../services/signing/instance-key.js'
import {
  analysisSetup,
  packageSpec,
  ANONYMOUS,
  buildTestApp,
  call,
  OPEN_NEGOTIATION,
  positionBody,
  proposalSpec,
  TEST_NOW,
  type TestApp,
  type TestPrincipal,
} from './test-support.js'

/**
 * Authorization matrix (security-and-reliability.md §B.9 suite 4): every registered API route ×
 * every principal (anonymous, PUBLIC, KR and US × four roles) × every object owner (KR-private,
 * US-private, shared) has an expected status written down here as data. The test fails if the
 * app registers a route this table does not cover.
 */
type Owner = 'KR' | 'US' | 'shared' | '-'
type Need = 'anyone' | 'login' | 'delegation' | 'analyst' | 'negotiator' | 'admin'
interface Req {
  url: string
  body?: unknown
  headers?: Record<string, string>
}
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  need: Need
  owners: readonly Owner[]
  prepare: (p: TestPrincipal, owner: Owner) => Promise<Req>
  /** Status once the `need` gate is passed. */
  expect: (p: TestPrincipal, owner: Owner) => number
}

const RANK = { viewer: 0, analyst: 1, negotiator: 2, admin: 3 } as const
/** Some Ed25519 public key (registering it is refused in a shared instance: never stored). */
const MATRIX_PUBLIC_KEY = instanceKeyFromPem(generateInstanceKeyPem()).publicKeyPem
const now = (): Date => TEST_NOW

function gate(p: TestPrincipal, need: Need): number | null {
  if (need === 'anyone') return null
  if (p.party === null) return 401
  if (need === 'login') return null
  if (p.party === 'PUBLIC') return 403
  const rank = RANK[p.role ?? 'viewer']
  if (need === 'analyst' && rank < 1) return 403
  if (need === 'negotiator' && rank < 2) return 403
  if (need === 'admin' && rank < 3) return 403
  return null
}

/** Does principal p see an object of this owner? (shared proposals/negotiations: delegations.) */
function sees(p: TestPrincipal, owner: Owner, sharedIsPublic: boolean): boolean {
  if (owner === 'shared') return sharedIsPublic || p.party === 'KR' || p.party === 'US'
  return p.party === owner
}

describe.each(testDialects())('authorization matrix on $name', (dialect) => {
  let t: TestApp
  const userIds = new Map<string, string>()
  const actorOf = (key: 'KR' | 'US'): { actor: Actor; principal: Principal } => {
    const id = userIds.get(`${key}-negotiator`) ?? ''
    const principal: Principal = { userId: id, email: `${key}@x`, party: key, role: 'negotiator' }
    return {
      actor: { id, label: `${key.toLowerCase()}-negotiator@test.sma`, party: key },
      principal,
    }
  }
  const privateNegotiation = new Map<'KR' | 'US', string>()
  let counter = 1000
  let roundNumber = 1

  const negotiationFor = (owner: Owner): string =>
    owner === 'KR' || owner === 'US' ? (privateNegotiation.get(owner) ?? '') : OPEN_NEGOTIATION

  const writer = (actor: Actor, principal: Principal): Writer => ({
    store: t.store,
    actor,
    scope: scopeOf(principal),
    cache: createSpecCache(),
    now,
  })

  async function freshProposal(owner: Owner): Promise<string> {
    const party = owner === 'US' ? 'US' : 'KR'
    const { actor, principal } = actorOf(party)
    const r = await createProposal(writer(actor, principal), OPEN_NEGOTIATION, {
      title: 'p',
      visibility: owner === 'shared' ? 'shared' : 'private',
      spec: proposalSpec(`m-${counter++}`), // a distinct revision each time: acceptances never conclude
      roundId: null,
      revises: null,
    })
    return r.id
  }
  async function freshPosition(owner: Owner): Promise<{ id: string; etag: string }> {
    const party = owner === 'US' ? 'US' : 'KR'
    const { actor, principal } = actorOf(party)
    const p = await createPosition(
      writer(actor, principal),
      OPEN_NEGOTIATION,
      positionBody('m') as never,
    )
    return { id: p.id, etag: p.etag }
  }

  async function freshAnalysis(owner: Owner): Promise<{ id: string; etag: string }> {
    const party = owner === 'US' ? 'US' : 'KR'
    const { actor, principal } = actorOf(party)
    const a = await createAnalysis(writer(actor, principal), OPEN_NEGOTIATION, {
      title: 'm',
      setup: analysisSetup(party) as SmaAnalysisSetup,
    })
    return { id: a.id, etag: a.etag }
  }

  const cases: RouteCase[] = []
  const simple = (
    method: RouteCase['method'],
    url: string,
    need: Need,
    status: number,
    req?: () => Req,
  ): void => {
    cases.push({
      method,
      url,
      need,
      owners: ['-'],
      prepare: () => Promise.resolve(req ? req() : { url }),
      expect: () => status,
    })
  }
  simple('GET', '/api/health', 'anyone', 200)
  simple('GET', '/api/openapi.json', 'anyone', 200)
  simple('GET', '/api/agreements', 'anyone', 200)
  simple('GET', '/api/record', 'anyone', 200)
  simple('GET', '/api/host-support/japan', 'anyone', 200)
  simple('GET', '/api/host-support/comparison', 'anyone', 200)
  simple('GET', '/api/agreements/:id', 'anyone', 200, () => ({
    url: '/api/agreements/rok-us-sma-12',
  }))
  simple('GET', '/api/agreements/:id/template', 'anyone', 200, () => ({
    url: '/api/agreements/rok-us-sma-12/template?firstYear=2031&lastYear=2035&increasePct=5',
  }))
  simple('GET', '/api/agreements/:id/schedule', 'anyone', 200, () => ({
    url: '/api/agreements/rok-us-sma-12/schedule',
  }))
  // The execution ledger (issue 13) is public; notes on its years are party-private like positions.
  const LEDGER = '/api/agreements/rok-us-sma-11/ledger'
  simple('GET', '/api/agreements/:id/ledger', 'anyone', 200, () => ({ url: LEDGER }))
  simple('GET', '/api/agreements/:id/ledger/notes', 'delegation', 200, () => ({
    url: `${LEDGER}/notes`,
  }))
  simple('POST', '/api/agreements/:id/ledger/notes', 'analyst', 201, () => ({
    url: `${LEDGER}/notes`,
    body: { year: 2022, text: 'matrix note' },
  }))
  cases.push({
    method: 'PUT',
    url: '/api/agreements/:id/ledger/notes/:nid',
    need: 'analyst',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => {
      const party = owner === 'US' ? 'US' : 'KR'
      const { actor, principal } = actorOf(party)
      const n = await createLedgerNote(writer(actor, principal), 'rok-us-sma-11', {
        year: 2021,
        text: 'm',
      })
      return {
        url: `${LEDGER}/notes/${n.id}`,
        body: { year: 2021, text: 'edited' },
        headers: { 'if-match': `"${n.etag}"` },
      }
    },
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  simple('GET', '/api/agreements/:id/brief.pdf', 'anyone', 200, () => ({
    url: '/api/agreements/rok-us-sma-12/brief.pdf?lang=ko',
  }))
  simple('GET', '/api/indices/:series/values', 'anyone', 200, () => ({
    url: '/api/indices/KR_CPI/values',
  }))
  simple('POST', '/api/indices/:series/values', 'analyst', 201, () => ({
    url: '/api/indices/KR_CPI/values',
    body: {
      period: 2026,
      value: '2.0',
      vintage: 'matrix',
      releasedOn: null,
      sources: ['https://example.org/x'],
    },
  }))
  cases.push({
    method: 'POST',
    url: '/api/auth/login',
    need: 'anyone',
    owners: ['-'],
    prepare: (p) =>
      Promise.resolve({
        url: '/api/auth/login',
        body: { email: p.email ?? 'nobody@test.sma', password: p.password ?? 'not-a-password' },
      }),
    expect: (p) => (p.party === null ? 401 : 200),
  })
  simple('POST', '/api/auth/logout', 'login', 204)
  // Accounts (issue 14): the code step refuses a made-up ticket for anyone; the account routes act
  // on the asker's own account only (another's session id is 404 like a made-up one).
  simple('POST', '/api/auth/login/mfa', 'anyone', 401, () => ({
    url: '/api/auth/login/mfa',
    body: { ticket: 'not-a-ticket-of-this-server', code: '123456' },
  }))
  simple('POST', '/api/auth/logout-all', 'login', 204)
  simple('GET', '/api/account/sessions', 'login', 200)
  simple('DELETE', '/api/account/sessions/:id', 'login', 404, () => ({
    url: `/api/account/sessions/${randomUUID()}`,
  }))
  simple('POST', '/api/account/password', 'login', 400, () => ({
    url: '/api/account/password',
    body: { currentPassword: 'not the current one', newPassword: 'aaaaaaaaaaaa' },
  }))
  simple('GET', '/api/account/mfa', 'login', 200)
  simple('POST', '/api/account/mfa/enroll', 'login', 200)
  simple('POST', '/api/account/mfa/confirm', 'login', 400, () => ({
    url: '/api/account/mfa/confirm',
    body: { code: '000000' },
  }))
  simple('POST', '/api/account/mfa/recovery-codes', 'login', 409, () => ({
    url: '/api/account/mfa/recovery-codes',
    body: { code: '000000' },
  }))
  cases.push({
    method: 'POST',
    url: '/api/account/mfa/disable',
    need: 'login',
    owners: ['-'],
    prepare: () => Promise.resolve({ url: '/api/account/mfa/disable', body: { code: '000000' } }),
    // administrators must keep it (403); anyone else has none to turn off (409)
    expect: (p) => (p.role === 'admin' ? 403 : 409),
  })
  simple('GET', '/api/auth/me', 'login', 200)
  simple('GET', '/api/tokens', 'login', 200)
  simple('POST', '/api/tokens', 'login', 201, () => ({
    url: '/api/tokens',
    body: { name: 'matrix' },
  }))
  cases.push({
    method: 'DELETE',
    url: '/api/tokens/:id',
    need: 'login',
    owners: ['-'],
    prepare: async (p) => {
      const uid = userIds.get(p.key)
      if (uid === undefined) return { url: `/api/tokens/${randomUUID()}` }
      const tok = await createApiToken(t.store, uid, 'to-delete', { now })
      return { url: `/api/tokens/${tok.id}` }
    },
    expect: () => 204,
  })
  simple('GET', '/api/negotiations', 'anyone', 200)
  simple('POST', '/api/negotiations', 'negotiator', 201, () => ({
    url: '/api/negotiations',
    body: {
      id: `matrix-${counter++}`,
      title: { en: 'm', ko: 'm' },
      replaces: null,
      visibility: 'private',
      deadlines: [],
    },
  }))
  const negOwners: Owner[] = ['KR', 'US', 'shared']
  const onNegotiation = (
    method: RouteCase['method'],
    url: string,
    suffix: string,
    need: Need,
    okStatus: number,
    body?: () => unknown,
  ): void => {
    cases.push({
      method,
      url,
      need,
      owners: negOwners,
      prepare: (_p, owner) =>
        Promise.resolve({
          url: `/api/negotiations/${negotiationFor(owner)}${suffix}`,
          ...(body ? { body: body() } : {}),
        }),
      expect: (p, owner) => (sees(p, owner, true) ? okStatus : 404),
    })
  }
  onNegotiation('GET', '/api/negotiations/:id', '', 'anyone', 200)
  onNegotiation('GET', '/api/negotiations/:id/deadlines.ics', '/deadlines.ics', 'anyone', 200)
  // The party-private brief: a delegation's own (or a shared) negotiation; outsiders, anonymous
  // included, get the 404 of a missing negotiation (issue 12).
  cases.push({
    method: 'GET',
    url: '/api/negotiations/:id/brief.pdf',
    need: 'anyone',
    owners: negOwners,
    prepare: (_p, owner) =>
      Promise.resolve({ url: `/api/negotiations/${negotiationFor(owner)}/brief.pdf` }),
    expect: (p, owner) =>
      (p.party === 'KR' || p.party === 'US') && sees(p, owner, true) ? 200 : 404,
  })
  onNegotiation('POST', '/api/negotiations/:id/rounds', '/rounds', 'negotiator', 201, () => ({
    number: roundNumber++,
    from: '2027-01-10',
    to: '2027-01-12',
    venue: 'Seoul',
    summary: '',
  }))
  // A delegation records its own composition (issue 11); naming the other party's is 403.
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/delegations',
    need: 'negotiator',
    owners: negOwners,
    prepare: (p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/delegations`,
        body: {
          party: p.party === 'US' ? 'US' : 'KR',
          members: [{ name: 'Matrix Chief', title: null, agency: 'MOFA', role: 'chief' }],
        },
      }),
    expect: (p, owner) => (sees(p, owner, true) ? 201 : 404),
  })
  onNegotiation('POST', '/api/negotiations/:id/events', '/events', 'negotiator', 201, () => ({
    kind: 'note',
    date: '2027-01-10',
    party: null,
    note: 'matrix note',
    visibility: 'shared',
  }))
  // Confirming a mutual act (issue 14): KR records it, only the other delegation confirms.
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/events/:eid/confirm',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (_p, owner) => {
      const { actor, principal } = actorOf(owner === 'US' ? 'US' : 'KR')
      const ev = await addEvent(writer(actor, principal), negotiationFor(owner), {
        kind: owner === 'shared' ? 'text-agreed' : 'note',
        date: '2027-01-10',
        party: null,
        note: 'matrix act',
        visibility: 'shared',
        sources: [],
      })
      return { url: `/api/negotiations/${negotiationFor(owner)}/events/${ev.id}/confirm` }
    },
    expect: (p, owner) =>
      owner === 'shared' ? (p.party === 'US' ? 200 : 409) : p.party === owner ? 409 : 404,
  })
  onNegotiation('GET', '/api/negotiations/:id/proposals', '/proposals', 'anyone', 200)
  onNegotiation('POST', '/api/negotiations/:id/proposals', '/proposals', 'analyst', 201, () => ({
    title: 'matrix draft',
    visibility: 'private',
    spec: proposalSpec('matrix'),
  }))
  onNegotiation('GET', '/api/negotiations/:id/positions', '/positions', 'delegation', 200)
  onNegotiation('POST', '/api/negotiations/:id/positions', '/positions', 'analyst', 201, () =>
    positionBody('matrix'),
  )

  const propUrl = (id: string, suffix = ''): string =>
    `/api/negotiations/${OPEN_NEGOTIATION}/proposals/${id}${suffix}`
  cases.push({
    method: 'GET',
    url: '/api/negotiations/:id/proposals/:pid',
    need: 'anyone',
    owners: negOwners,
    prepare: async (_p, owner) => ({ url: propUrl(await freshProposal(owner)) }),
    expect: (p, owner) => (sees(p, owner, false) ? 200 : 404),
  })
  cases.push({
    method: 'PUT',
    url: '/api/negotiations/:id/proposals/:pid',
    need: 'analyst',
    owners: negOwners,
    prepare: async (_p, owner) => ({
      url: propUrl(await freshProposal(owner)),
      body: { title: 'edit', spec: proposalSpec('edit') },
      headers: { 'if-match': '"stale-etag"' },
    }),
    // The shared fixture proposal is KR's and tabled (immutable).
    expect: (p, owner) =>
      owner === 'shared' ? (p.party === 'KR' ? 409 : 403) : p.party === owner ? 412 : 404,
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/proposals/:pid/table',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (_p, owner) => ({ url: propUrl(await freshProposal(owner), '/table') }),
    expect: (p, owner) => (owner === 'shared' ? 409 : p.party === owner ? 200 : 404),
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/proposals/:pid/accept',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (_p, owner) => ({ url: propUrl(await freshProposal(owner), '/accept') }),
    expect: (p, owner) => (owner === 'shared' ? 200 : p.party === owner ? 409 : 404),
  })
  // Reported acts and the signed exchange (issue 17). This app is a shared instance (KR and US
  // present): reporting the other party's act is refused (403) wherever the negotiation is
  // visible; without an instance key, signing is refused (409); a file that is not a signed
  // document is refused (422) before anything is looked up.
  const SOURCE = { kind: 'minutes', ref: 'matrix minutes', date: '2027-01-10' }
  const otherOf = (p: TestPrincipal): string => (p.party === 'US' ? 'KR' : 'US')
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/reported/proposals',
    need: 'negotiator',
    owners: negOwners,
    prepare: (p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/reported/proposals`,
        body: { party: otherOf(p), title: 'm', spec: proposalSpec('reported'), source: SOURCE },
      }),
    expect: (p, owner) => (sees(p, owner, true) ? 403 : 404),
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/proposals/:pid/reported-reply',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (p, owner) => ({
      url: propUrl(await freshProposal(owner), '/reported-reply'),
      body: { party: otherOf(p), reply: 'accept', source: SOURCE },
    }),
    // the instance rule answers before the proposal is looked up: nothing about it leaks
    expect: () => 403,
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/reported/events',
    need: 'negotiator',
    owners: negOwners,
    prepare: (p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/reported/events`,
        body: { kind: 'opened', date: '2027-01-10', party: otherOf(p), note: 'm', source: SOURCE },
      }),
    expect: (p, owner) => (sees(p, owner, true) ? 403 : 404),
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/reported/rounds',
    need: 'negotiator',
    owners: negOwners,
    prepare: (p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/reported/rounds`,
        body: {
          party: otherOf(p),
          number: 900,
          from: '2027-01-10',
          to: null,
          venue: 'm',
          summary: '',
          source: SOURCE,
        },
      }),
    expect: (p, owner) => (sees(p, owner, true) ? 403 : 404),
  })
  simple('GET', '/api/exchange/key', 'anyone', 200)
  simple('GET', '/api/exchange/keys', 'delegation', 200)
  cases.push({
    method: 'POST',
    url: '/api/exchange/keys',
    need: 'admin',
    owners: ['-'],
    prepare: (p) =>
      Promise.resolve({
        url: '/api/exchange/keys',
        body: { party: otherOf(p), label: 'm', publicKey: MATRIX_PUBLIC_KEY },
      }),
    expect: () => 403,
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/exchange/export',
    need: 'negotiator',
    owners: negOwners,
    prepare: (_p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/exchange/export`,
        body: { kind: 'round', id: 'x' },
      }),
    expect: () => 409,
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/exchange/import',
    need: 'negotiator',
    owners: negOwners,
    prepare: (_p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/exchange/import`,
        body: { document: '{"not":"signed"}' },
      }),
    expect: () => 422,
  })
  onNegotiation('GET', '/api/negotiations/:id/received', '/received', 'delegation', 200)
  // The proposal state machine (issue 11): only the other delegation rejects a tabled proposal,
  // only the owner withdraws it; a draft can be neither (409 for its owner, 404 for the other).
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/proposals/:pid/reject',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (_p, owner) => ({
      url: propUrl(await freshProposal(owner), '/reject'),
      body: { reason: 'matrix reason' },
    }),
    // the shared fixture proposal is KR's
    expect: (p, owner) =>
      owner === 'shared' ? (p.party === 'US' ? 200 : 409) : p.party === owner ? 409 : 404,
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/proposals/:pid/withdraw',
    need: 'negotiator',
    owners: negOwners,
    prepare: async (_p, owner) => ({ url: propUrl(await freshProposal(owner), '/withdraw') }),
    expect: (p, owner) =>
      owner === 'shared' ? (p.party === 'KR' ? 200 : 409) : p.party === owner ? 409 : 404,
  })
  const posUrl = (id: string): string => `/api/negotiations/${OPEN_NEGOTIATION}/positions/${id}`
  cases.push({
    method: 'GET',
    url: '/api/negotiations/:id/positions/:pid',
    need: 'delegation',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => ({ url: posUrl((await freshPosition(owner)).id) }),
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  cases.push({
    method: 'PUT',
    url: '/api/negotiations/:id/positions/:pid',
    need: 'analyst',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => {
      const pos = await freshPosition(owner)
      return {
        url: posUrl(pos.id),
        body: positionBody('edited'),
        headers: { 'if-match': `"${pos.etag}"` },
      }
    },
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  // Bargaining analyses (issue 5): always private to the author's party, like positions.
  onNegotiation('GET', '/api/negotiations/:id/analyses', '/analyses', 'delegation', 200)
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/analyses',
    need: 'analyst',
    owners: negOwners,
    prepare: (p, owner) =>
      Promise.resolve({
        url: `/api/negotiations/${negotiationFor(owner)}/analyses`,
        body: { title: 'matrix', setup: analysisSetup(p.party === 'US' ? 'US' : 'KR') },
      }),
    expect: (p, owner) => (sees(p, owner, true) ? 201 : 404),
  })
  const anaUrl = (id: string, suffix = ''): string =>
    `/api/negotiations/${OPEN_NEGOTIATION}/analyses/${id}${suffix}`
  cases.push({
    method: 'GET',
    url: '/api/negotiations/:id/analyses/:aid',
    need: 'delegation',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => ({ url: anaUrl((await freshAnalysis(owner)).id) }),
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  cases.push({
    method: 'GET',
    url: '/api/negotiations/:id/analyses/:aid/result',
    need: 'delegation',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => ({ url: anaUrl((await freshAnalysis(owner)).id, '/result') }),
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  cases.push({
    method: 'POST',
    url: '/api/negotiations/:id/analyses/:aid/simulate',
    need: 'delegation',
    owners: ['KR', 'US'],
    prepare: async (_p, owner) => ({
      url: anaUrl((await freshAnalysis(owner)).id, '/simulate'),
      body: { strategyA: 'boulware', strategyB: 'conceder', rounds: 50, seed: 1 },
    }),
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  cases.push({
    method: 'PUT',
    url: '/api/negotiations/:id/analyses/:aid',
    need: 'analyst',
    owners: ['KR', 'US'],
    prepare: async (p, owner) => {
      const a = await freshAnalysis(owner)
      return {
        url: anaUrl(a.id),
        body: { title: 'edited', setup: analysisSetup(p.party === 'US' ? 'US' : 'KR') },
        headers: { 'if-match': `"${a.etag}"` },
      }
    },
    expect: (p, owner) => (p.party === owner ? 200 : 404),
  })
  simple('POST', '/api/analysis/run', 'analyst', 200, () => ({
    url: '/api/analysis/run',
    body: analysisSetup('neutral'),
  }))
  simple('POST', '/api/analysis/genius', 'anyone', 200, () => ({
    url: '/api/analysis/genius',
    body: {
      format: 'genius',
      domain: MIXED_DOMAIN_XML,
      profileA: MIXED_PROFILE_A_XML,
      profileB: MIXED_PROFILE_B_XML,
    },
  }))
  simple('GET', '/api/audit', 'admin', 200)
  simple('GET', '/api/audit/verification', 'admin', 200)

  // Stored projection runs (issue 16): public runs for public inputs; a delegation member's own
  // spec makes a run private to the party ('shared' below stands for a public run).
  async function freshRun(owner: Owner): Promise<string> {
    const who = owner === 'KR' || owner === 'US' ? t.as(`${owner}-negotiator`) : ANONYMOUS
    const body =
      owner === 'KR' || owner === 'US'
        ? { spec: { ...proposalSpec(`run-${counter++}`), id: 'matrix-run' }, paths: 100, seed: 1 }
        : { agreement: 'rok-us-sma-12', paths: 100, seed: 1 }
    const res = await call(t, who, 'POST', '/api/projection-runs', body)
    return res.json<{ run: { id: string } }>().run.id
  }
  simple('GET', '/api/projections/backtest', 'anyone', 200, () => ({
    url: '/api/projections/backtest?from=2020&paths=200',
  }))
  simple('POST', '/api/projection-runs', 'anyone', 201, () => ({
    url: '/api/projection-runs',
    body: { agreement: 'rok-us-sma-12', paths: 100, seed: 1 },
  }))
  cases.push({
    method: 'GET',
    url: '/api/projection-runs/:id',
    need: 'anyone',
    owners: negOwners,
    prepare: async (_p, owner) => ({ url: `/api/projection-runs/${await freshRun(owner)}` }),
    expect: (p, owner) => (sees(p, owner, true) ? 200 : 404),
  })
  cases.push({
    method: 'POST',
    url: '/api/projection-runs/:id/cancel',
    need: 'anyone',
    owners: negOwners,
    // a token other than the start's: whoever may see the run is refused (403), others get 404
    prepare: async (_p, owner) => ({
      url: `/api/projection-runs/${await freshRun(owner)}/cancel`,
      body: { cancelToken: 'not-the-token-of-this-run' },
    }),
    expect: (p, owner) => (sees(p, owner, true) ? 403 : 404),
  })

  beforeAll(async () => {
    t = await buildTestApp(() => dialect.open())
    const users = await t.store.db.selectFrom('users').select(['id', 'email']).execute()
    for (const u of users)
      userIds.set(
        u.email.replace('@test.sma', '').replace(/^(kr|us|public)/, (m) => m.toUpperCase()),
        u.id,
      )
    for (const party of ['KR', 'US'] as const) {
      const { actor, principal } = actorOf(party)
      const id = `private-${party.toLowerCase()}-negotiation`
      await createNegotiation(writer(actor, principal), {
        id,
        title: { en: id, ko: id },
        replaces: null,
        visibility: 'private',
        deadlines: [],
      })
      privateNegotiation.set(party, id)
    }
  })
  afterAll(async () => {
    await t.close()
  })

  it('covers every registered API route', () => {
    // The projection routes (issue 6) are optional: covered when registered.
    const has = (m: string, u: string): boolean =>
      t.app.routeCatalog.some((r) => r.method === m && r.url === u)
    if (has('GET', '/api/projections/scenarios')) {
      simple('GET', '/api/projections/scenarios', 'anyone', 200)
    }
    if (has('POST', '/api/projections')) {
      simple('POST', '/api/projections', 'anyone', 200, () => ({
        url: '/api/projections',
        body: { agreement: 'rok-us-sma-12', paths: 200, seed: 1 },
      }))
    }
    const covered = new Set(cases.map((c) => `${c.method} ${c.url}`))
    const missing = t.app.routeCatalog
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !covered.has(k))
    expect(missing).toEqual([])
  })

  it('gives every principal × route × owner the expected status', async () => {
    const principals = [...t.principals.values()]
    const mismatches: string[] = []
    let cells = 0
    for (const c of cases) {
      for (const p of principals) {
        for (const owner of c.owners) {
          const req = await c.prepare(p, owner)
          const res = await call(t, p, c.method, req.url, req.body, req.headers ?? {})
          const want = gate(p, c.need) ?? c.expect(p, owner)
          cells++
          if (res.statusCode !== want) {
            mismatches.push(
              `${c.method} ${c.url} as ${p.key} on ${owner}: got ${res.statusCode}, want ${want} ${res.body.slice(0, 160)}`,
            )
          }
          if (res.statusCode >= 400)
            expect(res.headers['content-type']).toContain('application/problem+json')
          expect(res.statusCode).toBeLessThan(500)
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(cells).toBeGreaterThan(500)
    console.info(
      `authorization matrix (${dialect.name}): ${cases.length} routes × ${principals.length} principals, ${cells} cells, 0 mismatches`,
    )
  })

  it('serves the API docs and any projection routes without 5xx', async () => {
    for (const r of t.app.routeCatalog) {
      if (r.method !== 'GET') continue
      if (!r.url.startsWith('/api/docs') && !r.url.startsWith('/api/projections')) continue
      const url = r.url.replace('*', 'index.html').replace(/:(\w+)/g, 'x')
      for (const p of [ANONYMOUS, t.as('US-viewer')]) {
        const res = await call(t, p, 'GET', url)
        expect(res.statusCode).toBeLessThan(500)
      }
    }
  })
})

/**
 * Isolation canary scan (suite 5): unique canary strings in KR's private positions, drafts,
 * notes, ledger notes, rounds and a private negotiation; then every GET route (lists and details, with real
 * ids including KR's private ones) as each US principal, a PUBLIC user and an anonymous
 * visitor. No response body or header may contain any canary.
 */
describe.each(testDialects())('canary leak scan on $name', (dialect) => {
  let t: TestApp
  const canaries: string[] = []
  const ids = {
    negotiations: [] as string[],
    proposals: [] as string[],
    positions: [] as string[],
    analyses: [] as string[],
    /** The US's own analyses: their results (200 for the US) list the proposals it may see. */
    usAnalyses: [] as string[],
    /** KR-private stored projection runs (issue 16), and one public run. */
    runs: [] as string[],
  }
  const canary = (): string => {
    const c = `CANARY${canaries.length}x${randomBytes(6).toString('hex')}`
    canaries.push(c)
    return c
  }

  beforeAll(async () => {
    t = await buildTestApp(() => dialect.open())
    const kr = t.as('KR-negotiator')
    const N = `/api/negotiations/${OPEN_NEGOTIATION}`
    for (let i = 0; i < 10; i++) {
      const r = await call(t, kr, 'POST', `${N}/positions`, {
        title: canary(),
        reservationValue: '1600000000000',
        target: null,
        priorities: [canary(), canary()],
        estimateOfOther: { reservationValue: null, target: '1500000000000', notes: canary() },
        notes: canary(),
      })
      expect(r.statusCode).toBe(201)
      ids.positions.push(r.json<{ position: { id: string } }>().position.id)
    }
    for (let i = 0; i < 5; i++) {
      const spec = proposalSpec(canary())
      const r = await call(t, kr, 'POST', `${N}/proposals`, {
        title: canary(),
        visibility: 'private',
        spec: { ...spec, description: { en: canary(), ko: canary() } },
      })
      expect(r.statusCode).toBe(201)
      ids.proposals.push(r.json<{ id: string }>().id)
    }
    for (let i = 0; i < 5; i++) {
      // analyses: canaries in titles, assumptions' vintages are not free text, so in the setup's
      // lever values (strings the schema accepts) and the title
      const r = await call(t, kr, 'POST', `${N}/analyses`, {
        title: canary(),
        setup: analysisSetup('KR', {
          assumptions: [`KR_CPI:2026=2.0`],
          issues: [
            { lever: 'firstYearIncreasePct', values: ['3.0', '5.0'] },
            { lever: 'capPct', values: [canary(), 'none'] },
          ],
        }),
      })
      expect(r.statusCode).toBe(201)
      ids.analyses.push(r.json<{ analysis: { id: string } }>().analysis.id)
    }
    for (let i = 0; i < 3; i++) {
      const r = await call(t, kr, 'POST', `${N}/events`, {
        kind: 'note',
        date: '2027-01-01',
        party: 'KR',
        note: canary(),
        visibility: 'private',
      })
      expect(r.statusCode).toBe(201)
    }
    const privId = 'kr-private-talks'
    const created = await call(t, kr, 'POST', '/api/negotiations', {
      id: privId,
      title: { en: canary(), ko: canary() },
      replaces: 'rok-us-sma-12',
      visibility: 'private',
      deadlines: [{ kind: 'internal', date: '2027-06-30', label: canary(), sources: [] }],
    })
    expect(created.statusCode).toBe(201)
    ids.negotiations.push(
      privId,
      OPEN_NEGOTIATION,
      'rok-us-sma-12-negotiation',
      'rok-us-sma-11-negotiation',
    )
    expect(
      (
        await call(t, kr, 'POST', `/api/negotiations/${privId}/rounds`, {
          number: 1,
          from: '2027-01-05',
          to: null,
          venue: canary(),
          summary: canary(),
        })
      ).statusCode,
    ).toBe(201)
    const draft = await call(t, kr, 'POST', `/api/negotiations/${privId}/proposals`, {
      title: canary(),
      visibility: 'shared',
      spec: proposalSpec(canary()),
    })
    expect(draft.statusCode).toBe(201)
    ids.proposals.push(draft.json<{ id: string }>().id)
    const pos = await call(
      t,
      kr,
      'POST',
      `/api/negotiations/${privId}/positions`,
      positionBody(canary()),
    )
    ids.positions.push(pos.json<{ position: { id: string } }>().position.id)
    const ana = await call(t, kr, 'POST', `/api/negotiations/${privId}/analyses`, {
      title: canary(),
      setup: analysisSetup('KR'),
    })
    expect(ana.statusCode).toBe(201)
    ids.analyses.push(ana.json<{ analysis: { id: string } }>().analysis.id)
    // A private draft that varies the 12th SMA (it would sit on an analysis's plane): the US's
    // own analyses of the negotiation must not place it.
    const variant = await call(t, kr, 'POST', `${N}/proposals`, {
      title: canary(),
      visibility: 'private',
      spec: packageSpec(
        { firstYearIncreasePct: '5.0', capPct: '3', termYears: '5', series: 'KR_CPI' },
        canary(),
      ),
    })
    expect(variant.statusCode).toBe(201)
    ids.proposals.push(variant.json<{ id: string }>().id)
    const usAna = await call(t, t.as('US-analyst'), 'POST', `${N}/analyses`, {
      title: 'US view',
      setup: analysisSetup('US'),
    })
    expect(usAna.statusCode).toBe(201)
    ids.usAnalyses.push(usAna.json<{ analysis: { id: string } }>().analysis.id)
    // Shared material (visible to the US, must not carry canaries either way): a tabled proposal.
    const shared = await call(t, kr, 'POST', `${N}/proposals`, {
      title: 'tabled offer',
      visibility: 'shared',
      spec: proposalSpec('public-marker'),
    })
    ids.proposals.push(shared.json<{ id: string }>().id)
    // A KR draft answering the US's tabled proposal (issue 11): until KR tables it, not even its
    // id may reach the US (the tabled proposal must not read as revised).
    const usTabled = await call(t, t.as('US-negotiator'), 'POST', `${N}/proposals`, {
      title: 'US offer',
      visibility: 'shared',
      spec: proposalSpec('us-marker'),
    })
    const answer = await call(t, kr, 'POST', `${N}/proposals`, {
      title: canary(),
      visibility: 'private',
      spec: proposalSpec(canary()),
      revises: usTabled.json<{ id: string }>().id,
    })
    expect(answer.statusCode).toBe(201)
    const answerId = answer.json<{ id: string }>().id
    ids.proposals.push(answerId)
    canaries.push(answerId)
    for (let i = 0; i < 5; i++) {
      const r = await call(t, kr, 'POST', '/api/agreements/rok-us-sma-12/ledger/notes', {
        year: 2026 + i,
        text: canary(),
      })
      expect(r.statusCode).toBe(201)
    }
    // KR-private projection runs: canaries in the spec's texts and in a scenario of KR's own.
    for (let i = 0; i < 3; i++) {
      const spec = proposalSpec(canary())
      const r = await call(t, kr, 'POST', '/api/projection-runs', {
        spec: { ...spec, id: `kr-run-${i}`, title: { en: canary(), ko: canary() } },
        paths: 200,
        seed: i,
      })
      expect(r.statusCode).toBe(201)
      ids.runs.push(r.json<{ run: { id: string } }>().run.id)
    }
    // A KR run over its private draft by reference (issue 11): its result names the draft's spec.
    const overDraft = await call(t, kr, 'POST', '/api/projection-runs', {
      proposal: { negotiation: OPEN_NEGOTIATION, proposal: answerId },
      compare: ['rok-us-sma-12'],
      paths: 200,
      seed: 1,
    })
    expect(overDraft.statusCode).toBe(201)
    ids.runs.push(overDraft.json<{ run: { id: string } }>().run.id)
    const ar1 = (await call(t, kr, 'GET', '/api/projections/scenarios'))
      .json<{
        scenarios: { id: string; scenario: Record<string, unknown> }[]
      }>()
      .scenarios.find((s) => s.id === 'ar1')?.scenario
    const own = await call(t, kr, 'POST', '/api/projection-runs', {
      agreement: 'rok-us-sma-12',
      scenario: {
        ...ar1,
        id: 'kr-own',
        description: canary(),
        title: { en: canary(), ko: canary() },
      },
      paths: 200,
      seed: 1,
    })
    expect(own.statusCode).toBe(201)
    ids.runs.push(own.json<{ run: { id: string } }>().run.id)
    const pub = await call(t, ANONYMOUS, 'POST', '/api/projection-runs', {
      agreement: 'rok-us-sma-12',
      paths: 200,
      seed: 1,
    })
    ids.runs.push(pub.json<{ run: { id: string } }>().run.id)
    // let the runs finish, so their stored results are scanned too
    for (const id of ids.runs) {
      for (let i = 0; i < 500; i++) {
        const r = await call(t, kr, 'GET', `/api/projection-runs/${id}`)
        if (r.json<{ run: { status: string } }>().run.status !== 'running') break
        await new Promise((res) => setTimeout(res, 10))
      }
    }
    // A KR session whose browser name is a canary (issue 14): only its own user lists it.
    const analyst = t.as('KR-analyst')
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': canary() },
      payload: { email: analyst.email, password: analyst.password },
    })
    expect(opened.statusCode).toBe(200)
    await call(t, t.as('KR-admin'), 'GET', '/api/audit')
  })
  afterAll(async () => {
    await t.close()
  })

  it('plants at least 50 unique canaries, all visible to KR', async () => {
    expect(new Set(canaries).size).toBeGreaterThanOrEqual(50)
    const kr = t.as('KR-analyst')
    let seen = ''
    for (const n of ids.negotiations) {
      seen += (await call(t, kr, 'GET', `/api/negotiations/${n}`)).body
      seen += (await call(t, kr, 'GET', `/api/negotiations/${n}/proposals`)).body
      seen += (await call(t, kr, 'GET', `/api/negotiations/${n}/positions`)).body
      seen += (await call(t, kr, 'GET', `/api/negotiations/${n}/analyses`)).body
    }
    seen += (await call(t, kr, 'GET', '/api/negotiations')).body
    seen += (await call(t, kr, 'GET', '/api/agreements/rok-us-sma-12/ledger/notes')).body
    seen += (await call(t, kr, 'GET', '/api/account/sessions')).body
    for (const r of ids.runs) seen += (await call(t, kr, 'GET', `/api/projection-runs/${r}`)).body
    for (const c of canaries) expect(seen).toContain(c)
    // KR's own brief carries KR's private material (the control of the scan below)
    const brief = await call(t, kr, 'GET', `/api/negotiations/${OPEN_NEGOTIATION}/brief.pdf`)
    expect(brief.statusCode).toBe(200)
    const text = await bodyText('application/pdf', brief.rawPayload)
    expect(canaries.some((c) => text.includes(c))).toBe(true)
  })

  it('never shows a canary to the other party or the public', async () => {
    const urls = new Set<string>()
    for (const r of t.app.routeCatalog) {
      if (r.method !== 'GET' || !r.url.startsWith('/api/') || r.url.startsWith('/api/docs'))
        continue
      const expand = (url: string): string[] => {
        if (url.includes(':series'))
          return ['KR_CPI', 'KR_DEFENSE_BUDGET'].map((s) => url.replace(':series', s))
        if (url.startsWith('/api/agreements/:id'))
          return ['rok-us-sma-12', 'jp-us-sma-2022'].map((s) => url.replace(':id', s))
        if (url.startsWith('/api/negotiations/:id')) {
          return ids.negotiations.flatMap((n) => {
            const u = url.replace(':id', n)
            if (u.includes(':aid'))
              return [...ids.analyses, ...ids.usAnalyses, randomUUID()].map((a) =>
                u.replace(':aid', a),
              )
            if (!u.includes(':pid')) return [u]
            const pool = u.includes('/positions/') ? ids.positions : ids.proposals
            return [...pool, randomUUID()].map((p) => u.replace(':pid', p))
          })
        }
        if (url === '/api/audit') return ['/api/audit?limit=1000']
        if (url === '/api/projections/backtest') return ['/api/projections/backtest?paths=500']
        if (url.startsWith('/api/projection-runs/:id'))
          return [...ids.runs, randomUUID()].map((r) => url.replace(':id', r))
        return [url.replace(/:(\w+)/g, 'x')]
      }
      for (const u of expand(r.url)) {
        urls.add(u)
        // the downloads of a resource (issue 12): its CSV and XLSX, in both languages
        if (/^\/api\/(negotiations\/[^/]+|agreements\/[^/]+\/(schedule|ledger))$/.test(u))
          for (const q of ['?format=csv&lang=ko', '?format=xlsx', '?format=csv&lang=en'])
            urls.add(u + q)
        if (u.endsWith('/brief.pdf')) urls.add(`${u}?lang=ko`)
      }
    }
    const outsiders = [
      ANONYMOUS,
      t.as('PUBLIC-viewer'),
      t.as('US-viewer'),
      t.as('US-analyst'),
      t.as('US-negotiator'),
      t.as('US-admin'),
    ]
    let requests = 0
    const hits: string[] = []
    for (const p of outsiders) {
      for (const url of urls) {
        const res = await call(t, p, 'GET', url)
        requests++
        expect(res.statusCode).toBeLessThan(500)
        const text =
          (await bodyText(res.headers['content-type'] as string | undefined, res.rawPayload)) +
          JSON.stringify(res.headers)
        for (const c of canaries) if (text.includes(c)) hits.push(`${p.key} GET ${url}: ${c}`)
      }
    }
    expect(hits).toEqual([])
    expect(requests).toBeGreaterThan(200)
    // the US's own analysis result was really computed (its proposals checked, not a 404)
    const own = await call(
      t,
      t.as('US-viewer'),
      'GET',
      `/api/negotiations/${OPEN_NEGOTIATION}/analyses/${ids.usAnalyses[0] ?? ''}/result`,
    )
    expect(own.statusCode).toBe(200)
    expect(own.json<{ proposals: unknown[] }>().proposals).toBeDefined()
    console.info(
      `canary scan (${dialect.name}): ${canaries.length} canaries, ${urls.size} URLs × ${outsiders.length} principals = ${requests} requests, 0 hits`,
    )
  })

  it('answers a KR-private id with the very body of a missing id', async () => {
    const us = t.as('US-negotiator')
    const N = `/api/negotiations/${OPEN_NEGOTIATION}`
    const missing = await call(t, us, 'GET', `${N}/proposals/${randomUUID()}`)
    for (const id of ids.proposals.slice(0, 5)) {
      const r = await call(t, us, 'GET', `${N}/proposals/${id}`)
      expect(r.statusCode).toBe(404)
      expect(r.body).toBe(missing.body)
    }
    const missingAna = await call(t, us, 'GET', `${N}/analyses/${randomUUID()}/result`)
    for (const id of ids.analyses) {
      const r = await call(t, us, 'GET', `${N}/analyses/${id}/result`)
      expect(r.statusCode).toBe(404)
      expect(r.body).toBe(missingAna.body)
    }
    // a KR-private stored run: 404 for the US and anonymous visitors, the body of a missing one
    for (const who of [us, ANONYMOUS, t.as('PUBLIC-viewer')]) {
      const missingRun = await call(t, who, 'GET', `/api/projection-runs/${randomUUID()}`)
      expect(missingRun.statusCode).toBe(404)
      for (const id of ids.runs.slice(0, 4)) {
        const r = await call(t, who, 'GET', `/api/projection-runs/${id}`)
        expect(r.statusCode).toBe(404)
        expect(r.body).toBe(missingRun.body)
      }
    }
    const missingNeg = await call(t, us, 'GET', '/api/negotiations/no-such-negotiation')
    const hiddenNeg = await call(t, us, 'GET', '/api/negotiations/kr-private-talks')
    expect(hiddenNeg.body).toBe(missingNeg.body)
    const list = (await call(t, us, 'GET', '/api/negotiations')).json<{
      negotiations: { id: string }[]
    }>()
    expect(list.negotiations.map((n) => n.id)).not.toContain('kr-private-talks')
  })
})
