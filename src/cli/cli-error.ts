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

/**
 * A CLI input error (unknown id, malformed flag or file), with an exit code when not 2 and the
 * Korean of the message where one is given (a server's `detailKo`, for instance).
 */
export class CliError extends DomainError {
  readonly exitCode: number
  constructor(message: string, exitCode = 2, ko?: string) {
    super('invalid', message, ko === undefined ? {} : { ko })
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/** The exit code of a DomainError. */
export function exitCodeOf(err: DomainError): number {
  return err instanceof CliError ? err.exitCode : EXIT_CODE[err.code]
}

/**
 * The language of the CLI's error line: Korean when the command line asks for it (`--lang ko`,
 * as explain, brief, export and sources take) or SMA_LANG=ko says so for every command.
 * @example cliLanguage(['explain', 'rok-us-sma-12', '2027', '--lang', 'ko'], {}) // 'ko'
 */
export function cliLanguage(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): 'ko' | 'en' {
  const i = argv.indexOf('--lang')
  if ((i >= 0 && argv[i + 1] === 'ko') || argv.includes('--lang=ko')) return 'ko'
  if (i >= 0 || argv.some((a) => a.startsWith('--lang='))) return 'en'
  return env.SMA_LANG?.toLowerCase().startsWith('ko') === true ? 'ko' : 'en'
}

/** The one line a DomainError prints: its Korean text for a Korean reader when it has one. */
export function errorLine(err: DomainError, lang: 'ko' | 'en'): string {
  const text = lang === 'ko' && err.extra.ko !== undefined ? err.extra.ko : err.message
  return text.split('\n')[0] ?? ''
}
