import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { testDialects } from '../db/test-harness.js'
import { analysisSetup, buildTestApp, OPEN_NEGOTIATION, type TestApp } from './test-support.js'

/**
 * OpenAPI-driven fuzzer ("schemathesis-lite", security-and-reliability.md §B.8): for every
 * operation in /api/openapi.json, at least 200 malformed requests (wrong types, missing and
 * unknown fields, huge strings, bad JSON, bad ids, bad headers, wrong content types, prototype
 * pollution, deep nesting). Seeded and deterministic. Every answer must be < 500 and every error
 * a valid problem+json without internals. Runs on SQLite and, when TEST_PG_URL is set (CI), on
 * PostgreSQL, whose driver refuses what SQLite stores (NUL bytes, out-of-range integers, invalid
 * UTF-8): issue 14, finding 10.
 */
const PER_OPERATION = 220
const SEED = 20261128

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: Json[]
  const?: Json
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  minimum?: number
  format?: string
  $ref?: string
}
interface Operation {
  method: string
  path: string
  params: { name: string; in: string }[]
  body: Schema | null
}

/** A plausible (often valid) value for a JSON schema, the seed the mutations start from. */
function example(s: Schema | undefined, depth = 0): Json {
  if (!s || depth > 12) return null
  if (s.const !== undefined) return s.const
  if (s.enum?.length) return s.enum[0] ?? null
  const alt = s.anyOf ?? s.oneOf ?? s.allOf
  if (alt?.length) return example(alt[0], depth + 1)
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {}
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = example(v, depth + 1)
      return out
    }
    case 'array':
      return [example(s.items, depth + 1)]
    case 'integer':
    case 'number':
      return s.minimum ?? 1
    case 'boolean':
      return true
    case 'string':
      return s.format === 'date' ? '2027-01-01' : s.format === 'uri' ? 'https://example.org/x' : 'x'
    default:
      return null
  }
}

const EVIL_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  '%00',
  "' OR 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'x'.repeat(300),
  '１２３',
  '1e309',
  '-0',
  '9007199254740993',
  '2024-02-30',
  '10000-01-01',
  '1,000',
  '\u202e\u0000',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '__proto__',
]
const WRONG_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  'x',
  '',
  [],
  {},
  [null],
  { a: 1 },
  'x'.repeat(20000),
]

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T
}

/** Returns a copy of `v` with one randomly chosen leaf/field mutated. */
function mutate(r: () => number, v: Json, depth = 0): Json {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 8) {
    const keys = Object.keys(v)
    const choice = r()
    if (keys.length === 0 || choice < 0.15)
      return { ...v, [`unknown_${Math.floor(r() * 100)}`]: pick(r, WRONG_VALUES) }
    const k = pick(r, keys)
    if (choice < 0.35) {
      return Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))
    }
    return { ...v, [k]: r() < 0.5 ? pick(r, WRONG_VALUES) : mutate(r, v[k] ?? null, depth + 1) }
  }
  if (Array.isArray(v) && depth < 8) {
    if (r() < 0.3) return Array.from({ length: 2000 }, () => v[0] ?? null)
    return v.length ? [mutate(r, v[0] ?? null, depth + 1), ...v.slice(1)] : [pick(r, WRONG_VALUES)]
  }
  if (typeof v === 'string') return r() < 0.5 ? pick(r, EVIL_STRINGS) : pick(r, WRONG_VALUES)
  return pick(r, WRONG_VALUES)
}

const RAW_BODIES = [
  '{',
  '{"a":',
  'nul',
  '[1,2',
  '{"title": "x",}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": 1, "a": 2}',
  '1e309',
  '"just a string"',
  '[' + '['.repeat(5000) + ']'.repeat(5000) + ']',
  '{"x":' + '{"x":'.repeat(3000) + '1' + '}'.repeat(3000) + '}',
]

