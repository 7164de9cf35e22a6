import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AuditResponse, AuditVerification } from '../contracts/audit.js'
import { payloadDigest } from '../domain/audit/chain.js'
import { testDialects } from '../db/test-harness.js'
import { checkpointFileName, createCheckpoint } from '../services/audit-checkpoint.js'
import { generateInstanceKeyPem, instanceKeyFromPem } from '../services/signing/instance-key.js'
import { buildApp } from './app.js'
import { call, OPEN_NEGOTIATION, TEST_NOW, testApp } from './test-support.js'

/**
 * Issue 14, finding 2 over HTTP: a US admin saw KR staff emails with their login and token
 * times, and unsalted digests that confirmed a guessed token name. Finding 10 (audit half): the
 * log could not be filtered, paged or checked from the app.
 */
describe.each(testDialects())('the audit API on $name', (dialect) => {
  const t = testApp(() => dialect.open())
  const dir = mkdtempSync(join(tmpdir(), 'sma-cp-'))
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })
  const audit = async (who: string, query = '&limit=1000'): Promise<AuditResponse> =>
    (await call(t, t.as(who), 'GET', `/api/audit?${query.slice(1)}`)).json<AuditResponse>()

  it('keeps KR sign-ins and tokens out of the US view; KR staff appear as party and role', async () => {
    const kr = t.as('KR-negotiator')
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: kr.email, password: kr.password },
    })
    expect(login.statusCode).toBe(200)
    const token = await call(t, kr, 'POST', '/api/tokens', { name: 'kr-secret-bot' })
    expect(token.statusCode).toBe(201)
    const ev = await call(t, kr, 'POST', `/api/negotiations/${OPEN_NEGOTIATION}/events`, {
      kind: 'note',
      date: '2026-11-20',
      party: 'KR',
      note: 'shared note',
      visibility: 'shared',
    })
    expect(ev.statusCode).toBe(201)
    const us = await audit('US-admin')
    const text = JSON.stringify(us)
    expect(text).not.toMatch(/kr-[a-z]+@test\.sma/)
    expect(us.entries.some((e) => e.party === 'KR' && /^(session|token)\./.test(e.action))).toBe(
      false,
    )
    const note = us.entries.find((e) => e.action === 'event.note' && e.party === 'KR')
    expect(note).toMatchObject({ actor: null, role: 'negotiator', payloadDigest: null, salt: null })
    // KR itself sees its token and can check the digest from the payload it knows
    const own = (await audit('KR-admin')).entries.find(
      (e) => e.action === 'token.create' && e.chain === 'own' && e.actor === kr.email,
    )
    expect(own?.payloadDigest).toBe(
      payloadDigest(own?.salt ?? '', {
        userId: await userId(kr.email ?? ''),
        name: 'kr-secret-bot',
      }),
    )
  })

  async function userId(email: string): Promise<string> {
    const u = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    return u.id
  }

  it('filters by actor, action, object and date, and pages with a total', async () => {
    const all = await audit('KR-admin')
    expect(all.total).toBe(all.entries.length)
    const paged = await audit('KR-admin', '&limit=3&offset=2')
    expect(paged.entries.map((e) => e.hash)).toEqual(all.entries.slice(2, 5).map((e) => e.hash))
    const mine = await audit(
      'KR-admin',
      `&actor=${encodeURIComponent(t.as('KR-negotiator').email ?? '')}`,
    )
    expect(mine.total).toBeGreaterThan(0)
    expect(mine.entries.every((e) => e.actor === t.as('KR-negotiator').email)).toBe(true)
    // the US cannot find (or count) KR staff by email
    expect(
      (await audit('US-admin', `&actor=${encodeURIComponent(t.as('KR-negotiator').email ?? '')}`))
        .total,
    ).toBe(0)
    const tokens = await audit('KR-admin', '&action=token.')
    expect(tokens.entries.every((e) => e.action.startsWith('token.'))).toBe(true)
    const events = await audit('KR-admin', '&object=event:')
    expect(events.entries.length).toBeGreaterThan(0)
    expect(events.entries.every((e) => e.object.startsWith('event:'))).toBe(true)
    const day = TEST_NOW.toISOString().slice(0, 10)
    expect((await audit('KR-admin', `&from=${day}&to=${day}`)).total).toBe(all.total)
    expect((await audit('KR-admin', '&to=2020-01-01')).total).toBe(0)
    const bad = await call(t, t.as('KR-admin'), 'GET', '/api/audit?from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
  })

  it('verifies the chains a party sees, against the newest signed checkpoint', async () => {
    const key = instanceKeyFromPem(generateInstanceKeyPem())
    const app = await buildApp({
      store: t.store,
      now: () => TEST_NOW,
      logger: false,
      rateLimitPerMinute: 0,
      webDist: null,
      auditCheckpoints: { dir, trusted: new Set([key.fingerprint]) },
    })
    try {
      const verify = async (who: string): Promise<AuditVerification> =>
        (
          await app.inject({
            method: 'GET',
            url: '/api/audit/verification',
            headers: { authorization: `Bearer ${t.as(who).token ?? ''}` },
          })
        ).json<AuditVerification>()
      const none = await verify('KR-admin')
      expect(none).toMatchObject({ ok: true, checkpoint: null })
      expect(none.chains.map((c) => c.chain)).toEqual(['own', 'shared'])
      const doc = await createCheckpoint(t.store.db, key, TEST_NOW)
      writeFileSync(join(dir, checkpointFileName(doc.signedAt)), JSON.stringify(doc))
      expect(await verify('US-admin')).toMatchObject({
        ok: true,
        checkpoint: { fingerprint: key.fingerprint },
      })
      // KR's last private entry is deleted: KR's admin is told which; the US's sees nothing of it
      const last = await t.store.db
        .selectFrom('audit_log')
        .select(['seq', 'chain_seq'])
        .where('chain', '=', 'KR')
        .orderBy('chain_seq', 'desc')
        .executeTakeFirstOrThrow()
      await t.store.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute()
      const kr = await verify('KR-admin')
      expect(kr.ok).toBe(false)
      expect(kr.chains.find((c) => c.chain === 'own')).toMatchObject({
        ok: false,
        seq: last.chain_seq,
        reason: 'missing since the checkpoint',
      })
      const us = await verify('US-admin')
      expect(us.ok).toBe(true)
      expect(JSON.stringify(us)).not.toContain('missing')
    } finally {
      await app.close()
    }
  })
})
