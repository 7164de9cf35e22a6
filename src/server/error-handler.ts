import type { FastifyError, FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod'
import { issueKo, REQUEST_PART_KO } from '../contracts/validation-words.js'
import { DomainError } from '../domain/errors.js'
import { withParticle } from '../domain/text/korean-particles.js'
import {
  BAD_REQUEST,
  NEED_LOGIN,
  NOT_FOUND_DETAIL,
  problem,
  problemOfDomainError,
  TOO_MANY_REQUESTS,
  type Problem,
} from './problem.js'

function toPointer(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

/** The Fastify error codes of body parsing, each with the problem it is. */
const TOO_LARGE = problem('payload-too-large', 'The body exceeds the size limit.', {
  detailKo: '요청 본문이 허용된 크기를 넘습니다.',
})
const NOT_JSON_TYPE = problem('unsupported-media-type', 'Send application/json.', {
  detailKo: '요청 본문은 application/json 형식으로 보내십시오.',
})
const NOT_JSON = problem('malformed-json', 'The body is not valid JSON.', {
  detailKo: '요청 본문이 올바른 JSON이 아닙니다.',
})
const BODY_ERRORS: Readonly<Record<string, Problem>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: NOT_JSON_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problem(
    'bad-request',
    'Content-Length does not match the body.',
    { detailKo: 'Content-Length 헤더가 요청 본문의 길이와 맞지 않습니다.' },
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: problem('malformed-json', 'The JSON body is empty.', {
    detailKo: 'JSON 요청 본문이 비어 있습니다.',
  }),
  FST_ERR_CTP_INVALID_JSON_BODY: NOT_JSON,
}

/** The value at a path inside a request part, or undefined where the path leads nowhere. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/** The request part a schema checked (Fastify's name for it). */
function partOf(req: FastifyRequest, where: string): unknown {
  if (where === 'querystring') return req.query
  if (where === 'params') return req.params
  if (where === 'headers') return req.headers
  return req.body
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
      return problem('precondition-required', 'Send If-Match with the ETag you read.', {
        detailKo: '조회할 때 받은 ETag를 If-Match 헤더에 담아 보내십시오.',
      })
    }
    const part = partOf(req, where)
    const errors = err.validation.slice(0, 50).map((v, i) => {
      const path = paths[i]?.filter((x) => x !== '') ?? []
      const missing = valueAt(part, path) === undefined
      return {
        pointer: `${where === 'body' ? '' : `/${where}`}${toPointer(path)}`,
        detail: v.message ?? 'invalid',
        detailKo: issueKo({ ...v.params, code: v.keyword, message: v.message ?? '' }, missing),
      }
    })
    const first = errors[0]
    const partKo = REQUEST_PART_KO[where] ?? '요청'
    return problem('validation-failed', `The ${where} is not valid.`, {
      detailKo:
        first === undefined
          ? `${withParticle(partKo, '이')} 올바르지 않습니다.`
          : errors.length === 1
            ? `${withParticle(partKo, '이')} 올바르지 않습니다. "${first.pointer}": ${first.detailKo}`
            : `${partKo}에 올바르지 않은 항목이 ${err.validation.length}건 있습니다. 첫 번째 "${first.pointer}": ${first.detailKo}`,
      errors,
    })
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response failed its schema')
    return internalError(req)
  }
  const known = BODY_ERRORS[err.code]
  if (known) return known
  if (err instanceof SyntaxError) return NOT_JSON
  if (err.statusCode === 429) return TOO_MANY_REQUESTS
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) {
    if (status === 404) return problem('not-found', NOT_FOUND_DETAIL)
    if (status === 413) return TOO_LARGE
    if (status === 415) return NOT_JSON_TYPE
    if (status === 401) return NEED_LOGIN
    if (status === 403)
      return problem('forbidden', 'Not allowed.', { detailKo: '권한이 없습니다.' })
    return BAD_REQUEST
  }
  req.log.error({ err }, 'unhandled error')
  return internalError(req)
}

/** 500, naming the request so an operator can find its log line. */
function internalError(req: FastifyRequest): Problem {
  return problem('internal', `Internal error (request ${req.id}).`, {
    detailKo: `서버 내부 오류가 발생했습니다(요청 번호 ${req.id}). 관리자에게 이 번호를 알려 주십시오.`,
  })
}
