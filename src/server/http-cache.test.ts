import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { seedIfEmpty } from '../services/seed.js'
import { buildApp, type App } from './app.js'
import { chooseEncoding } from './http-cache.js'
import { authHeaders, call, testApp } from './test-support.js'

const SCHEDULE = '/api/agreements/rok-us-sma-12/schedule'
const cpiRelease = (value: string) => ({
  period: 2026,
  value,
  vintage: `test ${value}`,
  releasedOn: '2027-01-02',
  sources: ['https://example.org/cpi'],
})

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(chooseEncoding(undefined)).toBeNull()
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('deflate')).toBeNull()
  })
})

describe('cached public reads', () => {
  const t = testApp(async () => {
    const h = openDatabase(':memory:')
    await migrateToLatest(h.db, 'sqlite')
    return h
  })

  it('answers a schedule with a strong ETag, and 304 to a client that holds it', async () => {
    const a = await call(t, t.as('anonymous'), 'GET', SCHEDULE)
    expect(a.statusCode).toBe(200)
    const etag = String(a.headers.etag)
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(a.headers['cache-control']).toBe('no-cache')
    expect(a.headers.vary).toBe('accept-encoding')
    const b = await call(t, t.as('anonymous'), 'GET', SCHEDULE, undefined, {
      'if-none-match': etag,
    })
    expect(b.statusCode).toBe(304)
    expect(b.body).toBe('')
    expect(b.headers.etag).toBe(etag)
    // a weak or list form still matches; another tag does not
    const c = await call(t, t.as('anonymous'), 'GET', SCHEDULE, undefined, {
      'if-none-match': `"other", W/${etag}`,
    })
    expect(c.statusCode).toBe(304)
    const d = await call(t, t.as('anonymous'), 'GET', SCHEDULE, undefined, {
      'if-none-match': '"other"',
    })
    expect(d.statusCode).toBe(200)
    expect(d.json()).toEqual(a.json())
  })

  it('serves the record compressed (br or gzip) with its own ETags, identical once inflated', async () => {
    const plain = await call(t, t.as('anonymous'), 'GET', '/api/record')
    const br = await call(t, t.as('anonymous'), 'GET', '/api/record', undefined, {
      'accept-encoding': 'gzip, br',
    })
    const gz = await call(t, t.as('anonymous'), 'GET', '/api/record', undefined, {
      'accept-encoding': 'gzip',
    })
    expect(br.headers['content-encoding']).toBe('br')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5)
    const tags = [plain, br, gz].map((r) => String(r.headers.etag))
    expect(new Set(tags).size).toBe(3)
    // any of the three revalidates the representation the client would get
    const again = await call(t, t.as('anonymous'), 'GET', '/api/record', undefined, {
      'accept-encoding': 'br',
      'if-none-match': tags[0] ?? '',
    })
    expect(again.statusCode).toBe(304)
    expect(again.headers.etag).toBe(tags[1])
  })

  it('recomputes after the record changes (a new index release), in this or another app', async () => {
    const before = await call(t, t.as('anonymous'), 'GET', SCHEDULE)
    // another app instance on the same database writes the release
    const other = await buildApp({ store: t.store, logger: false, webDist: null })
    const admin = t.as('KR-admin')
    const w = await other.inject({
      method: 'POST',
      url: '/api/indices/KR_CPI/values',
      headers: authHeaders(admin),
      payload: cpiRelease('2.5'),
    })
    expect(w.statusCode).toBe(201)
    await other.close()
    const after = await call(t, t.as('anonymous'), 'GET', SCHEDULE, undefined, {
      'if-none-match': String(before.headers.etag),
    })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    const body = after.json<{ years: { year: number; amount: string | null }[] }>()
    const y2028 = body.years.find((y) => y.year === 2028)
    expect(y2028?.amount).toBe('1589900000000')
  })

  it('keeps answers per scope: a logged-in reader gets a private answer', async () => {
    const r = await call(t, t.as('KR-viewer'), 'GET', '/api/agreements')
    expect(r.statusCode).toBe(200)
    expect(r.headers['cache-control']).toBe('private, no-cache')
    const anon = await call(t, t.as('anonymous'), 'GET', '/api/agreements')
    expect(anon.headers['cache-control']).toBe('no-cache')
  })

  it('still answers errors as problem+json, never cached', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await call(t, t.as('anonymous'), 'GET', '/api/agreements/no-such/schedule')
      expect(r.statusCode).toBe(404)
      expect(r.headers['content-type']).toMatch(/problem\+json/)
      expect(r.headers.etag).toBeUndefined()
    }
  })

  it('compresses other answers over 1 KB on the fly (@fastify/compress)', async () => {
    const r = await call(t, t.as('KR-negotiator'), 'GET', '/api/negotiations', undefined, {
      'accept-encoding': 'gzip',
    })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(r.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(gunzipSync(r.rawPayload).toString())).toHaveProperty('negotiations')
  })
})

