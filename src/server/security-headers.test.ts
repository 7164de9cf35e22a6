import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../db/open.js'
import { seedIfEmpty } from '../services/seed.js'
import { buildApp, type App } from './app.js'
import { apiSecurityHeaders, securityHeaders } from './security-headers.js'

describe('security headers', () => {
  it('are helmet’s for documents, with the app’s Content Security Policy, HSTS only over HTTPS', () => {
    const http = securityHeaders(false)
    expect(http['content-security-policy']).toContain("default-src 'self'")
    expect(http['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(http['content-security-policy']).not.toContain('upgrade-insecure-requests')
    expect(http['x-content-type-options']).toBe('nosniff')
    expect(http['x-frame-options']).toBe('SAMEORIGIN')
    expect(http['strict-transport-security']).toBeUndefined()
    const https = securityHeaders(true)
    expect(https['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(https['content-security-policy']).toContain('upgrade-insecure-requests')
  })

  it('are the short REST set for API answers: nothing loads, nothing frames, no sniffing', () => {
    const http = apiSecurityHeaders(false)
    expect(http).toEqual({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    })
    expect(apiSecurityHeaders(true)['strict-transport-security']).toBe(
      securityHeaders(true)['strict-transport-security'],
    )
  })
})

describe('security headers on the wire', () => {
  let store: DatabaseHandle
  let app: App
  let web = ''
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'sma-headers-'))
    mkdirSync(join(web, 'assets'))
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>SMA Desk</title>')
    store = openDatabase(':memory:')
    await migrateToLatest(store.db, 'sqlite')
    await seedIfEmpty(store)
    app = await buildApp({ store, rateLimitPerMinute: 0, webDist: web, secureCookies: true })
  })
  afterAll(async () => {
    await app.close()
    await store.close()
    rmSync(web, { recursive: true, force: true })
  })

  it('API answers, problems included, carry the API set and HSTS over HTTPS', async () => {
    for (const url of ['/api/health', '/api/agreements/rok-us-sma-12/schedule', '/api/nope']) {
      const res = await app.inject({ url })
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      )
      expect(res.headers['x-frame-options'], url).toBe('DENY')
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/)
      expect(res.headers['x-dns-prefetch-control'], url).toBeUndefined()
    }
  })

  it('the web app and the API docs page carry the document set', async () => {
    for (const url of ['/', '/negotiations', '/api/docs']) {
      const res = await app.inject({ url })
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'")
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN')
    }
  })
})
