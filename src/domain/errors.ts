import type { z } from 'zod'

/**
 * The one error type of SMA Desk's rules and use cases. A code says what kind of problem it is;
 * the HTTP layer maps each code to one problem+json type (src/server/problem.ts) and the CLI to
 * one exit code (src/cli/cli-error.ts). The message is one line a person can act on.
 */
export const ERROR_CODES = [
  /** Missing, or another party's private object: the two look the same. */
  'not-found',
  'conflict',
  /** A stale ETag: someone else saved first. */
  'precondition-failed',
  /** A write to a versioned document without If-Match. */
  'precondition-required',
  /** Malformed input; `errors` points at the fields. */
  'invalid',
  'forbidden',
  'unauthorized',
  /** Well-formed but impossible to compute (an index value missing, a space too large…). */
  'unprocessable',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** A pointer into the request (a JSON pointer into the body, `/querystring/…`, `/headers/…`). */
export interface FieldError {
  readonly pointer: string
  readonly detail: string
  /** The detail in Korean, where the rule words it in both languages. */
  readonly detailKo?: string
}

export interface DomainErrorExtra {
  readonly errors?: readonly FieldError[]
  /** With `precondition-failed`: the ETag the document has now. */
  readonly currentETag?: string
  /** The message in Korean (official wording), shown to Korean readers. */
  readonly ko?: string
}

export class DomainError extends Error {
  readonly code: ErrorCode
  readonly extra: DomainErrorExtra
  constructor(code: ErrorCode, message: string, extra: DomainErrorExtra = {}) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.extra = extra
  }
}

/**
 * The single message for every missing-or-invisible object, so the two look the same. It has
 * one Korean text too, the same for both: the API drops `detailKo` for not-found
 * (src/server/problem.ts) and readers show their own fixed Korean for 404.
 */
export const NOT_FOUND_MESSAGE = 'No such resource.'
export const NOT_FOUND_MESSAGE_KO = '해당 자료가 없거나 조회 권한이 없습니다.'
export const notFound = (): DomainError =>
  new DomainError('not-found', NOT_FOUND_MESSAGE, { ko: NOT_FOUND_MESSAGE_KO })

/**
 * An `invalid` error about one field; `ko` is the message in Korean (official wording), given
 * wherever the caller can say it.
 * @example invalid('/note', 'at most 2000 characters', '메모는 2,000자를 넘을 수 없습니다.')
 */
export const invalid = (pointer: string, detail: string, ko?: string): DomainError =>
  new DomainError('invalid', detail, {
    errors: [ko === undefined ? { pointer, detail } : { pointer, detail, detailKo: ko }],
    ...(ko === undefined ? {} : { ko }),
  })

/** Valid input, or one line per problem (`path: message`) for CLI and problem+json errors. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/**
 * Validates unknown input with a schema, naming each problem by its path.
 * @example parseWith(z.object({ a: z.int() }), { a: 'x' }) // { ok: false, problems: ['a: Invalid input: expected int, received string'] }
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const r = schema.safeParse(input)
  if (r.success) return { ok: true, value: r.data }
  return {
    ok: false,
    problems: r.error.issues.map(
      (i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
    ),
  }
}

/**
 * The path of a `path: message` problem line (parseWith), which a Korean text quotes as is while
 * leaving the schema's English message out.
 * @example problemPath('term.firstYear: Invalid input') // 'term.firstYear'
 */
export const problemPath = (line: string | undefined): string => line?.split(': ')[0] ?? '(root)'
