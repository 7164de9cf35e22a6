/** One fetch wrapper for the REST API (same origin; cookie session; CSRF header on writes). */

export interface Problem {
  readonly type?: string
  readonly title: string
  readonly status: number
  readonly detail?: string
  readonly errors?: unknown
}

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

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  readonly body?: unknown
  /** Required by the server on cookie-authenticated writes. */
  readonly csrfToken?: string | undefined
  readonly ifMatch?: string
  readonly signal?: AbortSignal | undefined
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.csrfToken !== undefined) headers['x-csrf-token'] = opts.csrfToken
  if (opts.ifMatch !== undefined) headers['if-match'] = opts.ifMatch
  const res = await fetch(path, {
    method: opts.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  })
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
