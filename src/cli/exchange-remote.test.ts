// `sma exchange key | register | export | import` end to end (issue 17): two servers on one
// machine, a US-only and a KR-only instance, each listening on a random port over its own SQLite
// file and signing with its own key; the real `sma` bin in a child process.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open.js'
import { instanceKeyFromPem } from '../services/signing/instance-key.js'
import {
  buildTestApp,
  call,
  OPEN_NEGOTIATION,
  termSpec,
  type TestApp,
} from '../server/test-support.js'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')

function sma(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !['SMA_TOKEN', 'SMA_SERVER', 'SMA_INSTANCE_KEY', 'SMA_INSTANCE_KEY_FILE'].includes(k),
    ),
  )
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...base, ...env }, timeout: 60_000, encoding: 'utf8' },
      (error, out, err) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, out, err })
      },
    )
  })
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const addr = t.app.server.address()
  return `http://127.0.0.1:${String(typeof addr === 'object' && addr !== null ? addr.port : 0)}`
}

/** `sma exchange key` output: the fingerprint line, then the public key in PEM. */
function parseKey(out: string): { fingerprint: string; pem: string } {
  const [first, ...rest] = out.split('\n')
  return { fingerprint: (first ?? '').replace(/^fingerprint: /, ''), pem: rest.join('\n') }
}

describe('sma exchange between a US-only and a KR-only instance', () => {
  let dir: string
  let us: TestApp
  let kr: TestApp
  let usServer: string
  let krServer: string
  const keyFile = { US: '', KR: '' }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sma-exchange-cli-'))
    for (const party of ['US', 'KR'] as const) {
      keyFile[party] = join(dir, `${party}-instance-key.pem`)
      const made = await sma(['exchange', 'key', '--generate'], {
        SMA_INSTANCE_KEY_FILE: keyFile[party],
      })
      expect(made.code, made.err).toBe(0)
    }
    const open = (name: string) => async () => {
      const h = openDatabase(join(dir, name))
      await migrateToLatest(h.db, 'sqlite')
      return h
    }
    const keyOf = (party: 'US' | 'KR') => instanceKeyFromPem(readFileSync(keyFile[party], 'utf8'))
    us = await buildTestApp(open('us.db'), { parties: ['US'], instanceKey: keyOf('US') })
    kr = await buildTestApp(open('kr.db'), { parties: ['KR'], instanceKey: keyOf('KR') })
    usServer = await listen(us)
    krServer = await listen(kr)
  }, 90_000)
  afterAll(async () => {
    await us.close()
    await kr.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('exports a US-tabled proposal, registers the US key in KR, imports it as received', async () => {
    const tabled = await call(
      us,
      us.as('US-negotiator'),
      'POST',
      `/api/negotiations/${OPEN_NEGOTIATION}/proposals`,
      {
        title: 'US proposal 2031–2035',
        visibility: 'shared',
        spec: termSpec('us', 2031, 2035, '1900000000000'),
      },
    )
    expect(tabled.statusCode, tabled.body).toBe(201)
    const pid = tabled.json<{ id: string }>().id

    const file = join(dir, 'us-proposal.json')
    const exported = await sma(
      [
        'exchange',
        'export',
        '--negotiation',
        OPEN_NEGOTIATION,
        '--kind',
        'proposal',
        '--id',
        pid,
        '--out',
        file,
      ],
      { SMA_SERVER: usServer, SMA_TOKEN: us.as('US-negotiator').token ?? '' },
    )
    expect(exported.code, exported.err).toBe(0)

    // the US key as the US instance prints it, read out to the KR admin
    const usKey = parseKey(
      (await sma(['exchange', 'key'], { SMA_INSTANCE_KEY_FILE: keyFile.US })).out,
    )
    const pemFile = join(dir, 'us-public.pem')
    writeFileSync(pemFile, usKey.pem)
    const krEnv = { SMA_SERVER: krServer }
    const importAs = (path: string) =>
      sma(['exchange', 'import', '--negotiation', OPEN_NEGOTIATION, path], {
        ...krEnv,
        SMA_TOKEN: kr.as('KR-negotiator').token ?? '',
      })

    // before the key is registered the import is refused in one line, exit 2
    const early = await importAs(file)
    expect(early.code).toBe(2)
    expect(early.err.trim().split('\n')).toHaveLength(1)
    expect(early.err).toMatch(/not a registered key/)

    // a fingerprint that does not match the key is caught before anything is sent
    const wrongFp = await sma(
      ['exchange', 'register', '--party', 'US', '--key', pemFile, '--fingerprint', 'SHA256:wrong'],
      { ...krEnv, SMA_TOKEN: kr.as('KR-admin').token ?? '' },
    )
    expect(wrongFp.code).toBe(2)
    expect(wrongFp.err).toMatch(/fingerprint is .*, not SHA256:wrong/)

    const registered = await sma(
      [
        'exchange',
        'register',
        '--party',
        'US',
        '--key',
        pemFile,
        '--fingerprint',
        usKey.fingerprint,
      ],
      { ...krEnv, SMA_TOKEN: kr.as('KR-admin').token ?? '' },
    )
    expect(registered.code, registered.err).toBe(0)
    expect(registered.out).toContain(`registered ${usKey.fingerprint} (US)`)

    // one changed byte: refused, nothing received
    const text = readFileSync(file, 'utf8')
    const tampered = join(dir, 'tampered.json')
    writeFileSync(tampered, text.replace('1900000000000', '1900000000001'))
    const bad = await importAs(tampered)
    expect(bad.code).toBe(2)
    expect(bad.err.trim().split('\n')).toHaveLength(1)
    const stored = await kr.store.db
      .selectFrom('received_documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(0)

    const ok = await importAs(file)
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain(`received US proposal`)
    expect(ok.out).toContain(`signature verified (${usKey.fingerprint})`)
  }, 120_000)

  it('says in one line when the instance has no key', async () => {
    const none = await sma(['exchange', 'key'], { SMA_INSTANCE_KEY_FILE: join(dir, 'absent.pem') })
    expect(none.code).toBe(2)
    expect(none.err.trim().split('\n')).toHaveLength(1)
  })
})
