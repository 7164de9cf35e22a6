import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Bodies below this size are sent as they are (compression would not pay for its headers). */
export const COMPRESS_THRESHOLD = 1024

export type Encoding = 'br' | 'gzip'

/**
 * A response computed once and sent many times: the serialized body, its strong ETag (a hash of
 * the identity body) and its compressed variants, made on first demand and kept.
 */
export interface CachedBody {
  readonly body: Buffer
  readonly etag: string
  readonly type: string
  readonly variants: Partial<Record<Encoding, Promise<Buffer>>>
}

/** A body ready to be sent from memory (hashes it once). */
export function cachedBody(body: string | Buffer, type: string): CachedBody {
  const buf = typeof body === 'string' ? Buffer.from(body) : body
  const hash = createHash('sha256').update(buf).digest('base64url').slice(0, 27)
  return { body: buf, etag: `"${hash}"`, type, variants: {} }
}

/** The variant's ETag: a representation of another encoding is another strong validator. */
function etagOf(entry: CachedBody, encoding: Encoding | null): string {
  return encoding === null
    ? entry.etag
    : `${entry.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`
}

/**
 * The encoding to answer with: brotli when accepted, else gzip, else none. `Accept-Encoding`
 * items with `q=0` are refused; `*` stands for any encoding not named.
 *
 * Example: `gzip;q=1.0, br;q=0` → 'gzip'; `identity` → null.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (header === undefined || header === '') return null
  const q = new Map<string, number>()
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';')
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qp === undefined ? 1 : Number(qp.slice(2))
    q.set(name.trim(), Number.isFinite(value) ? value : 0)
  }
  const accepts = (e: string): boolean => ((q.has(e) ? q.get(e) : q.get('*')) ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return null
}

/** Whether `If-None-Match` names this body in any of its encodings (weak comparison, RFC 9110). */
function notModified(entry: CachedBody, header: string | undefined): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  const base = entry.etag.slice(1, -1)
  for (const raw of header.split(',')) {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '')
    if (tag === base || tag === `${base}-br` || tag === `${base}-gz`) return true
  }
  return false
}

function compressed(entry: CachedBody, encoding: Encoding): Promise<Buffer> {
  const known = entry.variants[encoding]
  if (known) return known
  const made =
    encoding === 'br'
      ? brotli(entry.body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
          },
        })
      : gzipAsync(entry.body, { level: 9 })
  entry.variants[encoding] = made
  return made
}

/**
 * Sends a cached body: 304 when the client holds it (`If-None-Match`), else the body in the best
 * encoding the client accepts (compressed once per body, then reused). Answers that depend on who
 * asks are `private`; all must be revalidated (`no-cache`), which the ETag makes cheap.
 */
export async function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  entry: CachedBody,
  opts: { readonly private: boolean },
): Promise<FastifyReply> {
  const encoding =
    entry.body.length >= COMPRESS_THRESHOLD ? chooseEncoding(req.headers['accept-encoding']) : null
  reply
    .header('cache-control', opts.private ? 'private, no-cache' : 'no-cache')
    .header('vary', 'accept-encoding')
    .header('etag', etagOf(entry, encoding))
  if (notModified(entry, req.headers['if-none-match'])) return reply.code(304).send()
  reply.header('content-type', entry.type)
  if (encoding === null) return reply.send(entry.body)
  const body = await compressed(entry, encoding)
  return reply.header('content-encoding', encoding).send(body)
}

/**
 * Bounded store of cached bodies, least recently used evicted first, by count and by bytes. One
 * per app instance. Concurrent misses of one key share one computation.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedBody>()
  readonly #pending = new Map<string, Promise<CachedBody>>()
  #bytes = 0

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 64 * 2 ** 20,
  ) {}

  get size(): number {
    return this.#entries.size
  }

  /** The cached body of `key`, computing and storing it on a miss. */
  async get(key: string, compute: () => Promise<CachedBody>): Promise<CachedBody> {
    const hit = this.#entries.get(key)
    if (hit !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const pending = this.#pending.get(key)
    if (pending !== undefined) return pending
    const made = compute().then(
      (entry) => {
        this.#pending.delete(key)
        this.#store(key, entry)
        return entry
      },
      (err: unknown) => {
        this.#pending.delete(key)
        throw err
      },
    )
    this.#pending.set(key, made)
    return made
  }

  #store(key: string, entry: CachedBody): void {
    if (entry.body.length > this.maxBytes / 4) return
    this.#entries.set(key, entry)
    this.#bytes += entry.body.length
    for (const [k, e] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break
      this.#entries.delete(k)
      this.#bytes -= e.body.length
    }
  }
}
