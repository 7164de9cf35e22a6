import type { FastifyError, FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod'
import { DomainError } from '../domain/errors.js'
import { NOT_FOUND_DETAIL, problem, problemOfDomainError, type Problem } from './problem.js'

function toPointer(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

/** The Fastify error codes of body parsing, each with the problem it is. */
const BODY_ERRORS: Readonly<Record<string, Problem>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: problem('payload-too-large', 'The body exceeds the size limit.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: problem('unsupported-media-type', 'Send application/json.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problem(
    'bad-request',
    'Content-Length does not match the body.',
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: problem('malformed-json', 'The JSON body is empty.'),
  FST_ERR_CTP_INVALID_JSON_BODY: problem('malformed-json', 'The body is not valid JSON.'),
}

/**
 * Maps any error to a problem; never leaks a stack, SQL or internal message. A DomainError is
 * mapped by its code (src/server/problem.ts); a schema violation names the fields; a missing
 * If-Match on a route that requires it is 428, as RFC 6585 says.
 */
export function errorToProblem(err: FastifyError, req: FastifyRequest): Problem {
  if (err instanceof DomainError) return problemOfDomainError(err)
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body'
    // instancePath is "/" + the zod issue path joined by "/" (e.g. "/if-match", "/deadlines/0/date")
    const paths = err.validation.map((v) => v.instancePath.split('/').slice(1))
    if (
      where === 'headers' &&
      req.headers['if-match'] === undefined &&
      paths.some((p) => p[0] === 'if-match')
    ) {
      return problem('precondition-required', 'Send If-Match with the ETag you read.')
    }
    return problem('validation-failed', `The ${where} is not valid.`, {
      errors: err.validation.slice(0, 50).map((v, i) => ({
        pointer: `${where === 'body' ? '' : `/${where}`}${toPointer(paths[i]?.filter((x) => x !== '') ?? [])}`,
        detail: v.message ?? 'invalid',
      })),
    })
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response failed its schema')
    return problem('internal', 'Internal error.')
  }
  const known = BODY_ERRORS[err.code]
  if (known) return known
  if (err instanceof SyntaxError) return problem('malformed-json', 'The body is not valid JSON.')
  if (err.statusCode === 429) return problem('too-many-requests', 'Slow down and retry later.')
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    if (status === 404) return problem('not-found', NOT_FOUND_DETAIL)
    if (status === 413) return problem('payload-too-large', 'The body exceeds the size limit.')
    if (status === 415) return problem('unsupported-media-type', 'Send application/json.')
    if (status === 401) return problem('unauthorized', 'Log in or send a valid API token.')
    if (status === 403) return problem('forbidden', 'Not allowed.')
    return problem('bad-request', 'The request could not be understood.')
  }
  req.log.error({ err }, 'unhandled error')
  return problem('internal', `Internal error (request ${req.id}).`)
}
