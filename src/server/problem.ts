import { DomainError, NOT_FOUND_MESSAGE, type ErrorCode } from '../domain/errors.js'
import { problemSchema, type Problem } from '../contracts/problem.js'

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
  'request-timeout': { status: 408, title: 'Request timeout' },
  'header-too-large': { status: 431, title: 'Request header fields too large' },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemType = keyof typeof PROBLEM_TYPES
export type { Problem }
export { problemSchema }

/** What a problem may carry besides its type and detail. */
export interface ProblemExtra {
  instance?: string
  errors?: Problem['errors']
  currentETag?: string
  /** The detail in Korean: the Korean web app and Korean API users read this one. */
  detailKo?: string
}

/**
 * A problem document. Every refusal is worded in Korean too (`detailKo`), except not-found,
 * whose one fixed body must not differ between a missing and a hidden object (readers show
 * their own Korean for 404).
 * @example problem('forbidden', 'Not allowed.', { detailKo: '권한이 없습니다.' })
 */
export function problem(type: 'not-found', detail: string, extra?: ProblemExtra): Problem
export function problem(
  type: Exclude<ProblemType, 'not-found'>,
  detail: string,
  extra: ProblemExtra & { detailKo: string },
): Problem
export function problem(type: ProblemType, detail: string, extra: ProblemExtra = {}): Problem {
  return problemOf(type, detail, extra)
}

function problemOf(type: ProblemType, detail: string, extra: ProblemExtra): Problem {
  const t = PROBLEM_TYPES[type]
  const p: Problem = { type: PROBLEM_BASE + type, title: t.title, status: t.status, detail }
  if (extra.instance !== undefined) p.instance = extra.instance
  if (extra.errors !== undefined) p.errors = extra.errors
  if (extra.currentETag !== undefined) p.currentETag = extra.currentETag
  if (extra.detailKo !== undefined) p.detailKo = extra.detailKo
  return p
}

/** Refusals several parts of the server send, each worded once. */
export const NEED_LOGIN = problem('unauthorized', 'Log in or send a valid API token.', {
  detailKo: '로그인하거나 유효한 API 토큰을 보내십시오.',
})
export const BAD_TOKEN = problem('unauthorized', 'The API token is not valid.', {
  detailKo: 'API 토큰이 유효하지 않습니다.',
})
export const BAD_REQUEST = problem('bad-request', 'The request could not be understood.', {
  detailKo: '요청을 해석할 수 없습니다.',
})
export const TOO_MANY_REQUESTS = problem('too-many-requests', 'Slow down and retry later.', {
  detailKo: '요청이 너무 많습니다. 잠시 후 다시 시도하십시오.',
})

/** The one body every missing-or-invisible object produces (only `instance` differs). */
export const NOT_FOUND_DETAIL = NOT_FOUND_MESSAGE

const PROBLEM_OF_CODE: Record<ErrorCode, ProblemType> = {
  'not-found': 'not-found',
  conflict: 'conflict',
  'precondition-failed': 'precondition-failed',
  'precondition-required': 'precondition-required',
  invalid: 'validation-failed',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  unprocessable: 'unprocessable',
}

/** The one mapping of a DomainError to problem+json (the CLI's is src/cli/cli-error.ts). */
export function problemOfDomainError(err: DomainError): Problem {
  const type = PROBLEM_OF_CODE[err.code]
  const extra: ProblemExtra = {}
  if (err.extra.currentETag !== undefined) extra.currentETag = err.extra.currentETag
  if (err.extra.errors !== undefined) extra.errors = [...err.extra.errors]
  if (err.extra.ko !== undefined && type !== 'not-found') extra.detailKo = err.extra.ko
  // A DomainError carries its Korean (src/korean-errors.test.ts checks every construction).
  return problemOf(type, type === 'not-found' ? NOT_FOUND_DETAIL : err.message, extra)
}
