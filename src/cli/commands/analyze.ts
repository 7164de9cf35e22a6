import type { Command } from '@commander-js/extra-typings'
import type { AnalysisJson } from '../../domain/bargaining/index.js'
import {
  analysisJson,
  analyzeNegotiation,
  buildSmaPackageSpace,
  NegotiationInputError,
  smaAnalysisJson,
  smaAnalysisSetupSchema,
} from '../../domain/bargaining/index.js'
import { readFile } from 'node:fs/promises'
import { apiClient } from '../api-client.js'
import { CliError, unreadableFile } from '../cli-error.js'
import { loadSnapshot, resolveAgreement } from '../record-source.js'
import { evaluationContext } from '../../domain/record/record.js'
import * as scenarios from '../negotiation-scenario.js'

/** Outcome counts above which a progress line goes to stderr. */
const PROGRESS_THRESHOLD = 1_000_000

/** The JSON contract of `sma analyze --json` (moved to the domain; re-exported here). */
export { analysisJson }

/** What the text summary reads: the analysis JSON (local or from the server). */
type SummaryInput = Pick<
  AnalysisJson,
  | 'convention'
  | 'domain'
  | 'issues'
  | 'outcomes'
  | 'reservation'
  | 'frontierPoints'
  | 'frontierOutcomes'
  | 'zopa'
  | 'opposition'
  | 'profiles'
> & {
  readonly frontier: readonly {
    utility: readonly number[]
    outcomes: number
    bid: Readonly<Record<string, unknown>>
  }[]
} & Record<
    'nash' | 'kalaiSmorodinsky' | 'equalUtility' | 'egalitarian' | 'maxWelfare',
    {
      utility: readonly number[]
      bid: Readonly<Record<string, unknown>>
      ties: number
    } | null
  >

const bidText = (bid: Readonly<Record<string, unknown>>): string =>
  Object.values(bid).map(String).join(', ')
const pair = (u: readonly number[]): string => scenarios.formatPair([u[0] ?? 0, u[1] ?? 0])

function summary(j: SummaryInput): string {
  const sol = (label: string, s: SummaryInput['nash']): string[] =>
    s === null
      ? [label, '—', 'no rational outcome', '']
      : [label, pair(s.utility), bidText(s.bid), s.ties > 1 ? `${s.ties} tied points` : '']
  const names = j.profiles
  const head =
    `domain ${j.domain}: ${j.issues.length} issues, ${j.outcomes} outcomes\n` +
    `A = ${names[0]}, B = ${names[1]}; reservation values ${pair(j.reservation)}\n` +
    `Pareto frontier: ${j.frontierPoints} distinct points, ${j.frontierOutcomes} outcomes (duplicates counted)` +
    `${j.convention === 'genius' ? '; GENIUS 10.4 convention (exact floats)' : ''}\n` +
    `ZOPA: ${j.zopa.outcomes} outcomes (${(j.zopa.fraction * 100).toFixed(1)} %), ${j.zopa.frontierPoints} frontier points\n` +
    `opposition: ${j.opposition === null ? '—' : j.opposition.toFixed(4)}\n\n`
  const table = scenarios.formatTable(
    ['solution', '(u_A, u_B)', 'bid', 'ties'],
    [
      sol('nash', j.nash),
      sol('kalaiSmorodinsky', j.kalaiSmorodinsky),
      sol('equalUtility', j.equalUtility),
      sol('egalitarian', j.egalitarian),
      sol('maxWelfare', j.maxWelfare),
    ],
  )
  const shown = j.frontier.length <= 30
  const frontier = shown
    ? '\nfrontier (ascending u_A):\n' +
      scenarios.formatTable(
        ['(u_A, u_B)', 'outcomes', 'bid'],
        j.frontier.map((p) => [pair(p.utility), String(p.outcomes), bidText(p.bid)]),
      )
    : `\n(frontier has ${j.frontier.length} points; use --json to list them)\n`
  return head + table + frontier
}

