import { DomainError, type ErrorCode } from '../domain/errors.js'

/**
 * The CLI's side of the one error type: every DomainError ends as one line on stderr and an exit
 * code chosen here (the HTTP side is src/server/problem.ts). Anything else is a bug: exit 1.
 */
const EXIT_CODE: Record<ErrorCode, number> = {
  invalid: 2,
  'not-found': 2,
  unprocessable: 2,
  conflict: 2,
  'precondition-failed': 2,
  'precondition-required': 2,
  forbidden: 2,
  unauthorized: 2,
}

/** A CLI input error (unknown id, malformed flag or file), with an exit code when not 2. */
export class CliError extends DomainError {
  readonly exitCode: number
  constructor(message: string, exitCode = 2) {
    super('invalid', message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/** The exit code of a DomainError. */
export function exitCodeOf(err: DomainError): number {
  return err instanceof CliError ? err.exitCode : EXIT_CODE[err.code]
}
