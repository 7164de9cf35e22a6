import type { Command } from '@commander-js/extra-typings'
import type { NegotiatorSpec, SimulationOptions } from '../../domain/bargaining/index.js'
import {
  NegotiationInputError,
  analyzeNegotiation,
  bidOf,
  createRng,
  datedDeadline,
  negotiatorByName,
  prepareSimulation,
  runTournament,
  simulateNegotiation,
} from '../../domain/bargaining/index.js'
import { CliError } from '../cli-error.js'
import * as scenarios from '../negotiation-scenario.js'

const DEFAULT_TOURNAMENT = 'boulware,linear,conceder,hardliner,tit-for-tat'
const DAY_MS = 86_400_000

function negotiator(name: string): NegotiatorSpec {
  try {
    return negotiatorByName(name)
  } catch (err) {
    if (err instanceof NegotiationInputError) throw new CliError(err.message, err.ko)
    throw err
  }
}

function dayNumber(text: string, option: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new CliError(
      `${option} must be a date YYYY-MM-DD (got "${text}")`,
      `"${option}" 값은 "YYYY-MM-DD" 형식의 날짜여야 합니다(입력값: "${text}").`,
    )
  const ms = Date.parse(`${text}T00:00:00Z`)
  if (Number.isNaN(ms))
    throw new CliError(
      `${option} is not a valid date ("${text}")`,
      `"${option}" 값 "${text}"은(는) 존재하지 않는 날짜입니다.`,
    )
  return ms / DAY_MS
}

function isoDay(day: number): string {
  return new Date(Math.round(day * DAY_MS)).toISOString().slice(0, 10)
}

function unitNumber(text: string, option: string): number {
  const x = Number(text)
  if (text.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1)
    throw new CliError(
      `${option} must be a number in [0, 1] (got "${text}")`,
      `"${option}" 값은 0 이상 1 이하의 수여야 합니다(입력값: "${text}").`,
    )
  return x
}

