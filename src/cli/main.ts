import { Command, CommanderError } from '@commander-js/extra-typings'
import { DomainError } from '../domain/errors.js'
import { exitCodeOf } from './cli-error.js'
import { commands } from './commands/index.js'

/** Builds the `sma` program; exported so tests can run commands in-process. */
export function buildProgram(): Command {
  const program = new Command('sma')
    .description('SMA Desk: defense cost-sharing agreements as exact, explainable rules')
    .version('0.1.0')
    // a command's flags belong to it: `sma project backtest --scenario X` is backtest's --scenario
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => {
        write(str)
      },
    })
  for (const register of commands) register(program)
  return program
}

/** Runs the CLI: a DomainError → one line on stderr and its exit code; never a stack trace. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram()
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
      process.stderr.write(`sma: ${err.message.split('\n')[0] ?? ''}\n`)
      return exitCodeOf(err)
    }
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(`sma: internal error: ${message}\n`)
    return 1
  }
}

const isEntry = process.argv[1] !== undefined && /(?:main\.ts|sma(?:\.mjs)?)$/.test(process.argv[1])
if (isEntry) {
  process.exitCode = await run(process.argv.slice(2))
}
