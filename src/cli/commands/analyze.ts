import type { Command } from '@commander-js/extra-typings'
import type { NegotiationAnalysis, OutcomeSpace, Solution } from '../../domain/negotiation/index.js'
import {
  analysisJson,
  analyzeNegotiation,
  bidOf,
  buildSmaPackageSpace,
  NegotiationInputError,
  smaAnalysisJson,
  smaAnalysisSetupSchema,
} from '../../domain/negotiation/index.js'
import { readFile } from 'node:fs/promises'
import { CliError } from '../cli-error.js'
import { loadRecord, recordContext, resolveAgreement } from '../record-context.js'
import {
  formatPair,
  formatTable,
  loadScenario,
  positiveInt,
  scenarioFormat,
} from '../negotiation-scenario.js'

/** Outcome counts above which a progress line goes to stderr. */
const PROGRESS_THRESHOLD = 1_000_000

/** The JSON contract of `sma analyze --json` (moved to the domain; re-exported here). */
export { analysisJson }

function bidText(space: OutcomeSpace, outcome: number): string {
  return Object.values(bidOf(space, outcome)).map(String).join(', ')
}

function summary(
  space: OutcomeSpace,
  a: NegotiationAnalysis,
  names: readonly [string, string],
): string {
  const sol = (label: string, s: Solution | null): string[] =>
    s === null
      ? [label, '—', 'no rational outcome', '']
      : [
          label,
          formatPair(s.utility),
          bidText(space, s.outcome),
          s.ties > 1 ? `${s.ties} tied points` : '',
        ]
  const head =
    `domain ${space.name}: ${space.issues.length} issues, ${a.outcomes} outcomes\n` +
    `A = ${names[0]}, B = ${names[1]}; reservation values ${formatPair(a.reservation)}\n` +
    `Pareto frontier: ${a.frontier.points.length} distinct points, ${a.frontier.outcomeCount} outcomes (duplicates counted)\n` +
    `ZOPA: ${a.zopa.outcomes} outcomes (${(a.zopa.fraction * 100).toFixed(1)} %), ${a.zopa.frontierPoints} frontier points\n` +
    `opposition: ${a.opposition === null ? '—' : a.opposition.toFixed(4)}\n\n`
  const table = formatTable(
    ['solution', '(u_A, u_B)', 'bid', 'ties'],
    [
      sol('nash', a.nash),
      sol('kalaiSmorodinsky', a.kalaiSmorodinsky),
      sol('equalUtility', a.equalUtility),
      sol('egalitarian', a.egalitarian),
      sol('maxWelfare', a.maxWelfare),
    ],
  )
  const shown = a.frontier.points.length <= 30
  const frontier = shown
    ? '\nfrontier (ascending u_A):\n' +
      formatTable(
        ['(u_A, u_B)', 'outcomes', 'bid'],
        a.frontier.points.map((p) => [
          formatPair(p.utility),
          String(p.count),
          bidText(space, p.outcome),
        ]),
      )
    : `\n(frontier has ${a.frontier.points.length} points; use --json to list them)\n`
  return head + table + frontier
}

/** `sma analyze --genius|--geniusweb <domain> <profileA> <profileB> [--json]`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'Pareto frontier, bargaining solutions (nash, kalaiSmorodinsky, equalUtility, egalitarian, maxWelfare), ZOPA and opposition of a two-party scenario',
    )
    .argument('[files...]', 'domain file, profile of party A, profile of party B')
    .option(
      '--sma <setup.json>',
      'an SMA package space (sma-desk/sma-analysis@1) priced by the agreement engine',
    )
    .option('--genius', 'files are GENIUS XML (GENIUS 10.4 semantics)')
    .option('--geniusweb', 'files are GeniusWeb JSON')
    .option('--real-steps <n>', 'values per GENIUS real issue (default 11)')
    .option('--json', 'print the analysis as JSON')
    .action(async (files, opts) => {
      if (opts.sma !== undefined) {
        await analyzeSma(opts.sma, opts.json === true)
        return
      }
      const format = scenarioFormat(opts)
      const realSteps =
        opts.realSteps === undefined ? undefined : positiveInt(opts.realSteps, '--real-steps')
      const { space, profiles } = await loadScenario(format, files, realSteps)
      const big = space.size >= PROGRESS_THRESHOLD
      const t0 = performance.now()
      if (big) process.stderr.write(`analyzing ${space.size.toLocaleString('en')} outcomes…\n`)
      const { analysis } = analyzeNegotiation(space, profiles)
      if (big) process.stderr.write(`done in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`)
      const names: [string, string] = [profiles[0].name, profiles[1].name]
      process.stdout.write(
        opts.json === true
          ? JSON.stringify(analysisJson(space, analysis, names), null, 2) + '\n'
          : summary(space, analysis, names),
      )
    })
}

/** `sma analyze --sma setup.json`: packages of SMA levers priced exactly by the agreement engine. */
async function analyzeSma(path: string, json: boolean): Promise<void> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = smaAnalysisSetupSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CliError(
      `malformed SMA analysis setup ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    )
  }
  const record = loadRecord()
  const base = resolveAgreement(record, parsed.data.baseAgreement)
  let built
  try {
    built = buildSmaPackageSpace(parsed.data, base, recordContext(record, []))
  } catch (err) {
    if (err instanceof NegotiationInputError) throw new CliError(`${path}: ${err.message}`)
    throw err
  }
  const [a, b] = built.profiles
  if (!a || !b) throw new CliError(`${path}: two parties are needed`)
  const { analysis } = analyzeNegotiation(built.space, [a, b])
  const names: [string, string] = [a.name, b.name]
  if (json) {
    process.stdout.write(
      JSON.stringify(smaAnalysisJson(parsed.data, built, analysis, names), null, 2) + '\n',
    )
    return
  }
  process.stdout.write(
    `${parsed.data.baseAgreement} packages, amounts as ${parsed.data.measure} (won); ` +
      `utilities: ${names[0]} ${built.profiles[0]?.whose ?? ''}, ${names[1]} ${built.profiles[1]?.whose ?? ''}\n` +
      summary(built.space, analysis, names),
  )
}
