import { z } from 'zod'

/**
 * RFC 9457 problem details. Every error the API returns has one of these `type`s; the registry
 * is a table so tests can check that nothing else is ever sent.
 */
export const PROBLEM_BASE = 'https://sma-desk.example/problems/'

export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'Bad request' },
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'csrf-failed': { status: 403, title: 'CSRF check failed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'precondition-failed': { status: 412, title: 'The resource changed (stale ETag)' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'uri-too-long': { status: 414, title: 'The URI is too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemType = keyof typeof PROBLEM_TYPES

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    currentETag: z.string().optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof problemSchema>

export function problem(
  type: ProblemType,
  detail: string,
  extra: { instance?: string; errors?: Problem['errors']; currentETag?: string } = {},
): Problem {
  const t = PROBLEM_TYPES[type]
  const p: Problem = { type: PROBLEM_BASE + type, title: t.title, status: t.status, detail }
  if (extra.instance !== undefined) p.instance = extra.instance
  if (extra.errors !== undefined) p.errors = extra.errors
  if (extra.currentETag !== undefined) p.currentETag = extra.currentETag
  return p
}

/** The one body every missing-or-invisible object produces (only `instance` differs). */
export const NOT_FOUND_DETAIL = 'No such resource.'

/** Problem responses documented on every route (OpenAPI `responses`). */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  412: problemSchema,
  413: problemSchema,
  415: problemSchema,
  428: problemSchema,
  429: problemSchema,
} as const
