import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { DEMO_TOTP_SECRET } from './main.js'
import { installKnownTotp } from '../services/accounts/mfa.js'
import { totpAt } from '../services/accounts/totp.js'
import { createUser } from '../services/users.js'
import { buildTestApp, call, testApp, TEST_NOW, type TestApp } from './test-support.js'

/**
 * Issue 14, finding 9: passwords checked against common and breached ones, TOTP for
 * administrators (enrollment, codes used once, recovery codes), one's sessions listed and ended,
 * sessions ended on a password change, Secure cookies and the client address behind a proxy.
 */
/** The clock TOTP codes are checked against in these tests (the app's own is TEST_NOW). */
let otpTime = new Date('2026-11-28T09:00:10Z')
const otpNow = (): Date => otpTime
const PASSWORD = 'a quiet harbour of brass lanterns'

type Res = Awaited<ReturnType<TestApp['app']['inject']>>
const cookieOf = (r: Res): string => String(r.headers['set-cookie']).split(';')[0] ?? ''

async function login(t: TestApp, email: string, password: string, ua = 'test-agent'): Promise<Res> {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': ua },
    payload: { email, password },
  })
}
async function code(t: TestApp, ticket: string, c: string, ua = 'test-agent'): Promise<Res> {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login/mfa',
    headers: { 'user-agent': ua },
    payload: { ticket, code: c },
  })
}
/** A cookie-session request (with its CSRF token on writes). */
async function asSession(
  t: TestApp,
  s: { cookie: string; csrf: string },
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
): Promise<Res> {
  return t.app.inject({
    method,
    url,
    headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
    ...(payload === undefined ? {} : { payload }),
  })
}

