import { ConfigError, loadConfig, type Config } from '../config.js'
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
 * A CLI input error (unknown id, malformed flag or file): the English line, the same line in
 * Korean (required: `--lang ko` and SMA_LANG=ko reach every command's errors), and an exit code
 * when not 2. A wrapped error's Korean (a DomainError's `extra.ko`, a server's `detailKo`) is
 * passed through; a system error's English (a file's, a socket's) stays out of the Korean, which
 * names the problem and keeps only the system's code, e.g. (ENOENT).
 */
export class CliError extends DomainError {
  readonly exitCode: number
  constructor(message: string, ko: string, exitCode = 2) {
    super('invalid', message, { ko })
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/**
 * The system's code of a failed file or network operation in parentheses, or nothing: all a
 * Korean line keeps of a system error.
 * @example systemCode(Object.assign(new Error('no such file'), { code: 'ENOENT' })) // '(ENOENT)'
 */
export function systemCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code !== '' ? `(${code})` : ''
}

/**
 * A file the CLI cannot read or parse as JSON: `message` in English (with the system's words),
 * in Korean the file and what failed (not JSON, or the system's code).
 */
export function unreadableFile(message: string, path: string, err: unknown): CliError {
  return new CliError(
    message,
    err instanceof SyntaxError
      ? `"${path}" 파일이 올바른 JSON 형식이 아닙니다.`
      : `"${path}" 파일을 읽을 수 없습니다${systemCode(err)}.`,
  )
}

/** A file the CLI cannot write: the system's English in English, its code in Korean. */
export function unwritableFile(path: string, err: unknown): CliError {
  return new CliError(
    `cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`,
    `"${path}" 파일을 쓸 수 없습니다${systemCode(err)}.`,
  )
}

/**
 * The configuration (loadConfig, from `process.env` unless given) for a CLI command; a bad setting
 * is one line naming it.
 */
export function cliConfig(env?: Readonly<Record<string, string | undefined>>): Config {
  try {
    return loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError)
      throw new CliError(
        err.message,
        `환경 변수 "${err.setting}"의 값이 올바르지 않습니다. ${err.ko}`,
      )
    throw err
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
