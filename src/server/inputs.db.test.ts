import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { call, OPEN_NEGOTIATION, positionBody, testApp, type TestApp } from './test-support.js'

/**
 * Issue 14, findings 4–6 and 8: text with control characters, Origin parsing, errors of the
 * HTTP layer, implausible index values, non-web source URLs and If-Match per RFC 9110.
 */
const N = `/api/negotiations/${OPEN_NEGOTIATION}`
const NUL = '\u0000'
const isProblem = (r: { headers: Record<string, unknown> }): void => {
  expect(String(r.headers['content-type'])).toContain('application/problem+json')
}

/** Sends raw bytes to a listening app and returns the whole answer. */
async function raw(t: TestApp, request: string): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = t.app.server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write(request)
    })
    let out = ''
    s.on('data', (d) => {
      out += d.toString()
    })
    s.on('end', () => {
      resolve(out)
    })
    s.on('error', reject)
  })
}

describe.each(testDialects())('input hygiene on $name', (dialect) => {
  const t = testApp(() => dialect.open())

  it('refuses NUL and other control characters with 400 problem+json, keeps tabs and lines', async () => {
    const kr = t.as('KR-negotiator')
    const cases: [string, string, unknown][] = [
      ['/api/auth/login', 'POST', { email: `kr${NUL}@test.sma`, password: 'x' }],
      ['/api/tokens', 'POST', { name: `tok${NUL}en` }],
      [`${N}/positions`, 'POST', positionBody(`a${NUL}b`)],
      [
        `${N}/events`,
        'POST',
        { kind: 'note', date: '2027-01-01', party: null, note: `x\u0007`, visibility: 'shared' },
      ],
      [
        '/api/negotiations',
        'POST',
        {
          id: 'nul-test',
          title: { en: `t${NUL}`, ko: 't' },
          replaces: null,
          visibility: 'private',
          deadlines: [],
        },
      ],
    ]
    for (const [url, method, body] of cases) {
      const r = await call(
        t,
        url === '/api/auth/login' ? t.as('anonymous') : kr,
        method as 'POST',
        url,
        body,
      )
      expect(r.statusCode, url).toBe(400)
      isProblem(r)
      expect(r.json<{ detailKo: string }>().detailKo).toContain('제어 문자')
    }
    const q = await call(t, t.as('anonymous'), 'GET', `/api/agreements?asOf=2026%00`)
    expect(q.statusCode).toBe(400)
    const ok = await call(t, kr, 'POST', `${N}/events`, {
      kind: 'note',
      date: '2027-01-01',
      party: null,
      note: 'line one\n\tline two\r\n',
      visibility: 'shared',
    })
    expect(ok.statusCode).toBe(201)
  })

  it('never fails on a null or malformed Origin (403, not 500)', async () => {
    const kr = t.as('KR-analyst')
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: kr.email, password: kr.password },
    })
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? ''
    const csrf = login.json<{ csrfToken: string }>().csrfToken
    for (const origin of ['null', 'http://[bad', '::::', 'http://evil.example']) {
      const r = await t.app.inject({
        method: 'POST',
        url: `${N}/positions`,
        headers: { cookie, origin, 'x-csrf-token': csrf },
        payload: positionBody('origin'),
      })
      expect(r.statusCode, origin).toBe(403)
      isProblem(r)
    }
  })

  it('answers an over-long URL with 414 problem+json', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/agreements?x=${'a'.repeat(9000)}` })
    expect(r.statusCode).toBe(414)
    isProblem(r)
  })

  it('bounds index values: what-ifs and stored releases, with a clear message', async () => {
    const anon = t.as('anonymous')
    const what = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/schedule?index=KR_CPI:2025=-99999',
    )
    expect(what.statusCode).toBe(400)
    isProblem(what)
    expect(what.body).toContain('plausible range')
    const fine = await call(
      t,
      anon,
      'GET',
      '/api/agreements/rok-us-sma-12/schedule?index=KR_CPI:2025=-3.5',
    )
    expect(fine.statusCode).toBe(200)
    const stored = await call(t, t.as('KR-analyst'), 'POST', '/api/indices/KR_CPI/values', {
      period: 2027,
      value: '150',
      vintage: 'typo',
      releasedOn: null,
      sources: ['https://kosis.kr/x'],
    })
    expect(stored.statusCode).toBe(400)
    expect(stored.body).toContain('plausible range')
  })

  it('takes http(s) source URLs only', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const r = await call(t, t.as('KR-analyst'), 'POST', '/api/indices/KR_CPI/values', {
        period: 2027,
        value: '2.0',
        vintage: 'v',
        releasedOn: null,
        sources: [url],
      })
      expect(r.statusCode, url).toBe(400)
      isProblem(r)
    }
  })

  it('follows RFC 9110 If-Match: *, lists, weak tags refused with 412, malformed 400', async () => {
    const kr = t.as('KR-analyst')
    const created = await call(t, kr, 'POST', `${N}/positions`, positionBody('im'))
    let { id } = created.json<{ position: { id: string } }>().position
    let etag: string
    const put = (ifMatch: string) =>
      call(t, kr, 'PUT', `${N}/positions/${id}`, positionBody('im2'), { 'if-match': ifMatch })
    let r = await put('*')
    expect(r.statusCode).toBe(200)
    etag = r.json<{ position: { etag: string } }>().position.etag
    r = await put(`"stale", "${etag}"`)
    expect(r.statusCode).toBe(200)
    etag = r.json<{ position: { etag: string } }>().position.etag
    r = await put(`W/"${etag}"`)
    expect(r.statusCode).toBe(412)
    isProblem(r)
    expect(r.json<{ currentETag: string }>().currentETag).toBe(etag)
    r = await put(`"a", "b"`)
    expect(r.statusCode).toBe(412)
    for (const bad of ['abc', '"a" "b"', '"a",,', '']) {
      r = await put(bad)
      expect(r.statusCode, bad).toBe(400)
      isProblem(r)
    }
    id = 'no-such-position'
    expect((await put('*')).statusCode).toBe(404)
  })
})

describe('errors of the HTTP parser', () => {
  const t = testApp(() => testDialects()[0]!.open())

  it('answers oversized headers with 431 problem+json', async () => {
    const out = await raw(
      t,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`,
    )
    expect(out).toMatch(/^HTTP\/1.1 431/)
    expect(out).toContain('application/problem+json')
    expect(out).toContain('"status":431')
  })

  it('answers a malformed request with 400 problem+json', async () => {
    const out = await raw(t, 'GARBAGE\r\n\r\n')
    expect(out).toMatch(/^HTTP\/1.1 400/)
    expect(out).toContain('application/problem+json')
  })
})
