/**
 * An error the CLI reports as one line on stderr with exit code 2 (bad input: unknown id,
 * malformed flag, malformed file). Anything else is a bug and exits 1.
 */
export class CliError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 2) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}
