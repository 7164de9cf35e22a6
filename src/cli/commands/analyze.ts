import type { Command } from '@commander-js/extra-typings'
import type { NegotiationAnalysis, OutcomeSpace, Solution } from '../../domain/negotiation/index.js'
import { analyzeNegotiation, bidOf } from '../../domain/negotiation/index.js'
import {
  formatPair,
  formatTable,
  loadScenario,
  positiveInt,
  scenarioFormat,
} from '../negotiation-scenario.js'

/** Outcome counts above which a progress line goes to stderr. */
const PROGRESS_THRESHOLD = 1_000_000

function solutionJson(space: OutcomeSpace, s: Solution | null) {
  if (s === null) return null
  return {
    utility: s.utility,
    bid: bidOf(space, s.outcome),
    outcomes: s.outcomes,
    ties: s.ties,
    tiedWith: s.tiedWith.map((t) => ({ utility: t.utility, bid: bidOf(space, t.outcome) })),
  }
}

/** The JSON contract of `sma analyze --json` (see docs/negotiation-analysis.md). */
export function analysisJson(
  space: OutcomeSpace,
  a: NegotiationAnalysis,
  names: readonly [string, string],
) {
  const at = (p: { utility: readonly [number, number]; outcome: number } | null) =>
    p === null ? null : { utility: p.utility, bid: bidOf(space, p.outcome) }
  return {
    domain: space.name,
    profiles: names,
    issues: space.issues.map((i) => ({
      name: i.name,
      kind: i.kind,
      values: space.sizes[space.issues.indexOf(i)],
    })),
    outcomes: a.outcomes,
    reservation: a.reservation,
    frontier: a.frontier.points.map((p) => ({
      utility: p.utility,
      bid: bidOf(space, p.outcome),
      outcomes: p.count,
    })),
    frontierPoints: a.frontier.points.length,
    frontierOutcomes: a.frontier.outcomeCount,
    nash: solutionJson(space, a.nash),
    kalaiSmorodinsky: solutionJson(space, a.kalaiSmorodinsky),
    equalUtility: solutionJson(space, a.equalUtility),
    egalitarian: solutionJson(space, a.egalitarian),
    maxWelfare: solutionJson(space, a.maxWelfare),
    ideal: a.ideal,
    zopa: {
      outcomes: a.zopa.outcomes,
      fraction: a.zopa.fraction,
      frontierPoints: a.zopa.frontierPoints,
      bestForA: at(a.zopa.bestForA),
      bestForB: at(a.zopa.bestForB),
    },
    opposition: a.opposition,
    tolerance: a.tolerance,
  }
}

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
    .argument('<files...>', 'domain file, profile of party A, profile of party B')
    .option('--genius', 'files are GENIUS XML (GENIUS 10.4 semantics)')
    .option('--geniusweb', 'files are GeniusWeb JSON')
    .option('--real-steps <n>', 'values per GENIUS real issue (default 11)')
    .option('--json', 'print the analysis as JSON')
    .action(async (files, opts) => {
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
