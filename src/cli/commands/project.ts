import { Option, type Command } from '@commander-js/extra-typings'
import cliProgress from 'cli-progress'
import { evaluationContext } from '../../domain/record/record.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import {
  DEFAULT_SCENARIO,
  MAX_PATHS,
  MAX_SEED,
  preparePlan,
  shippedScenarios,
  type ProjectionRequest,
  type ProjectionResult,
} from '../../domain/projection/index.js'
import { formatProjection } from '../format-projection.js'
import { ProjectionPool } from '../../services/projections/projection-pool.js'
import {
  resolveCompare,
  projectionRangeError,
  resolveScenario,
  resolveSpec,
  type CompareInput,
} from '../../services/projections/request.js'
import { IN_THREAD_BELOW, runProjection } from '../../services/projections/run-projection.js'
import { CliError } from '../cli-error.js'
import { registerBacktest } from './project-backtest.js'
import { intOption, readJson } from './project-options.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** `--compare` text: an id, a spec .json file, or `defense-budget-rule[:FROM_YEAR]`. */
function compareInput(text: string): CompareInput {
  const m = /^defense-budget-rule(?::(\d{4}))?$/.exec(text)
  if (m)
    return m[1]
      ? { variant: 'defense-budget-rule', fromYear: Number(m[1]) }
      : { variant: 'defense-budget-rule' }
  if (text.endsWith('.json')) return readJson(text, 'agreement') as Record<string, unknown>
  return text
}

/** Progress on stderr: a bar on a TTY, a plain line per quarter otherwise. */
function progressReporter(enabled: boolean): {
  update: (done: number, total: number) => void
  stop: () => void
} {
  if (!enabled) return { update: () => undefined, stop: () => undefined }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'projecting [{bar}] {percentage}% | {value}/{total} paths',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    )
    let started = false
    return {
      update: (done, total) => {
        if (!started) {
          bar.start(total, 0)
          started = true
        }
        bar.update(done)
      },
      stop: () => {
        if (started) bar.stop()
      },
    }
  }
  let nextQuarter = 1
  return {
    update: (done, total) => {
      while (done >= (nextQuarter * total) / 4 && nextQuarter <= 4) {
        process.stderr.write(`projected ${done}/${total} paths\n`)
        nextQuarter++
      }
    },
    stop: () => undefined,
  }
}

/**
 * `sma project <agreement-id-or-spec-file> [--scenario NAME|FILE] [--paths N] [--seed S]
 * [--workers W] [--compare OTHER]... [--json]`: yearly distributions (or exact figures), cap
 * binding, totals and comparisons. Ctrl-C cancels the run.
 */
export function registerProject(program: Command): void {
  const project = program
    .command('project')
    // `project backtest --scenario …`: flags after `backtest` are the subcommand's own
    .enablePositionalOptions()
    .description('project an agreement under a scenario (Monte Carlo or deterministic)')
    .argument('<agreement>', 'agreement id, e.g. rok-us-sma-12, or a path to a spec .json file')
    .option(
      '--scenario <name|file>',
      `shipped scenario (${shippedScenarios()
        .map((s) => s.id)
        .join(', ')}) or a scenario .json file`,
      DEFAULT_SCENARIO,
    )
    .option('--paths <n>', `Monte Carlo paths (1 to ${MAX_PATHS})`, '100000')
    .option('--seed <s>', `random seed (0 to ${MAX_SEED})`, '1')
    .addOption(new Option('--workers <w>', 'worker threads (0: this thread; default: automatic)'))
    .option(
      '--compare <other>',
      'compare with an agreement id, a spec .json file, or defense-budget-rule[:FROM_YEAR] (repeatable)',
      collect,
      [],
    )
    .option('--json', 'machine-readable output (the POST /api/projections JSON)')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (idOrFile, opts) => {
      const result = await projectFromFlags(idOrFile, opts)
      process.stdout.write(
        opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatProjection(result),
      )
    })
  registerBacktest(project)
}

/** The flags of a projection run (`sma project`, `sma export project|compare`). */
export interface ProjectFlags {
  readonly scenario: string
  readonly paths: string
  readonly seed: string
  readonly workers?: string | undefined
  readonly compare: readonly string[]
  readonly progress: boolean
}

/** Runs the projection the flags describe on the shipped record (Ctrl-C cancels it). */
export async function projectFromFlags(
  idOrFile: string,
  opts: ProjectFlags,
): Promise<ProjectionResult> {
  const paths = intOption(opts.paths, '--paths', 1, MAX_PATHS)
  const seed = intOption(opts.seed, '--seed', 0, MAX_SEED)
  const workers =
    opts.workers === undefined ? undefined : intOption(opts.workers, '--workers', 0, 64)
  const record = shippedSnapshot()
  const inputs = evaluationContext(record)
  let req: ProjectionRequest
  let stochastic: boolean
  try {
    const primary = resolveSpec(
      record,
      idOrFile.endsWith('.json') ? readJson(idOrFile, 'agreement') : idOrFile,
    )
    const scenario = resolveScenario(
      opts.scenario.endsWith('.json') ? readJson(opts.scenario, 'scenario') : opts.scenario,
    )
    const others = opts.compare.map((c) => resolveCompare(record, primary, compareInput(c)))
    req = { specs: [primary, ...others], scenario, paths, seed }
    stochastic = preparePlan(req, inputs).stochastic // fails fast on an impossible request
  } catch (e) {
    // ProjectionInputError and ProjectionError are DomainErrors: one line and exit 2 as they are;
    // a RangeError gets the API's Korean (one home for its words)
    if (e instanceof RangeError) throw projectionRangeError(e)
    throw e
  }
  // A one-shot run would start its worker threads cold (thread start, module load and JIT
  // warm-up: 0.1–0.25 s each on a 2-core machine), which no run of at most 1,000,000 paths
  // repays (docs/performance.md): the calling thread runs it, unless --workers asks for threads.
  const pool = workers === undefined || workers === 0 ? undefined : new ProjectionPool(workers)
  const ac = new AbortController()
  const onSigint = (): void => {
    ac.abort()
  }
  process.once('SIGINT', onSigint)
  const progress = progressReporter(opts.progress && stochastic && paths >= IN_THREAD_BELOW)
  try {
    const result = await runProjection(req, inputs, {
      ...(pool ? { pool } : { workers: 0 }),
      signal: ac.signal,
      onProgress: progress.update,
    })
    progress.stop()
    return result
  } catch (e) {
    progress.stop()
    if (e instanceof Error && e.name === 'AbortError')
      throw new CliError('projection cancelled', '전망 계산을 취소했습니다.', 130)
    if (e instanceof RangeError) throw projectionRangeError(e)
    throw e
  } finally {
    process.removeListener('SIGINT', onSigint)
    await pool?.destroy()
  }
}