describe.each(testDialects())('accounts on $name', (dialect) => {
  const t = testApp(() => dialect.open(), { otpNow })

  async function newUser(email: string, role: 'viewer' | 'admin' = 'viewer'): Promise<string> {
    const u = await createUser(
      t.store,
      { email, name: email, party: 'KR', role, password: PASSWORD },
      { now: () => TEST_NOW },
    )
    return u.id
  }
  async function sessionOf(email: string, ua = 'test-agent') {
    const r = await login(t, email, PASSWORD, ua)
    expect(r.statusCode).toBe(200)
    return { cookie: cookieOf(r), csrf: r.json<{ csrfToken: string }>().csrfToken }
  }

  it('refuses a PUBLIC administrator before storing anything, in both languages', async () => {
    const attempt = createUser(
      t.store,
      { email: 'pa@test.sma', name: 'pa', party: 'PUBLIC', role: 'admin', password: PASSWORD },
      { now: () => TEST_NOW },
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/PUBLIC account can only be a viewer/) as unknown,
      extra: { ko: expect.stringMatching(/viewer 역할만/) as unknown },
    })
    const row = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'pa@test.sma')
      .executeTakeFirst()
    expect(row).toBeUndefined()
  })

  it('refuses a weak password on change with the reason in both languages, then accepts a strong one', async () => {
    await newUser('pw@test.sma')
    const s = await sessionOf('pw@test.sma')
    const weak = await asSession(t, s, 'POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'aaaaaaaaaaaa',
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.headers['content-type']).toContain('application/problem+json')
    expect(weak.json<{ detail: string }>().detail).toContain('Repeated characters')
    expect(weak.json<{ detailKo: string }>().detailKo).toContain('반복')
    const wrong = await asSession(t, s, 'POST', '/api/account/password', {
      currentPassword: 'not the password at all',
      newPassword: 'another calm river of copper bells',
    })
    expect(wrong.statusCode).toBe(400)
    expect((await login(t, 'pw@test.sma', PASSWORD)).statusCode).toBe(200)
  })

  it('ends every other session on a password change, keeps the one that made it', async () => {
    await newUser('chg@test.sma')
    const a = await sessionOf('chg@test.sma', 'browser A')
    const b = await sessionOf('chg@test.sma', 'browser B')
    const r = await asSession(t, a, 'POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'another calm river of copper bells',
    })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ endedSessions: 1 })
    expect((await asSession(t, b, 'GET', '/api/auth/me')).statusCode).toBe(401)
    expect((await asSession(t, a, 'GET', '/api/auth/me')).statusCode).toBe(200)
    expect((await login(t, 'chg@test.sma', PASSWORD)).statusCode).toBe(401)
  })

  it('lists one’s own sessions and ends one, or all (logout everywhere)', async () => {
    await newUser('sess@test.sma')
    await newUser('other@test.sma')
    const a = await sessionOf('sess@test.sma', 'browser A')
    const b = await sessionOf('sess@test.sma', 'browser B')
    const c = await sessionOf('sess@test.sma', 'browser C')
    const other = await sessionOf('other@test.sma', 'other browser')
    const list = await asSession(t, a, 'GET', '/api/account/sessions')
    expect(list.statusCode).toBe(200)
    const sessions = list.json<{
      sessions: { id: string; userAgent: string; current: boolean; address: string }[]
    }>().sessions
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['browser A', 'browser B', 'browser C'])
    expect(sessions.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['browser A'])
    expect(sessions[0]?.address).toBe('127.0.0.1')
    expect(JSON.stringify(sessions)).not.toContain(b.cookie.split('=')[1] ?? '?')
    // another user's session cannot be ended by its id
    const otherId = (await asSession(t, other, 'GET', '/api/account/sessions')).json<{
      sessions: { id: string }[]
    }>().sessions[0]?.id
    expect(
      (await asSession(t, a, 'DELETE', `/api/account/sessions/${otherId ?? 'x'}`)).statusCode,
    ).toBe(404)
    expect((await asSession(t, other, 'GET', '/api/auth/me')).statusCode).toBe(200)
    const bId = sessions.find((s) => s.userAgent === 'browser B')?.id ?? ''
    expect((await asSession(t, a, 'DELETE', `/api/account/sessions/${bId}`)).statusCode).toBe(204)
    expect((await asSession(t, b, 'GET', '/api/auth/me')).statusCode).toBe(401)
    expect((await asSession(t, c, 'GET', '/api/auth/me')).statusCode).toBe(200)
    const all = await asSession(t, a, 'POST', '/api/auth/logout-all')
    expect(all.statusCode).toBe(204)
    expect(String(all.headers['set-cookie'])).toMatch(/sma_session=;/)
    expect((await asSession(t, a, 'GET', '/api/auth/me')).statusCode).toBe(401)
    expect((await asSession(t, c, 'GET', '/api/auth/me')).statusCode).toBe(401)
    expect((await asSession(t, other, 'GET', '/api/auth/me')).statusCode).toBe(200)
  })

  it('makes an administrator enroll TOTP at the first login, then asks for a code each time', async () => {
    otpTime = new Date('2026-11-28T09:00:10Z')
    await newUser('adm@test.sma', 'admin')
    const first = await login(t, 'adm@test.sma', PASSWORD)
    expect(first.statusCode).toBe(200)
    expect(first.headers['set-cookie']).toBeUndefined()
    const step = first.json<{
      mfa: string
      ticket: string
      enrollment: { secret: string; uri: string }
    }>()
    expect(step.mfa).toBe('enroll')
    expect(step.enrollment.uri).toContain(`secret=${step.enrollment.secret}`)
    expect((await code(t, step.ticket, '000000')).statusCode).toBe(401)
    const ok = await code(t, step.ticket, totpAt(step.enrollment.secret, otpTime))
    expect(ok.statusCode).toBe(200)
    const recovery = ok.json<{ recoveryCodes: string[] }>().recoveryCodes
    expect(recovery).toHaveLength(10)
    expect(new Set(recovery).size).toBe(10)
    const s = { cookie: cookieOf(ok), csrf: ok.json<{ csrfToken: string }>().csrfToken }
    const status = await asSession(t, s, 'GET', '/api/account/mfa')
    expect(status.json()).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 })
    // the secret is never shown again, and the ticket is spent
    expect(JSON.stringify(status.json())).not.toContain(step.enrollment.secret)
    expect((await asSession(t, s, 'POST', '/api/account/mfa/enroll')).statusCode).toBe(409)
    expect((await code(t, step.ticket, totpAt(step.enrollment.secret, otpTime))).statusCode).toBe(
      401,
    )
    // next login: a code; the code just used is refused (no reuse in its window), the next one works
    const second = await login(t, 'adm@test.sma', PASSWORD)
    const ticket = second.json<{ mfa: string; ticket: string; enrollment: null }>()
    expect(ticket.mfa).toBe('code')
    expect(ticket.enrollment).toBeNull()
    expect((await code(t, ticket.ticket, totpAt(step.enrollment.secret, otpTime))).statusCode).toBe(
      401,
    )
    otpTime = new Date(otpTime.getTime() + 30_000)
    expect((await code(t, ticket.ticket, totpAt(step.enrollment.secret, otpTime))).statusCode).toBe(
      200,
    )
    // a recovery code works once
    const third = (await login(t, 'adm@test.sma', PASSWORD)).json<{ ticket: string }>().ticket
    expect((await code(t, third, recovery[0]?.toLowerCase() ?? '')).statusCode).toBe(200)
    const fourth = (await login(t, 'adm@test.sma', PASSWORD)).json<{ ticket: string }>().ticket
    expect((await code(t, fourth, recovery[0] ?? '')).statusCode).toBe(401)
    // administrators may not turn it off
    otpTime = new Date(otpTime.getTime() + 30_000)
    const off = await asSession(t, s, 'POST', '/api/account/mfa/disable', {
      code: totpAt(step.enrollment.secret, otpTime),
    })
    expect(off.statusCode).toBe(403)

    // Sign-ins and two-step login are the party's own business (decision 0010): KR's admin sees
    // them in KR's own chain, the US's admin sees none of them.
    type Entries = { entries: { action: string; object: string; chain: string }[] }
    const account = (e: { action: string }) => /^(session|mfa)\./.test(e.action)
    const mine = (await call(t, t.as('KR-admin'), 'GET', '/api/audit?limit=1000'))
      .json<Entries>()
      .entries.filter(account)
    expect(mine.length).toBeGreaterThan(4)
    expect(mine.every((e) => e.chain === 'own')).toBe(true)
    const theirs = (await call(t, t.as('US-admin'), 'GET', '/api/audit?limit=1000'))
      .json<Entries>()
      .entries.filter((e) => account(e) && e.object === mine[0]?.object)
    expect(theirs).toEqual([])
  })

  it('allows a ticket five tries only', async () => {
    const id = await newUser('tries@test.sma', 'admin')
    await installKnownTotp(t.store, id, DEMO_TOTP_SECRET, () => TEST_NOW)
    const ticket = (await login(t, 'tries@test.sma', PASSWORD)).json<{ ticket: string }>().ticket
    for (let i = 0; i < 5; i++) expect((await code(t, ticket, '000000')).statusCode).toBe(401)
    expect((await code(t, ticket, totpAt(DEMO_TOTP_SECRET, otpTime))).statusCode).toBe(401)
  })

  it('lets any user turn on two-step login, and off again with a code', async () => {
    otpTime = new Date('2026-11-28T10:00:00Z')
    await newUser('opt@test.sma')
    const s = await sessionOf('opt@test.sma')
    expect((await asSession(t, s, 'GET', '/api/account/mfa')).json()).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    })
    const e = (await asSession(t, s, 'POST', '/api/account/mfa/enroll')).json<{ secret: string }>()
    const confirmed = await asSession(t, s, 'POST', '/api/account/mfa/confirm', {
      code: totpAt(e.secret, otpTime),
    })
    expect(confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10)
    const next = await login(t, 'opt@test.sma', PASSWORD)
    expect(next.json<{ mfa: string }>().mfa).toBe('code')
    otpTime = new Date(otpTime.getTime() + 30_000)
    const fresh = await asSession(t, s, 'POST', '/api/account/mfa/recovery-codes', {
      code: totpAt(e.secret, otpTime),
    })
    expect(fresh.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10)
    otpTime = new Date(otpTime.getTime() + 30_000)
    const off = await asSession(t, s, 'POST', '/api/account/mfa/disable', {
      code: totpAt(e.secret, otpTime),
    })
    expect(off.statusCode).toBe(204)
    expect(
      (await login(t, 'opt@test.sma', PASSWORD)).json<{ csrfToken: string }>().csrfToken,
    ).toBeTruthy()
  })
})

