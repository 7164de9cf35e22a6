import { DomainError } from '../errors.js'

/** A problem that makes a projection impossible; the message names it (one line). */
export class ProjectionError extends DomainError {
  constructor(message: string) {
    super('unprocessable', message)
    this.name = 'ProjectionError'
  }
}