/** The text summary of an SMA package analysis (local `--sma` or from the server). */
export function smaSummary(
  j: SummaryInput & { measure?: string | undefined; whose?: readonly string[] | undefined },
): string {
  return (
    `${j.domain}, amounts as ${j.measure ?? ''} (won); ` +
    `utilities: ${j.profiles[0]} ${j.whose?.[0] ?? ''}, ${j.profiles[1]} ${j.whose?.[1] ?? ''}\n` +
    summary(j)
  )
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
    .option(
      '--real-steps <n>',
      'values per GENIUS real issue (default 11; 21 with --convention genius)',
    )
    .option(
      '--convention <name>',
      'sma-desk (default: utilities within 1e-12 are equal, solutions among rational outcomes) or genius (GENIUS 10.4 bit for bit)',
    )
    .option(
      '--negotiation <id>',
      "your party's stored analyses of a negotiation on the server (lists them; runs --analysis or the only one)",
    )
    .option('--analysis <aid>', 'with --negotiation: the analysis to run')
    .option('--server <url>', 'with --negotiation: the server (default SMA_SERVER)')
    .option('--token <token>', 'with --negotiation: a personal API token (default SMA_TOKEN)')
    .option('--json', 'print the analysis as JSON')
    .action(async (files, opts) => {
      if (opts.negotiation !== undefined) {
        await analyzeRemote(opts.negotiation, opts)
        return
      }
      if (opts.analysis !== undefined)
        throw new CliError(
          '--analysis needs --negotiation <id>',
          '"--analysis"는 "--negotiation <id>"와 함께 지정하십시오.',
        )
      if (opts.sma !== undefined) {
        await analyzeSma(opts.sma, opts.json === true)
        return
      }
      const format = scenarios.scenarioFormat(opts)
      const realSteps =
        opts.realSteps === undefined
          ? undefined
          : scenarios.positiveInt(opts.realSteps, '--real-steps')
      const convention = scenarios.analysisConvention(opts.convention)
      const { space, profiles } = await scenarios.loadScenario(format, files, realSteps, convention)
      const big = space.size >= PROGRESS_THRESHOLD
      const t0 = performance.now()
      if (big) process.stderr.write(`analyzing ${space.size.toLocaleString('en')} outcomes…\n`)
      const { analysis } = analyzeNegotiation(space, profiles, convention)
      if (big) process.stderr.write(`done in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`)
      const names: [string, string] = [profiles[0].name, profiles[1].name]
      process.stdout.write(
        opts.json === true
          ? JSON.stringify(analysisJson(space, analysis, names), null, 2) + '\n'
          : summary(analysisJson(space, analysis, names)),
      )
    })
}

/** `sma analyze --sma setup.json`: packages of SMA levers priced exactly by the agreement engine. */
async function analyzeSma(path: string, json: boolean): Promise<void> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw unreadableFile(
      `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`,
      path,
      err,
    )
  }
  const parsed = smaAnalysisSetupSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CliError(
      `malformed SMA analysis setup ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      `분석 설정 파일 "${path}"의 형식이 올바르지 않습니다(항목: ${issue?.path.join('.') ?? ''}).`,
    )
  }
  const record = await loadSnapshot({})
  const base = resolveAgreement(record, parsed.data.baseAgreement)
  let built
  try {
    built = buildSmaPackageSpace(parsed.data, base, evaluationContext(record))
  } catch (err) {
    if (err instanceof NegotiationInputError)
      throw new CliError(`${path}: ${err.message}`, `분석 설정 파일 "${path}": ${err.ko}`)
    throw err
  }
  const [a, b] = built.profiles
  if (!a || !b)
    throw new CliError(
      `${path}: two parties are needed`,
      `분석 설정 파일 "${path}": "parties"에는 양측이 모두 있어야 합니다.`,
    )
  const { analysis } = analyzeNegotiation(built.space, [a, b])
  const names: [string, string] = [a.name, b.name]
  const out = smaAnalysisJson(parsed.data, built, analysis, names)
  process.stdout.write(json ? JSON.stringify(out, null, 2) + '\n' : smaSummary(out))
}

interface RemoteAnalysis {
  readonly id: string
  readonly title: string
  readonly ownerParty: string
  readonly updatedAt: string
}

/**
 * `sma analyze --negotiation <id> [--analysis <aid>]`: the caller's party's stored analyses on
 * the server (listed; the chosen or only one computed there, against the server's record).
 */
async function analyzeRemote(
  negotiation: string,
  opts: {
    analysis?: string | undefined
    server?: string | undefined
    token?: string | undefined
    json?: true | undefined
  },
): Promise<void> {
  const api = apiClient({ server: opts.server, token: opts.token })
  const base = `/api/negotiations/${encodeURIComponent(negotiation)}/analyses`
  let id = opts.analysis
  if (id === undefined) {
    const { analyses } = await api.get<{ analyses: RemoteAnalysis[] }>(base)
    if (analyses.length === 0) {
      throw new CliError(
        `no analyses of ${negotiation} visible to you (create one in the web app)`,
        `"${negotiation}" 협상에 조회할 수 있는 분석이 없습니다. 웹 화면에서 분석을 만드십시오.`,
      )
    }
    const only = analyses.length === 1 ? analyses[0] : undefined
    if (only === undefined) {
      process.stdout.write(
        opts.json === true
          ? JSON.stringify({ analyses }, null, 2) + '\n'
          : `${analyses.length} analyses of ${negotiation} (private to your party); run one with --analysis <id>:\n` +
              scenarios.formatTable(
                ['id', 'title', 'party', 'updated'],
                analyses.map((a) => [a.id, a.title, a.ownerParty, a.updatedAt]),
              ),
      )
      return
    }
    id = only.id
  }
  const result = await api.get<
    ReturnType<typeof smaAnalysisJson> & { cloud?: unknown; proposals?: unknown }
  >(`${base}/${encodeURIComponent(id)}/result`)
  // the same JSON as `sma analyze --sma --json` (the utility cloud and the negotiation's
  // proposals placed on the plane are for drawing it)
  const { cloud: _cloud, proposals: _proposals, ...out } = result
  process.stdout.write(opts.json === true ? JSON.stringify(out, null, 2) + '\n' : smaSummary(out))
}
