import { describe, expect, it } from 'vitest'
import { securityHeaders } from './security-headers.js'

describe('security headers', () => {
  it('are helmet’s, with the app’s Content Security Policy, HSTS only over HTTPS', () => {
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
})