/**
 * `sma simulate --genius|--geniusweb <domain> <A> <B> --strategy-a boulware --strategy-b conceder
 * --rounds 1000 [--seed S] [--json]`, or `--tournament [--strategies ...]` for a summary table.
 */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'Simulate stacked alternating offers with a deadline, or a tournament of strategy pairs',
    )
    .argument('<files...>', 'domain file, profile of party A, profile of party B')
    .option('--genius', 'files are GENIUS XML')
    .option('--geniusweb', 'files are GeniusWeb JSON')
    .option('--real-steps <n>', 'values per GENIUS real issue (default 11)')
    .option(
      '--strategy-a <name>',
      'A: boulware | linear | conceder | time:<e> | hardliner | tit-for-tat[:f], optional +ac-next | +ac-const:<u> | +ac-time:<t>',
      'boulware',
    )
    .option('--strategy-b <name>', 'B: same choices as --strategy-a', 'boulware')
    .option('--rounds <n>', 'deadline in rounds (one offer by each party per round)', '1000')
    .option('--time-limit <t>', 'stop at this normalised time in (0, 1]')
    .option('--seed <s>', 'random seed (integer)', '1')
    .option('--start <date>', 'dated deadline: first round on this date (YYYY-MM-DD)')
    .option('--deadline <date>', 'dated deadline: no deal after this date (YYYY-MM-DD)')
    .option('--round-days <days>', 'dated deadline: days per round', '7')
    .option(
      '--reservation <uA,uB>',
      "each party's no-deal value (utility of no agreement), replacing the files' reservation values",
    )
    .option('--trajectory', 'include every offer in the JSON output')
    .option('--tournament', 'play every ordered pair of --strategies and print a summary table')
    .option(
      '--strategies <list>',
      'comma-separated negotiators for --tournament',
      DEFAULT_TOURNAMENT,
    )
    .option('--repetitions <n>', 'runs per pair in a tournament (seeds seed, seed+1, …)', '1')
    .option('--json', 'print JSON')
    .action(async (files, opts) => {
      const format = scenarios.scenarioFormat(opts)
      const realSteps =
        opts.realSteps === undefined
          ? undefined
          : scenarios.positiveInt(opts.realSteps, '--real-steps')
      let rounds = scenarios.positiveInt(opts.rounds, '--rounds')
      if (!/^-?\d+$/.test(opts.seed))
        throw new CliError(
          `--seed must be an integer (got "${opts.seed}")`,
          `"--seed" 값은 정수여야 합니다(입력값: "${opts.seed}").`,
        )
      const seed = Number(opts.seed)
      const timeLimit =
        opts.timeLimit === undefined ? undefined : unitNumber(opts.timeLimit, '--time-limit')
      if (timeLimit === 0)
        throw new CliError(
          '--time-limit must be greater than 0',
          '"--time-limit" 값은 0보다 커야 합니다.',
        )
      let noDeal: [number, number] | undefined
      if (opts.reservation !== undefined) {
        const parts = opts.reservation.split(',')
        if (parts.length !== 2)
          throw new CliError(
            '--reservation takes two utilities: uA,uB',
            '"--reservation"에는 양측의 유보 효용 두 개를 "uA,uB" 형식으로 지정하십시오.',
          )
        noDeal = [
          unitNumber(parts[0] ?? '', '--reservation'),
          unitNumber(parts[1] ?? '', '--reservation'),
        ]
      }
      const { space, profiles } = await scenarios.loadScenario(format, files, realSteps)
      if (space.size >= 1_000_000)
        process.stderr.write(`preparing ${space.size.toLocaleString('en')} outcomes…\n`)
      const { analysis, utilities } = analyzeNegotiation(space, profiles)
      let reservation = noDeal ?? analysis.reservation
      let dates: SimulationOptions['dates']
      if (opts.start !== undefined || opts.deadline !== undefined) {
        if (opts.start === undefined || opts.deadline === undefined)
          throw new CliError(
            'a dated deadline needs both --start and --deadline',
            '날짜로 정하는 협상 기한에는 "--start"와 "--deadline"을 모두 지정하십시오.',
          )
        const roundDays = Number(opts.roundDays)
        if (!Number.isFinite(roundDays) || roundDays <= 0)
          throw new CliError(
            '--round-days must be a positive number',
            '"--round-days" 값은 0보다 큰 수여야 합니다.',
          )
        try {
          const d = datedDeadline({
            start: dayNumber(opts.start, '--start'),
            deadline: dayNumber(opts.deadline, '--deadline'),
            roundLength: roundDays,
            noDealValues: reservation,
          })
          rounds = d.rounds
          reservation = d.reservation
          dates = d.dates
        } catch (err) {
          if (err instanceof NegotiationInputError) throw new CliError(err.message, err.ko)
          throw err
        }
      }
      const scenario = prepareSimulation(space, utilities, reservation, [
        profiles[0].discountFactor,
        profiles[1].discountFactor,
      ])
      const nash = analysis.nash?.utility ?? null

      if (opts.tournament === true) {
        const names = opts.strategies
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
        const repetitions = scenarios.positiveInt(opts.repetitions, '--repetitions')
        const rows = runTournament(scenario, names.map(negotiator), {
          rounds,
          repetitions,
          seed,
          ...(timeLimit === undefined ? {} : { timeLimit }),
          ...(nash === null ? {} : { reference: nash }),
        })
        if (opts.json === true) {
          process.stdout.write(
            JSON.stringify(
              { outcomes: space.size, rounds, seed, repetitions, nash, reservation, rows },
              null,
              2,
            ) + '\n',
          )
          return
        }
        process.stdout.write(
          `tournament on ${space.name} (${space.size} outcomes), ${rounds} rounds, ${repetitions} run(s) per pair, seed ${seed}\n` +
            `A = ${profiles[0].name}, B = ${profiles[1].name}; Nash ${nash === null ? '—' : scenarios.formatPair(nash)}\n\n` +
            scenarios.formatTable(
              [
                'A strategy',
                'B strategy',
                'agreed',
                'mean round',
                'payoff A',
                'payoff B',
                'welfare',
                'dist. Nash',
              ],
              rows.map((r) => [
                r.a,
                r.b,
                `${(r.agreementRate * 100).toFixed(0)} %`,
                r.meanRound === null ? '—' : r.meanRound.toFixed(1),
                r.meanPayoff[0].toFixed(4),
                r.meanPayoff[1].toFixed(4),
                r.meanWelfare.toFixed(4),
                r.meanDistanceToReference === null ? '—' : r.meanDistanceToReference.toFixed(4),
              ]),
            ),
        )
        return
      }

      const pair: [NegotiatorSpec, NegotiatorSpec] = [
        negotiator(opts.strategyA),
        negotiator(opts.strategyB),
      ]
      const result = simulateNegotiation(scenario, pair, {
        rounds,
        rng: createRng(seed),
        recordOffers: opts.trajectory === true || opts.json !== true,
        ...(timeLimit === undefined ? {} : { timeLimit }),
        ...(dates === undefined ? {} : { dates }),
      })
      const ag = result.agreement
      const distance =
        nash === null ? null : Math.hypot(result.payoff[0] - nash[0], result.payoff[1] - nash[1])
      if (opts.json === true) {
        const out = {
          outcomes: space.size,
          negotiators: [pair[0].name, pair[1].name],
          rounds,
          seed,
          reservation,
          nash,
          agreement:
            ag === null
              ? null
              : {
                  round: ag.round,
                  time: ag.time,
                  acceptedBy: ag.acceptedBy === 0 ? 'A' : 'B',
                  utility: ag.utility,
                  discountedUtility: ag.discountedUtility,
                  bid: bidOf(space, ag.outcome),
                  ...(ag.date === undefined ? {} : { date: isoDay(ag.date) }),
                },
          payoff: result.payoff,
          distanceToNash: distance,
          roundsPlayed: result.roundsPlayed,
          concession: result.concession,
          ...(opts.trajectory === true
            ? {
                offers: result.offers.map((o) => ({
                  round: o.round,
                  party: o.party === 0 ? 'A' : 'B',
                  time: o.time,
                  utility: o.utility,
                  outcome: o.outcome,
                  ...(o.date === undefined ? {} : { date: isoDay(o.date) }),
                })),
              }
            : {}),
        }
        process.stdout.write(JSON.stringify(out, null, 2) + '\n')
        return
      }
      const lines = [
        `${pair[0].name} (A = ${profiles[0].name}) vs ${pair[1].name} (B = ${profiles[1].name}) on ${space.name}: ${space.size} outcomes, deadline ${rounds} rounds, seed ${seed}`,
        ag === null
          ? `no agreement after ${result.roundsPlayed} rounds; payoffs ${scenarios.formatPair(result.payoff)} (reservation values)`
          : `agreement in round ${ag.round + 1} (t = ${ag.time.toFixed(3)}${ag.date === undefined ? '' : `, ${isoDay(ag.date)}`}), accepted by ${ag.acceptedBy === 0 ? 'A' : 'B'}: ${scenarios.formatPair(ag.utility)}, discounted ${scenarios.formatPair(ag.discountedUtility)}`,
        ag === null
          ? ''
          : `bid: ${Object.entries(bidOf(space, ag.outcome))
              .map(([k, v]) => `${k} = ${v}`)
              .join(', ')}`,
        nash === null
          ? ''
          : `Nash point ${scenarios.formatPair(nash)}, distance of the payoff ${distance?.toFixed(4) ?? '—'}`,
        `concession (own utility, first → last offer): A ${result.concession[0].firstUtility.toFixed(4)} → ${result.concession[0].lastUtility.toFixed(4)}, B ${result.concession[1].firstUtility.toFixed(4)} → ${result.concession[1].lastUtility.toFixed(4)}`,
      ]
      const offers = result.offers
      const step = Math.max(1, Math.ceil(offers.length / 12))
      const sample = offers.filter((_, i) => i % step === 0 || i === offers.length - 1)
      const table = scenarios.formatTable(
        ['round', 'party', 't', '(u_A, u_B)'],
        sample.map((o) => [
          String(o.round + 1),
          o.party === 0 ? 'A' : 'B',
          o.time.toFixed(3),
          scenarios.formatPair(o.utility),
        ]),
      )
      process.stdout.write(
        lines.filter((l) => l !== '').join('\n') +
          `\n\noffers${step === 1 ? '' : ` (one in ${step}, and the last)`}:\n` +
          table,
      )
    })
}
