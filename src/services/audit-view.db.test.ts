import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../domain/audit/sha256.js'
import { testDialects } from '../db/test-harness.js'
import type { DatabaseHandle } from '../db/open.js'
import type { AuditQuery } from '../contracts/audit.js'
import { withTransaction, verifyAuditChain, type Actor } from './audit.js'
import { listAuditView } from './audit-view.js'

/**
 * Issue 14, finding 2: a US admin saw gaps in the sequence numbers where KR wrote privately
 * (25→37), dated by their neighbours, and the hashes of the hidden entries. Now a US admin's
 * view after 100 KR private writes is identical — count, numbers, times, hashes — to the view
 * after none.
 */
const KR: Actor = { id: 'k', label: 'kr.negotiator@test', party: 'KR' }
const KR_ADMIN: Actor = { id: 'ka', label: 'kr.admin@test', party: 'KR' }
const US: Actor = { id: 'u', label: 'us.negotiator@test', party: 'US' }
const T0 = Date.parse('2026-12-01T09:00:00Z')
const US_SCOPE = { kind: 'delegation', party: 'US' } as const
const KR_SCOPE = { kind: 'delegation', party: 'KR' } as const
// Deterministic salts, so the two logs can be compared hash for hash.
const salt = (chain: string, seq: number): string =>
  sha256Hex(`${chain}:${String(seq)}`).slice(0, 32)

async function scenario(h: DatabaseHandle, krPrivateWrites: number): Promise<void> {
  const write = (actor: Actor, minute: number, object: string, visibility: 'private' | 'shared') =>
    withTransaction(
      { store: h, actor, now: () => new Date(T0 + minute * 60_000), salt },
      (_trx, audit) => {
        audit({ action: 'position.update', object, visibility, payload: { object } })
        return Promise.resolve()
      },
    )
  const perStep = krPrivateWrites / 10
  for (let step = 0; step < 10; step++) {
    await write(US, step, `proposal:us-${String(step)}`, 'shared')
    for (let k = 0; k < perStep; k++)
      await write(
        k % 2 ? KR : KR_ADMIN,
        step,
        `position:kr-${String(step)}-${String(k)}`,
        'private',
      )
    await write(KR, step, `proposal:kr-${String(step)}`, 'shared')
    await write(US, step, `position:us-${String(step)}`, 'private')
  }
}

describe.each(testDialects())('the audit view of another party on $name', (dialect) => {
  let busy: DatabaseHandle
  let idle: DatabaseHandle
  beforeAll(async () => {
    busy = await dialect.open()
    idle = await dialect.open()
    await scenario(busy, 100)
    await scenario(idle, 0)
  })
  afterAll(async () => {
    await busy.close()
    await idle.close()
  })

  const queries: AuditQuery[] = [
    { limit: 1000, offset: 0 },
    { limit: 7, offset: 7 },
    { limit: 50, offset: 0, chain: 'shared' },
    { limit: 50, offset: 0, action: 'position.' },
    { limit: 50, offset: 0, object: 'proposal:kr-' },
    { limit: 50, offset: 0, from: '2026-12-01', to: '2026-12-01' },
    { limit: 50, offset: 0, actor: 'kr.negotiator@test' },
  ]

  it.each(queries)('shows a US admin the same after 100 KR private writes: %o', async (q) => {
    const a = await listAuditView(busy.db, US_SCOPE, q)
    const b = await listAuditView(idle.db, US_SCOPE, q)
    expect(a).toEqual(b)
  })

  it('shows the shared chain without gaps, and KR its own 100 private entries (the control)', async () => {
    const us = await listAuditView(busy.db, US_SCOPE, { limit: 1000, offset: 0, chain: 'shared' })
    expect(us.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i))
    expect(us.chains).toEqual([
      { chain: 'shared', entries: 20 },
      { chain: 'US', entries: 10 },
    ])
    const kr = await listAuditView(busy.db, KR_SCOPE, { limit: 1000, offset: 0, chain: 'own' })
    expect(kr.total).toBe(100)
    expect(kr.entries.every((e) => e.chain === 'own' && e.party === 'KR')).toBe(true)
  })

  it("names another party's staff by party and role only, and gives their digests to nobody else", async () => {
    const view = await listAuditView(busy.db, US_SCOPE, { limit: 1000, offset: 0 })
    const text = JSON.stringify(view)
    expect(text).not.toContain('kr.negotiator@test')
    for (const e of view.entries.filter((x) => x.party === 'KR')) {
      expect(e).toMatchObject({ actor: null, payloadDigest: null, salt: null })
    }
    // the US's own entries carry a digest the US can check from the payload and the salt
    const own = view.entries.filter((x) => x.party === 'US')
    expect(own).toHaveLength(20)
    for (const e of own) {
      expect(e.actor).toBe('us.negotiator@test')
      expect(e.payloadDigest).toBe(
        sha256Hex(`audit.payload.v2${e.salt ?? ''}{"object":${JSON.stringify(e.object)}}`),
      )
    }
    // the KR chain still verifies for KR (the US view is narrower, not a different log)
    expect(await verifyAuditChain(busy.db)).toMatchObject({ ok: true, entries: 130 })
  })
})