describe.each(testDialects())('OpenAPI-driven fuzzing ($name)', (dialect) => {
  let t: TestApp
  let operations: Operation[] = []
  const ids: Record<string, string[]> = {}

  beforeAll(async () => {
    t = await buildTestApp(() => dialect.open())
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[]
            requestBody?: { content?: Record<string, { schema?: Schema }> }
          }
        >
      >
    }>()
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (path.startsWith('/api/docs')) continue
        operations.push({
          method: method.toUpperCase(),
          path,
          params: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
        })
      }
    }
    operations = operations.sort((a, b) =>
      `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
    )
    const kr = t.as('KR-negotiator')
    const prop = await t.app.inject({
      method: 'GET',
      url: `/api/negotiations/${OPEN_NEGOTIATION}/proposals`,
      headers: { authorization: `Bearer ${kr.token ?? ''}` },
    })
    ids.pid = prop.json<{ proposals: { id: string }[] }>().proposals.map((p) => p.id)
    const ana = await t.app.inject({
      method: 'POST',
      url: `/api/negotiations/${OPEN_NEGOTIATION}/analyses`,
      headers: { authorization: `Bearer ${kr.token ?? ''}` },
      payload: { title: 'fuzz', setup: analysisSetup('KR') },
    })
    ids.aid = [ana.json<{ analysis: { id: string } }>().analysis.id]
    ids.id = [OPEN_NEGOTIATION, 'rok-us-sma-12', 'rok-us-sma-12-negotiation']
    ids.series = ['KR_CPI']
  })
  afterAll(async () => {
    await t.close()
  })

  it(`sends ≥ ${PER_OPERATION} malformed requests per operation: 0 5xx, every error a problem+json`, async () => {
    expect(operations.length).toBeGreaterThan(20)
    const r = mulberry32(SEED)
    const token = t.as('KR-negotiator').token ?? ''
    let total = 0
    const failures: string[] = []
    for (const op of operations) {
      for (let i = 0; i < PER_OPERATION; i++) {
        const strategy = i % 10
        let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          if (strategy === 0 || r() < 0.1) return encodeURIComponent(pick(r, EVIL_STRINGS))
          return pick(r, ids[name] ?? ['x'])
        })
        if (strategy === 1 || r() < 0.1) {
          url += `?${encodeURIComponent(pick(r, EVIL_STRINGS))}=${encodeURIComponent(pick(r, EVIL_STRINGS))}&limit=${pick(r, ['-1', 'abc', '1e309', '99999', ''])}&index=${encodeURIComponent(pick(r, EVIL_STRINGS))}`
        }
        const headers: Record<string, string> = { authorization: `Bearer ${token}` }
        if (strategy === 2)
          headers.authorization = pick(r, [
            'Bearer ',
            'Bearer x',
            'Basic Zm9vOmJhcg==',
            `Bearer ${'A'.repeat(500)}`,
            'bearer' + token,
          ])
        if (strategy === 3) {
          delete headers.authorization
          headers.cookie = `sma_session=${pick(r, ['x', 'a'.repeat(150), '%00', ''])}`
        }
        if (r() < 0.2)
          headers['if-match'] = pick(r, [
            '*',
            '"',
            'W/',
            '"a"',
            'x'.repeat(150),
            '"' + 'é'.repeat(5) + '"',
          ])
        let payload: string | Buffer | undefined
        const hasBody = op.method !== 'GET' && op.method !== 'DELETE'
        if (hasBody) {
          headers['content-type'] = 'application/json'
          if (strategy === 4) payload = pick(r, RAW_BODIES)
          else if (strategy === 5) {
            headers['content-type'] = pick(r, [
              'text/plain',
              'application/xml',
              'multipart/form-data; boundary=x',
              'application/x-www-form-urlencoded',
            ])
            payload = JSON.stringify(example(op.body ?? undefined))
          } else if (strategy === 6)
            payload =
              i % 20 === 6
                ? 'x'.repeat(1024 * 1024 + 10)
                : Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])
          else if (strategy === 7) payload = JSON.stringify(pick(r, WRONG_VALUES))
          else {
            let body = example(op.body ?? undefined)
            const rounds = 1 + Math.floor(r() * 3)
            for (let k = 0; k < rounds; k++) body = mutate(r, body)
            payload = JSON.stringify(body)
          }
        }
        const opts: InjectOptions = {
          method: op.method,
          url,
          headers,
        }
        if (payload !== undefined) opts.payload = payload
        const res = await t.app.inject(opts)
        total++
        const where = `${op.method} ${op.path} #${i} (${url.slice(0, 80)})`
        if (res.statusCode >= 500)
          failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`)
        if (res.statusCode >= 400) {
          if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
            failures.push(
              `${where}: ${res.statusCode} with content-type ${String(res.headers['content-type'])}`,
            )
            continue
          }
          const p = res.json<{
            type?: unknown
            title?: unknown
            status?: unknown
            detail?: unknown
          }>()
          if (
            typeof p.type !== 'string' ||
            typeof p.title !== 'string' ||
            p.status !== res.statusCode ||
            typeof p.detail !== 'string'
          ) {
            failures.push(`${where}: malformed problem ${res.body.slice(0, 200)}`)
          }
          if (
            /at .*\(.*:\d+:\d+\)|SQLITE_|syntax error at|node_modules|invalid input syntax|violates .* constraint|invalid byte sequence|relation "|column "/.test(
              res.body,
            )
          )
            failures.push(`${where}: internals in ${res.body.slice(0, 200)}`)
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([])
    expect(total).toBeGreaterThanOrEqual(operations.length * PER_OPERATION)
    console.info(
      `fuzzer (${dialect.name}): ${operations.length} operations × ${PER_OPERATION} = ${total} malformed requests, 0 5xx, all errors problem+json`,
    )
  }, 600_000)

  it('leaves Object.prototype unpolluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
