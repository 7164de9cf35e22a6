/**
 * Errors services raise for the HTTP layer to map to problem+json (and the CLI to one line).
 * `not-found` is also what another party's private object looks like.
 */
export type ServiceErrorCode =
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'invalid'
  | 'forbidden'
  | 'unauthorized'
  /** Well-formed but cannot be computed (e.g. an analysis whose package is pending). */
  | 'unprocessable'

export class ServiceError extends Error {
  readonly code: ServiceErrorCode
  readonly extra: Readonly<Record<string, unknown>>
  constructor(code: ServiceErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ServiceError'
    this.code = code
    this.extra = extra
  }
}

/** The single message used for every missing-or-invisible object, so the two look the same. */
export const notFound = (): ServiceError => new ServiceError('not-found', 'No such resource.')