describe('cookies and the client address', () => {
  const build = (opts: Parameters<typeof buildTestApp>[1]) =>
    buildTestApp(async () => {
      const [sqlite] = testDialects()
      if (!sqlite) throw new Error('no dialect')
      return sqlite.open()
    }, opts)

  it('sets Secure unless the server plainly serves http on loopback', async () => {
    const { secureCookiesFor } = await import('./session-cookie.js')
    expect(secureCookiesFor('127.0.0.1', false)).toBe(false)
    expect(secureCookiesFor('localhost', false)).toBe(false)
    expect(secureCookiesFor('::1', false)).toBe(false)
    expect(secureCookiesFor('0.0.0.0', false)).toBe(true)
    expect(secureCookiesFor('10.1.2.3', false)).toBe(true)
    expect(secureCookiesFor('127.0.0.1', ['127.0.0.1'])).toBe(true)
    for (const secure of [true, false]) {
      const t = await build({ secureCookies: secure })
      const p = t.as('KR-viewer')
      const r = await login(t, p.email ?? '', p.password ?? '')
      expect(/;\s*Secure/i.test(String(r.headers['set-cookie']))).toBe(secure)
      await t.close()
    }
  })

  it('keys login limits and records sessions by the client behind a trusted proxy', async () => {
    const t = await build({ trustProxy: ['127.0.0.1'], loginPerMinute: 2 })
    const p = t.as('KR-viewer')
    const from = (ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': ip },
        payload: { email: p.email, password: p.password },
      })
    expect([
      (await from('203.0.113.7')).statusCode,
      (await from('203.0.113.7')).statusCode,
    ]).toEqual([200, 200])
    expect((await from('203.0.113.7')).statusCode).toBe(429)
    // a second client behind the same proxy has its own key
    const other = await from('203.0.113.8')
    expect(other.statusCode).toBe(200)
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/account/sessions',
      headers: { cookie: cookieOf(other) },
    })
    const addresses = list
      .json<{ sessions: { address: string }[] }>()
      .sessions.map((s) => s.address)
    expect(addresses.sort()).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.8'])
    await t.close()
  })
})

describe('request logs behind a trusted proxy', () => {
  it('name the client address, not the proxy’s', async () => {
    const { openDatabase } = await import('../db/open.js')
    const { migrateToLatest } = await import('../db/migrate.js')
    const { buildApp } = await import('./app.js')
    const store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    const lines: string[] = []
    const app = await buildApp({
      store,
      logger: { level: 'info' },
      logStream: { write: (l: string) => lines.push(l) },
      requestLog: 'all',
      trustProxy: ['127.0.0.1'],
      webDist: null,
    })
    await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-for': '198.51.100.4' },
    })
    await app.close()
    await store.close()
    const incoming = lines.find((l) => l.includes('incoming request')) ?? ''
    expect(JSON.parse(incoming)).toMatchObject({ req: { remoteAddress: '198.51.100.4' } })
  })
})
