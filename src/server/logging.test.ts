import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { seedIfEmpty } from '../services/seed.js'
import { createApiToken, createUser } from '../services/users.js'
import { buildApp, type App } from './app.js'

describe('request logs', () => {
  const lines: string[] = []
  let store: DatabaseHandle
  let app: App
  let token = ''
  beforeAll(async () => {
    store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
    const u = await createUser(store, {
      email: 'log@test.sma',
      name: 'log',
      party: 'KR',
      // not an administrator: those log in with a second step (src/server/accounts.db.test.ts)
      role: 'negotiator',
      password: 'log-test-password',
    })
    token = (await createApiToken(store, u.id, 'log')).token
    app = await buildApp({
      store,
      logger: { level: 'info' },
      logStream: { write: (line: string) => lines.push(line) },
      rateLimitPerMinute: 0,
      webDist: null,
    })
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  it('redacts authorization and cookies, never logs passwords or session tokens', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    })
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'log@test.sma', password: 'log-test-password' },
    })
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? ''
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })
    // Fastify's request serializer logs no headers at all, and the pino redact paths cover
    // authorization and cookie should a line ever carry them.
    app.log.info({ req: { headers: { authorization: `Bearer ${token}`, cookie } } }, 'probe')
    const text = lines.join('')
    expect(lines.length).toBeGreaterThan(3)
    expect(text).toContain('"msg":"probe"')
    expect(text).not.toContain(token)
    expect(text).not.toContain(cookie.split('=')[1] ?? 'x')
    expect(text).not.toContain('log-test-password')
    expect(text).toContain('"msg":"login"')
  })

  it('tags every response with its request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/agreements/rok-us-sma-12' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
