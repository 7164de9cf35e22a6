import { afterAll, beforeAll } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { LightMyRequestResponse } from 'fastify'
import type { AgreementSpec } from '../domain/agreement/spec.js'
import { smaPackageSpec } from '../domain/bargaining/sma-package-space.js'
import {
  DELEGATIONS,
  ROLES,
  type Delegation,
  type Party,
  type Role,
} from '../domain/access/permissions.js'
import type { InstanceKey } from '../services/signing/instance-key.js'
import type { DatabaseHandle } from '../db/open.js'
import { seedIfEmpty } from '../services/seed.js'
import { createApiToken, createUser } from '../services/users.js'
import { buildApp, type App } from './app.js'

/** Test helpers shared by the route tests (not shipped behaviour). */
export const TEST_NOW = new Date('2026-11-28T09:00:00Z')
export const OPEN_NEGOTIATION = 'rok-us-sma-13-negotiation'

export interface TestPrincipal {
  readonly key: string
  readonly party: Party | null
  readonly role: Role | null
  readonly email: string | null
  readonly password: string | null
  readonly token: string | null
}

/** A PUBLIC reader and every role of both delegations. */
export const PRINCIPAL_SPECS: readonly { party: Party; role: Role }[] = [
  { party: 'PUBLIC', role: 'viewer' },
  ...DELEGATIONS.flatMap((party) => ROLES.map((role) => ({ party, role }))),
]

export const ANONYMOUS: TestPrincipal = {
  key: 'anonymous',
  party: null,
  role: null,
  email: null,
  password: null,
  token: null,
}

export interface TestApp {
  readonly app: App
  readonly store: DatabaseHandle
  readonly principals: ReadonlyMap<string, TestPrincipal>
  readonly as: (key: string) => TestPrincipal
  readonly close: () => Promise<void>
}

/** What a test may set of the app beside the defaults (no rate limit, the fixed clock). */
export interface TestAppOptions {
  readonly rateLimitPerMinute?: number
  readonly loginPerMinute?: number
  /** The clock TOTP codes are checked against. */
  readonly otpNow?: () => Date
  readonly trustProxy?: readonly string[]
  readonly secureCookies?: boolean
  /** SMA_PARTIES: only these delegations get users (default both: a shared instance). */
  readonly parties?: readonly Delegation[]
  readonly instanceKey?: InstanceKey
}

/** Builds a seeded app on a fresh database with one user (and API token) per party × role. */
export async function buildTestApp(
  open: () => Promise<DatabaseHandle>,
  opts: TestAppOptions = {},
): Promise<TestApp> {
  const parties = opts.parties ?? DELEGATIONS
  const store = await open()
  const now = (): Date => TEST_NOW
  await seedIfEmpty(store, now)
  const principals = new Map<string, TestPrincipal>([['anonymous', ANONYMOUS]])
  for (const s of PRINCIPAL_SPECS) {
    if (s.party !== 'PUBLIC' && !parties.includes(s.party)) continue
    const key = `${s.party}-${s.role}`
    const email = `${key.toLowerCase()}@test.sma`
    const password = `password-of-${key}`
    const u = await createUser(
      store,
      { email, name: key, party: s.party, role: s.role, password },
      { now },
    )
    const t = await createApiToken(store, u.id, 'test', { now })
    principals.set(key, { key, party: s.party, role: s.role, email, password, token: t.token })
  }
  const app = await buildApp({
    store,
    now,
    logger: false,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 0,
    loginPerMinute: opts.loginPerMinute ?? 1000,
    webDist: null,
    ...(opts.otpNow === undefined ? {} : { otpNow: opts.otpNow }),
    ...(opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy }),
    ...(opts.secureCookies === undefined ? {} : { secureCookies: opts.secureCookies }),
    parties,
    instanceKey: opts.instanceKey,
  })
  await app.ready()
  return {
    app,
    store,
    principals,
    as: (key) => {
      const p = principals.get(key)
      if (!p) throw new Error(`no principal ${key}`)
      return p
    },
    close: async () => {
      await app.close()
      await store.close()
    },
  }
}

export function authHeaders(p: TestPrincipal): Record<string, string> {
  return p.token === null ? {} : { authorization: `Bearer ${p.token}` }
}

export async function call(
  t: TestApp,
  who: TestPrincipal,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { ...authHeaders(who), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  })
}

const SPEC_FILE = fileURLToPath(
  new URL('../../data/agreements/rok-us-sma-12.json', import.meta.url),
)

/** A valid agreement spec to propose: the 12th SMA renamed, with a marker in its texts. */
export function proposalSpec(marker: string): AgreementSpec {
  const base = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as AgreementSpec
  return {
    ...base,
    id: 'rok-us-sma-13-draft',
    ordinal: 13,
    description: { en: `Draft ${marker}`, ko: `초안 ${marker}` },
    openQuestions: [marker],
  }
}

/**
 * A proposal for a later term (e.g. 2031–2035): the 12th SMA's shape with one flat amount a
 * year over the new term (integer won), a marker in its texts. Test data, not a real figure.
 */
export function termSpec(
  marker: string,
  firstYear: number,
  lastYear: number,
  amount: string,
): AgreementSpec {
  const base = proposalSpec(marker)
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i)
  return {
    ...base,
    id: `proposal-${firstYear}-${lastYear}`,
    ordinal: 14,
    term: { ...base.term, firstYear, lastYear },
    rules: [{ id: 'flat', kind: 'flat', cite: [], years, amount }] as AgreementSpec['rules'],
    published: [],
  }
}

/**
 * A proposal of one package of the analysis fixture's levers: the 12th SMA with these values
 * (as the package space prices it), a marker in its description.
 */
export function packageSpec(
  values: { firstYearIncreasePct: string; capPct: string; termYears: string; series: string },
  marker = '',
): AgreementSpec {
  const base = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as AgreementSpec
  const spec = smaPackageSpec(
    base,
    ['firstYearIncreasePct', 'capPct', 'termYears', 'series'],
    [values.firstYearIncreasePct, values.capPct, values.termYears, values.series],
  )
  return { ...spec, description: { en: `Package ${marker}`, ko: `패키지 ${marker}` } }
}

export function positionBody(
  marker: string,
  extra: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    title: `Position ${marker}`,
    reservationValue: '1600000000000',
    target: '1550000000000',
    priorities: [`priority ${marker}`],
    estimateOfOther: {
      reservationValue: '1500000000000',
      target: null,
      notes: `estimate ${marker}`,
    },
    notes: `notes ${marker}`,
    ...extra,
  }
}

const SMA_SETUP_FILE = fileURLToPath(
  new URL('../../fixtures/sma-analysis/sma12-kr-view.json', import.meta.url),
)

/** fixtures/sma-analysis/sma12-kr-view.json (48 packages) with the given viewpoint. */
export function analysisSetup(
  viewpoint: 'KR' | 'US' | 'neutral' = 'KR',
  extra: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
  const setup = JSON.parse(readFileSync(SMA_SETUP_FILE, 'utf8')) as Record<string, unknown>
  return { ...setup, viewpoint, ...extra }
}

/**
 * A test app for the enclosing `describe`: built before its tests, closed after them. The value
 * returned stands for the app (its fields are read when a test runs).
 */
export function testApp(open: () => Promise<DatabaseHandle>, opts: TestAppOptions = {}): TestApp {
  let built: TestApp | undefined
  beforeAll(async () => {
    built = await buildTestApp(open, opts)
  })
  afterAll(async () => {
    await built?.close()
  })
  return new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (built === undefined) throw new Error('the test app is built in beforeAll')
      return built[key as keyof TestApp]
    },
  })
}
