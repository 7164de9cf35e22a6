import { Command, CommanderError } from '@commander-js/extra-typings'
import { z } from 'zod'
import { DomainError } from '../domain/errors.js'
import { langSetting } from '../config.js'
import { cliLanguage, errorLine, exitCodeOf } from './cli-error.js'
import { commands } from './commands/index.js'
import { usageErrorKo } from './usage-error.js'

/**
 * Builds the `sma` program with the commands named (default: every command, for help and
 * suggestions) and the language of its usage errors; exported so tests can run commands
 * in-process.
 */
export async function buildProgram(
  names: readonly string[] = Object.keys(commands),
  lang: 'ko' | 'en' = 'en',
): Promise<Command> {
  const program = new Command('sma')
    .description('SMA Desk: defense cost-sharing agreements as exact, explainable rules')
    .version('0.1.0')
    // a command's flags belong to it: `sma project backtest --scenario X` is backtest's --scenario
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      // set before the commands are added: each subcommand copies the root's output settings
      outputError: (str, write) => {
        const ko = lang === 'ko' ? usageErrorKo(str) : undefined
        write(ko === undefined ? str : `sma: ${ko}\n`)
      },
    })
  for (const name of names) {
    const load = commands[name]
    if (load) (await load())(program)
  }
  return program
}

/**
 * The commands a command line needs: the one it names (the first word that is not an option;
 * `sma` has no global option taking a value), none for `--version` alone, all otherwise (help,
 * an unknown command and its suggestions).
 */
function commandsFor(argv: readonly string[]): readonly string[] {
  const first = argv.find((a) => !a.startsWith('-'))
  if (first !== undefined && Object.hasOwn(commands, first)) return [first]
  if (first === undefined && argv.some((a) => a === '-V' || a === '--version')) return []
  return Object.keys(commands)
}

/**
 * Runs the CLI: a usage error or a DomainError → one line on stderr (in Korean with `--lang ko`
 * or SMA_LANG=ko) and its exit code; never a stack trace.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const lang = cliLanguage(argv, { SMA_LANG: langSetting() })
  const program = await buildProgram(commandsFor(argv), lang)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0
      // commander already printed its one-line message
      return 2
    }
    if (err instanceof DomainError) {
      process.stderr.write(`sma: ${errorLine(err, lang)}\n`)
      return exitCodeOf(err)
    }
    // a bug: its own English is all there is to report, quoted after the Korean
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(
      lang === 'ko'
        ? `sma: 내부 오류가 발생했습니다("${message}").\n`
        : `sma: internal error: ${message}\n`,
    )
    return 1
  }
}

const isEntry =
  process.argv[1] !== undefined && /(?:cli[\\/]main\.[jt]s|sma(?:\.mjs)?)$/.test(process.argv[1])
if (isEntry) {
  // A CLI run parses each schema a few times: zod's generated fast paths cost more to compile
  // than they save (the shipped record validates in about half the time without them).
  z.config({ jitless: true })
  // A reader that stops early (`sma sources | head`) closes the pipe: stop quietly, as Unix
  // tools do, instead of Node's unhandled EPIPE stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    process.exit(process.exitCode ?? 0)
  })
  process.exitCode = await run(process.argv.slice(2))
}
