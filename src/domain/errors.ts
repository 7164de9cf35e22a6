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
}

export interface DomainErrorExtra {
  readonly errors?: readonly FieldError[]
  /** With `precondition-failed`: the ETag the document has now. */
  readonly currentETag?: string
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

/** The single message for every missing-or-invisible object, so the two look the same. */
export const NOT_FOUND_MESSAGE = 'No such resource.'
export const notFound = (): DomainError => new DomainError('not-found', NOT_FOUND_MESSAGE)

/** An `invalid` error about one field. */
export const invalid = (pointer: string, detail: string): DomainError =>
  new DomainError('invalid', detail, { errors: [{ pointer, detail }] })
