import { DomainError } from '../errors.js'

/**
 * A problem that makes a projection impossible; the message names it (one line). `ko` is the
 * same message in Korean (official wording): required, because users meet these errors on the
 * projections and what-if pages and the API sends it as `detailKo`.
 */
export class ProjectionError extends DomainError {
  constructor(message: string, ko: string) {
    super('unprocessable', message, { ko })
    this.name = 'ProjectionError'
  }
}
