/** One fetch wrapper for the REST API (same origin; cookie session; CSRF header on writes). */
import type { Problem } from '../../../src/contracts/problem.js'

/** A non-2xx answer, carrying the RFC 9457 problem body when the server sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

/** The server could not be reached (offline, connection refused, blocked). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network error', { cause })
    this.name = 'NetworkError'
  }
}

/** The server answered 2xx, but not with the shape the contract describes. */
export class UnreadableAnswer extends Error {
  constructor(path: string, cause: unknown) {
    super(`unreadable answer from ${path}`, { cause })
    this.name = 'UnreadableAnswer'
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  readonly body?: unknown
  /** Required by the server on cookie-authenticated writes. */
  readonly csrfToken?: string | null | undefined
  readonly ifMatch?: string
  readonly signal?: AbortSignal | undefined
}

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError'

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (typeof opts.csrfToken === 'string') headers['x-csrf-token'] = opts.csrfToken
  if (opts.ifMatch !== undefined) headers['if-match'] = opts.ifMatch
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    })
  } catch (e) {
    // A cancelled request stays a cancellation; anything else means the server was not reached.
    throw isAbort(e) ? e : new NetworkError(e)
  }
  if (res.status === 204) return undefined as T
  const type = res.headers.get('content-type') ?? ''
  const json: unknown = type.includes('json') ? await res.json() : null
  if (!res.ok) {
    const problem =
      json !== null && typeof json === 'object' && 'title' in json ? (json as Problem) : null
    throw new ApiError(res.status, problem)
  }
  return json as T
}

/** GET/POST and check the answer against its contract (`parse` throws on a bad shape). */
export async function apiParsed<T>(
  path: string,
  parse: (body: unknown) => T,
  opts: RequestOptions = {},
): Promise<T> {
  const body = await api<unknown>(path, opts)
  try {
    return parse(body)
  } catch (e) {
    throw new UnreadableAnswer(path, e)
  }
}

/**
 * Fetches a file the API makes (CSV, XLSX, PDF: src/exports on the server, the same files as
 * `sma export` and `sma brief`) and hands it to the browser as a download.
 */
export async function downloadFile(
  path: string,
  fileName: string,
  opts: { accept: string; body?: unknown; csrfToken?: string | undefined },
): Promise<void> {
  const headers: Record<string, string> = { accept: opts.accept }
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (typeof opts.csrfToken === 'string') headers['x-csrf-token'] = opts.csrfToken
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.body === undefined ? 'GET' : 'POST',
      headers,
      credentials: 'same-origin',
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    })
  } catch (e) {
    throw new NetworkError(e)
  }
  if (!res.ok) throw new ApiError(res.status, null)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 1000)
}
