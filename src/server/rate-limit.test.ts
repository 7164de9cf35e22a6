import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { seedIfEmpty } from '../services/seed.js'
import { buildApp, type App } from './app.js'
import { clientKey } from './rate-limit.js'

describe('the client a request counts for', () => {
  it('is the IPv4 address, also when written IPv4-mapped, and an IPv6 /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
  })
})

describe('the app-wide limit per client', () => {
  let store: DatabaseHandle
  let app: App
  beforeAll(async () => {
    store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
    app = await buildApp({ store, rateLimitPerMinute: 3, webDist: null })
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  it('counts down in headers, then answers 429 problem+json in both languages with Retry-After', async () => {
    const get = (ip: string) => app.inject({ url: '/api/agreements', remoteAddress: ip })
    const first = await get('198.51.100.1')
    expect(first.statusCode).toBe(200)
    expect(first.headers['x-ratelimit-limit']).toBe('3')
    expect(first.headers['x-ratelimit-remaining']).toBe('2')
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0)
    await get('198.51.100.1')
    await get('198.51.100.1')
    const over = await get('198.51.100.1')
    expect(over.statusCode).toBe(429)
    expect(over.headers['content-type']).toContain('application/problem+json')
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
    const body = over.json<{ status: number; detailKo: string }>()
    expect(body.status).toBe(429)
    expect(body.detailKo).toContain('요청')
    // another client, and the same client's health probes, are not affected
    expect((await get('198.51.100.2')).statusCode).toBe(200)
    expect(
      (await app.inject({ url: '/api/health', remoteAddress: '198.51.100.1' })).statusCode,
    ).toBe(200)
  })
})