describe('rate limits and proxies', () => {
  let store: DatabaseHandle
  const apps: App[] = []
  beforeAll(async () => {
    store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
  })
  afterAll(async () => {
    for (const a of apps) await a.close()
    await store.close()
  })
  const app = async (trustProxy?: boolean | string[]): Promise<App> => {
    const a = await buildApp({
      store,
      logger: false,
      webDist: null,
      rateLimitPerMinute: 2,
      ...(trustProxy === undefined ? {} : { trustProxy }),
    })
    apps.push(a)
    return a
  }
  const statuses = async (a: App, url: string, n: number, forwardedFor?: string) => {
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const r = await a.inject({
        method: 'GET',
        url,
        ...(forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } }),
      })
      out.push(r.statusCode)
    }
    return out
  }

  it('never counts /api/health (monitors poll it)', async () => {
    const a = await app()
    expect(await statuses(a, '/api/health', 5)).toEqual([200, 200, 200, 200, 200])
    expect(await statuses(a, '/api/agreements', 3)).toEqual([200, 200, 429])
  })

  it('counts per client behind a trusted proxy, and ignores X-Forwarded-For otherwise', async () => {
    const behind = await app(['127.0.0.1'])
    expect(await statuses(behind, '/api/agreements', 3, '203.0.113.7')).toEqual([200, 200, 429])
    expect(await statuses(behind, '/api/agreements', 2, '203.0.113.8')).toEqual([200, 200])
    const direct = await app()
    expect(await statuses(direct, '/api/agreements', 2, '203.0.113.9')).toEqual([200, 200])
    expect(await statuses(direct, '/api/agreements', 1, '203.0.113.10')).toEqual([429])
  })
})

describe('server settings for logging and proxies', () => {
  it('reads SMA_LOG_LEVEL (LOG_LEVEL as the older name), SMA_LOG_SLOW_MS and SMA_TRUST_PROXY', () => {
    expect(loadConfig({}).logLevel).toBe('info')
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn')
    expect(loadConfig({ LOG_LEVEL: 'warn', SMA_LOG_LEVEL: 'debug' }).logLevel).toBe('debug')
    expect(loadConfig({}).slowRequestMs).toBe(1000)
    expect(loadConfig({ SMA_LOG_SLOW_MS: '250' }).slowRequestMs).toBe(250)
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ SMA_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ SMA_TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(loadConfig({ SMA_TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ SMA_TRUST_PROXY: '10.0.0.0/8, loopback, ::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
    ])
    expect(() => loadConfig({ SMA_TRUST_PROXY: 'proxy.example' })).toThrow(/SMA_TRUST_PROXY/)
    expect(() => loadConfig({ SMA_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/SMA_TRUST_PROXY/)
    expect(() => loadConfig({ SMA_LOG_LEVEL: 'loud' })).toThrow(/SMA_LOG_LEVEL/)
  })
})

describe('request logs at info', () => {
  it('write nothing for requests that went well and fast, a line for slow ones', async () => {
    const store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
    const quiet: string[] = []
    const a = await buildApp({
      store,
      logger: { level: 'info' },
      logStream: { write: (l: string) => quiet.push(l) },
      requestLog: 'errors-and-slow',
      webDist: null,
    })
    await a.inject({ method: 'GET', url: SCHEDULE })
    await a.inject({ method: 'GET', url: '/api/agreements/no-such' })
    expect(quiet.filter((l) => l.includes('"reqId"'))).toEqual([])
    await a.close()
    const slow: string[] = []
    const b = await buildApp({
      store,
      logger: { level: 'info' },
      logStream: { write: (l: string) => slow.push(l) },
      requestLog: 'errors-and-slow',
      slowRequestMs: 0,
      webDist: null,
    })
    const answered = await b.inject({ method: 'GET', url: SCHEDULE })
    const line = slow.find((l) => l.includes('slow request'))
    expect(line).toBeDefined()
    // The request's logger is made only for this line (src/server/request-log.ts), with its id.
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      level: 40,
      reqId: answered.headers['x-request-id'],
      res: { statusCode: 200 },
    })
    await b.close()
    await store.close()
  })
})

describe('the web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sma-web-'))
  let store: DatabaseHandle
  let a: App
  const js = `console.log(${JSON.stringify('x'.repeat(3000))})`
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>SMA Desk</title>')
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), js)
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(js))
    store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    a = await buildApp({ store, logger: false, webDist: dist })
  })
  afterAll(async () => {
    await a.close()
    await store.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('serves hashed assets immutable and precompressed, index.html revalidated', async () => {
    const asset = await a.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'br' },
    })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe(js)
    const page = await a.inject({ method: 'GET', url: '/negotiations/some-id' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['cache-control']).toBe('no-cache')
    const again = await a.inject({
      method: 'GET',
      url: '/',
      headers: { 'if-none-match': String(page.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })
})
