import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { generateInstanceKeyPem, instanceKeyFromPem } from '../services/signing/instance-key.js'
import { call, OPEN_NEGOTIATION, termSpec, testApp, type TestApp } from './test-support.js'

/**
 * Issue 17, acceptance 2: two instances on one machine (a KR-only and a US-only one, in-process
 * on separate databases). A proposal the US tables is exported from the US instance as a signed
 * file and imported into the KR instance, where it shows as received with the fingerprint; one
 * changed byte, an unsigned file or an unregistered signer is refused and nothing is stored.
 */
const N = `/api/negotiations/${OPEN_NEGOTIATION}`
const krKey = instanceKeyFromPem(generateInstanceKeyPem())
const usKey = instanceKeyFromPem(generateInstanceKeyPem())

/** Rows an import could write: all must stay as they were after a refused import. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of [
    'proposals',
    'acceptances',
    'negotiation_rounds',
    'spec_revisions',
    'received_documents',
    'audit_log',
  ] as const) {
    const r = await t.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow()
    out[table] = Number(r.n)
  }
  return out
}

async function registerOther(on: TestApp, admin: string, other: TestApp, party: 'KR' | 'US') {
  const key = (await call(other, other.as(`${party}-viewer`), 'GET', '/api/exchange/key')).json<{
    key: { fingerprint: string; publicKey: string }
  }>().key
  const r = await call(on, on.as(admin), 'POST', '/api/exchange/keys', {
    party,
    label: `${party} delegation instance`,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
  })
  expect(r.statusCode, r.body).toBe(201)
  return key.fingerprint
}

describe.each(testDialects())('two instances exchanging signed documents on $name', (dialect) => {
  const kr = testApp(() => dialect.open(), { parties: ['KR'], instanceKey: krKey })
  const us = testApp(() => dialect.open(), { parties: ['US'], instanceKey: usKey })

  it('carries a US-tabled proposal into the KR instance as received, verified', async () => {
    const tabled = await call(us, us.as('US-negotiator'), 'POST', `${N}/proposals`, {
      title: 'US proposal 2031–2035',
      visibility: 'shared',
      spec: termSpec('us', 2031, 2035, '1900000000000'),
    })
    expect(tabled.statusCode).toBe(201)
    const pid = tabled.json<{ id: string }>().id
    const exported = await call(us, us.as('US-negotiator'), 'POST', `${N}/exchange/export`, {
      kind: 'proposal',
      id: pid,
    })
    expect(exported.statusCode, exported.body).toBe(200)
    const file = JSON.stringify(exported.json(), null, 2)
    expect(exported.json<{ signer: { fingerprint: string } }>().signer.fingerprint).toBe(
      usKey.fingerprint,
    )

    const importAs = (document: string) =>
      call(kr, kr.as('KR-negotiator'), 'POST', `${N}/exchange/import`, { document })

    // before the US key is registered: refused, nothing stored
    const before = await counts(kr)
    const unknown = await importAs(file)
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json<{ detail: string }>().detail).toMatch(/not a registered key/)
    expect(await counts(kr)).toEqual(before)

    const fingerprint = await registerOther(kr, 'KR-admin', us, 'US')
    expect(fingerprint).toBe(usKey.fingerprint)

    // one changed byte: refused, nothing stored
    const at = file.indexOf('1900000000000')
    expect(at).toBeGreaterThan(0)
    const tampered = `${file.slice(0, at)}8${file.slice(at + 1)}`
    expect(tampered.length).toBe(file.length)
    const beforeTamper = await counts(kr)
    const bad = await importAs(tampered)
    expect(bad.statusCode).toBe(422)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json<{ detail: string }>().detail).toMatch(/changed after signing/)
    expect(await counts(kr)).toEqual(beforeTamper)

    // unsigned: refused, nothing stored
    const { signature: _s, ...unsigned } = exported.json<Record<string, unknown>>()
    const bare = await importAs(JSON.stringify(unsigned))
    expect(bare.statusCode).toBe(422)
    expect(bare.json<{ detail: string }>().detail).toMatch(/not a signed SMA Desk document/)
    expect(await counts(kr)).toEqual(beforeTamper)

    // the file as sent: received
    const ok = await importAs(file)
    expect(ok.statusCode, ok.body).toBe(201)
    const received = ok.json<{
      received: { objectId: string; fingerprint: string; party: string }
    }>().received
    expect(received).toMatchObject({ fingerprint: usKey.fingerprint, party: 'US' })
    const after = await counts(kr)
    expect(after.proposals).toBe(beforeTamper.proposals! + 1)
    expect(after.received_documents).toBe(beforeTamper.received_documents! + 1)

    const p = (
      await call(kr, kr.as('KR-viewer'), 'GET', `${N}/proposals/${received.objectId}`)
    ).json<{
      proposal: {
        ownerParty: string
        title: string
        received: { fingerprint: string } | null
        reported: unknown
        schedule: { years: { year: number; amount: string | null }[] } | null
      }
    }>().proposal
    expect(p).toMatchObject({ ownerParty: 'US', title: 'US proposal 2031–2035', reported: null })
    expect(p.received?.fingerprint).toBe(usKey.fingerprint)
    expect(p.schedule?.years.map((y) => y.amount)).toEqual(Array(5).fill('1900000000000'))

    const list = await call(kr, kr.as('KR-viewer'), 'GET', `${N}/received`)
    expect(list.json<{ received: unknown[] }>().received).toHaveLength(1)

    // the same document twice: a conflict, nothing more stored
    const again = await importAs(file)
    expect(again.statusCode).toBe(409)
    expect(await counts(kr)).toEqual(after)
  })

  it('carries our proposal out and the other side’s acceptance back: concluded', async () => {
    await registerOther(us, 'US-admin', kr, 'KR')
    const tabled = await call(kr, kr.as('KR-negotiator'), 'POST', `${N}/proposals`, {
      title: 'KR proposal 2031–2035',
      visibility: 'shared',
      spec: termSpec('kr', 2031, 2035, '1700000000000'),
    })
    const pid = tabled.json<{ id: string }>().id
    const out = await call(kr, kr.as('KR-negotiator'), 'POST', `${N}/exchange/export`, {
      kind: 'proposal',
      id: pid,
    })
    const inUs = await call(us, us.as('US-negotiator'), 'POST', `${N}/exchange/import`, {
      document: out.body,
    })
    expect(inUs.statusCode, inUs.body).toBe(201)
    const usCopy = inUs.json<{ received: { objectId: string } }>().received.objectId
    expect(
      (await call(us, us.as('US-negotiator'), 'POST', `${N}/proposals/${usCopy}/accept`))
        .statusCode,
    ).toBe(200)
    const acceptance = await call(us, us.as('US-negotiator'), 'POST', `${N}/exchange/export`, {
      kind: 'acceptance',
      id: usCopy,
    })
    expect(acceptance.statusCode, acceptance.body).toBe(200)
    // a received act is not ours to sign again
    const resend = await call(us, us.as('US-negotiator'), 'POST', `${N}/exchange/export`, {
      kind: 'proposal',
      id: usCopy,
    })
    expect(resend.statusCode).toBe(409)

    expect(
      (await call(kr, kr.as('KR-negotiator'), 'POST', `${N}/proposals/${pid}/accept`)).statusCode,
    ).toBe(200)
    const back = await call(kr, kr.as('KR-negotiator'), 'POST', `${N}/exchange/import`, {
      document: acceptance.body,
    })
    expect(back.statusCode, back.body).toBe(201)
    const n = (await call(kr, kr.as('KR-viewer'), 'GET', N)).json<{
      negotiation: {
        status: string
        acceptances: { party: string; received: { fingerprint: string } | null }[]
      }
    }>().negotiation
    expect(n.status).toBe('concluded')
    expect(n.acceptances.find((a) => a.party === 'US')?.received?.fingerprint).toBe(
      usKey.fingerprint,
    )
  })
})
