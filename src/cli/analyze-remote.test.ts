// `sma analyze --negotiation` against a real server: the app listening on a random port over a
// SQLite file, a token made with `sma token create`, the real `sma` bin in a child process.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open.js'
import {
  analysisSetup,
  buildTestApp,
  call,
  OPEN_NEGOTIATION,
  type TestApp,
} from '../server/test-support.js'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')
const fixture = join(import.meta.dirname, '../../fixtures/sma-analysis/sma12-kr-view.json')

function sma(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'SMA_TOKEN' && k !== 'SMA_SERVER'),
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

describe('sma analyze --negotiation (against a running server)', () => {
  let dir: string
  let t: TestApp
  let server: string
  let token: string
  const ids: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sma-remote-'))
    const file = join(dir, 'sma.db')
    t = await buildTestApp(async () => {
      const h = openDatabase(file)
      await migrateToLatest(h.db, 'sqlite')
      return h
    })
    const made = await sma(['token', 'create', '--email', 'kr-analyst@test.sma', '--db', file])
    expect(made.code).toBe(0)
    token = made.out.trim()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const addr = t.app.server.address()
    server = `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}`
  }, 60_000)
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('errors in one line with exit 2: no token, refused token, unknown negotiation, server down', async () => {
    const none = await sma(['analyze', '--negotiation', OPEN_NEGOTIATION, '--server', server])
    expect(none.code).toBe(2)
    expect(none.err.trim().split('\n')).toHaveLength(1)
    expect(none.err).toContain('no API token')

    const bad = await sma(['analyze', '--negotiation', OPEN_NEGOTIATION], {
      SMA_SERVER: server,
      SMA_TOKEN: 'not-a-real-token-0123456789',
    })
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('401')

    const missing = await sma(['analyze', '--negotiation', 'no-such-talks', '--token', token], {
      SMA_SERVER: server,
    })
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('404')

    const down = await sma([
      'analyze',
      '--negotiation',
      OPEN_NEGOTIATION,
      '--token',
      token,
      '--server',
      'http://127.0.0.1:9',
    ])
    expect(down.code).toBe(2)
    expect(down.err.trim().split('\n')).toHaveLength(1)
    expect(down.err).toContain('cannot reach')
  }, 120_000)

  it('runs the only analysis, lists several, runs one by id: the same JSON as --sma', async () => {
    const kr = t.as('KR-negotiator')
    const N = `/api/negotiations/${OPEN_NEGOTIATION}/analyses`
    const first = await call(t, kr, 'POST', N, { title: 'Only one', setup: analysisSetup('KR') })
    ids.push(first.json<{ analysis: { id: string } }>().analysis.id)

    const only = await sma(['analyze', '--negotiation', OPEN_NEGOTIATION], {
      SMA_SERVER: server,
      SMA_TOKEN: token,
    })
    expect(only.code).toBe(0)
    const local = await sma(['analyze', '--sma', fixture])
    expect(only.out).toBe(local.out)

    const second = await call(t, kr, 'POST', N, {
      title: 'Total view',
      setup: analysisSetup('KR', { measure: 'total' }),
    })
    ids.push(second.json<{ analysis: { id: string } }>().analysis.id)
    // a US analysis must never show up for a KR token
    await call(t, t.as('US-analyst'), 'POST', N, { title: 'US only', setup: analysisSetup('US') })

    const list = await sma(
      ['analyze', '--negotiation', OPEN_NEGOTIATION, '--server', server, '--token', token],
      {},
    )
    expect(list.code).toBe(0)
    expect(list.out).toContain('Only one')
    expect(list.out).toContain('Total view')
    expect(list.out).not.toContain('US only')

    const json = await sma(
      [
        'analyze',
        '--negotiation',
        OPEN_NEGOTIATION,
        '--analysis',
        ids[0] ?? '',
        '--server',
        server,
        '--json',
      ],
      { SMA_TOKEN: token },
    )
    expect(json.code).toBe(0)
    const localJson = await sma(['analyze', '--sma', fixture, '--json'])
    expect(JSON.parse(json.out)).toEqual(JSON.parse(localJson.out))
  }, 120_000)
})
