/**
 * View model of the bargaining-analysis page: the new-analysis form's defaults and the setup it
 * sends, the utility plane's chart option and the texts of utilities and packages. No React here.
 */
import type { Translate } from '../../i18n/keys'
import type { EChartsCoreOption } from 'echarts/core'
import type {
  AnalysisInput,
  AnalysisResult,
  SimulationInput,
  SimulationResult,
} from '../../../../src/contracts/analyses.js'
import { NAMED_STRATEGIES } from '../../../../src/domain/bargaining/negotiator-spec.js'
import { textIn, type Delegation } from '../../../../src/domain/index.js'
import { formatMoney, type Lang } from '../../i18n/format'
import { wonOfText } from '../../ui/money-text'

export type Setup = AnalysisInput['setup']
export type Lever = Setup['issues'][number]['lever']
export type Measure = NonNullable<Setup['measure']>
export type Strategy = SimulationInput['strategyA']
export const STRATEGIES: readonly Strategy[] = NAMED_STRATEGIES
export const LEVERS: readonly Lever[] = ['firstYearIncreasePct', 'capPct', 'termYears', 'series']
export const SOLUTIONS = [
  'nash',
  'kalaiSmorodinsky',
  'equalUtility',
  'egalitarian',
  'maxWelfare',
] as const
export type SolutionKey = (typeof SOLUTIONS)[number]

/** Defaults like fixtures/sma-analysis/sma12-kr-view.json, seen from the viewer's party. */
export const DEFAULT_VALUES: Readonly<Record<Lever, string>> = {
  firstYearIncreasePct: '3.0, 5.0, 8.3, 13.9',
  capPct: '3, 5, none',
  termYears: '3, 5',
  series: 'KR_CPI, KR_DEFENSE_BUDGET',
}
export const DEFAULT_ASSUMPTIONS = [
  ...[2026, 2027, 2028, 2029, 2030, 2031].map((y) => `KR_CPI:${y}=2.0`),
  ...[2027, 2028, 2029, 2030].map((y) => `KR_DEFENSE_BUDGET:${y}=4.0`),
].join('\n')

export interface PartyForm {
  readonly costWeight: string
  readonly reservation: string
  /**
   * The no-deal value in won per year as typed ("1조 6천억"): for our side our saved reservation
   * value, for the other side our estimate of theirs. When given it sets the reservation line
   * (the reservation utility is then left out: the API would let it win).
   */
  readonly noDealPerYear: string
  readonly priorities: Readonly<Record<Lever, { readonly weight: string; readonly scores: string }>>
}

export function defaultParty(p: Delegation): PartyForm {
  const none = { weight: '', scores: '' }
  const priorities = { firstYearIncreasePct: none, capPct: none, termYears: none, series: none }
  return p === 'KR'
    ? {
        costWeight: '1',
        reservation: '0.25',
        noDealPerYear: '',
        priorities: {
          ...priorities,
          termYears: { weight: '0.3', scores: '0, 1' },
          series: { weight: '0.4', scores: '1, 0' },
        },
      }
    : {
        costWeight: '1',
        reservation: '0.2',
        noDealPerYear: '',
        priorities: { ...priorities, termYears: { weight: '0.2', scores: '1, 0' } },
      }
}

/** Comma-separated values, trimmed, empties dropped. */
export const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

export interface SetupForm {
  readonly base: string
  readonly viewpoint: Delegation
  readonly measure: Measure
  readonly levers: Readonly<Record<Lever, { readonly on: boolean; readonly values: string }>>
  readonly assumptions: string
  readonly parties: Readonly<Record<Delegation, PartyForm>>
}

/** The levers switched on that have at least one value. */
export function includedLevers(f: Pick<SetupForm, 'levers'>): Lever[] {
  return LEVERS.filter((l) => f.levers[l].on && list(f.levers[l].values).length > 0)
}

/** The analysis setup the form describes (the API checks it against its contract). */
export function setupOf(f: SetupForm): Setup {
  const included = includedLevers(f)
  const partyOf = (p: Delegation): Setup['parties'][number] => {
    const pf = f.parties[p]
    const priorities: Partial<Record<Lever, { weight: number; scores: number[] }>> = {}
    for (const l of included) {
      const w = Number(pf.priorities[l].weight)
      if (pf.priorities[l].weight.trim() === '' || !Number.isFinite(w)) continue
      priorities[l] = { weight: w, scores: list(pf.priorities[l].scores).map(Number) }
    }
    const reservation = Number(pf.reservation)
    const noDeal = wonOfText(pf.noDealPerYear)
    return {
      party: p,
      costWeight: Number(pf.costWeight) || 0,
      priorities,
      ...(typeof noDeal === 'string'
        ? { noDealPerYear: noDeal }
        : pf.reservation.trim() === '' || !Number.isFinite(reservation)
          ? {}
          : { reservation }),
    }
  }
  return {
    schema: 'sma-desk/sma-analysis@1',
    baseAgreement: f.base,
    viewpoint: f.viewpoint,
    measure: f.measure,
    assumptions: f.assumptions
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    issues: included.map((l) => ({ lever: l, values: list(f.levers[l].values) })),
    parties: [partyOf('KR'), partyOf('US')],
  }
}

/** The body of a simulation from the panel's inputs (rounds 1–2,000, seed ≥ 0, whole numbers). */
export function simulationInput(
  strategyA: Strategy,
  strategyB: Strategy,
  rounds: string,
  seed: string,
): SimulationInput {
  return {
    strategyA,
    strategyB,
    rounds: Math.min(2000, Math.max(1, Math.trunc(Number(rounds)) || 1)),
    seed: Math.max(0, Math.trunc(Number(seed)) || 0),
  }
}

/** A profile name of the result ("KR"/"US") as a delegation. */
export const asDelegation = (name: string | undefined): Delegation => (name === 'US' ? 'US' : 'KR')

/** Utilities as "0.812 / 0.455". */
export const utilitiesText = (u: readonly number[]): string =>
  u.map((x) => x.toFixed(3)).join(' / ')

/** A package's values as "8.3 · 5 · 5 · KR_CPI". */
export const bidText = (bid: Readonly<Record<string, string | number>>): string =>
  Object.values(bid).map(String).join(' · ')

/** Escapes text for ECharts' HTML tooltips (proposal titles are user input). */
export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Axis bounds: [0, 1] unless a proposal lies outside the space's range (utilities unclamped). */
export function bounds(values: readonly number[]): { min: number; max: number } {
  const lo = Math.min(0, ...values)
  const hi = Math.max(1, ...values)
  return { min: Math.floor(lo * 10) / 10, max: Math.ceil(hi * 10) / 10 }
}

type Proposal = NonNullable<AnalysisResult['proposals']>[number]

function proposalTip(p: Proposal, t: Translate, lang: Lang): string {
  return [
    `<b>${esc(textIn(p.title, lang))}</b>`,
    p.roundNumber === null
      ? p.tabledAt === null
        ? esc(t('analysis.draft'))
        : ''
      : esc(t('analysis.roundN', { n: p.roundNumber })),
    esc(formatMoney(p.amount, 'KRW', lang)),
    utilitiesText(p.utility),
  ]
    .filter((line) => line !== '')
    .join('<br>')
}

/** Series for the proposals on the plane and a simulation's offer paths and agreement. */
function extraSeries(r: AnalysisResult, sim: SimulationResult | null, t: Translate, lang: Lang) {
  const proposals = r.proposals ?? []
  const extra: object[] = []
  if (proposals.length > 0) {
    extra.push({
      name: t('analysis.proposals'),
      type: 'line',
      symbol: 'rect',
      symbolSize: 10,
      itemStyle: { color: '#b45309' },
      lineStyle: { width: 2 },
      label: {
        show: true,
        position: 'top',
        fontSize: 11,
        formatter: (p: { dataIndex: number }) => String(p.dataIndex + 1),
      },
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const item = proposals[p.dataIndex]
          return item === undefined ? '' : proposalTip(item, t, lang)
        },
      },
      data: proposals.map((p) => ({ name: textIn(p.title, lang), value: [...p.utility] })),
    })
  }
  if (sim === null) return extra
  sim.offers.forEach((pts, i) => {
    extra.push({
      name: t('analysis.sim.offersOf', { party: t(`partyAdj.${asDelegation(r.profiles[i])}`) }),
      type: 'line',
      symbolSize: 4,
      lineStyle: { width: 1 },
      data: pts.map((p) => [...p]),
    })
  })
  if (sim.agreement !== null) {
    extra.push({
      name: t('analysis.sim.agreement'),
      type: 'scatter',
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: '#15803d' },
      label: { show: true, formatter: '{a}', position: 'left', fontSize: 11 },
      data: [[...sim.agreement.utility]],
    })
  }
  return extra
}

/**
 * The utility plane: every package, the Pareto frontier with both reservation lines, the
 * bargaining solutions, the proposals in order and a simulation's offers. The viewer's own
 * utility is named as such; the other side's is "our estimate".
 */
export function planeOption(
  r: AnalysisResult,
  party: Delegation,
  sim: SimulationResult | null,
  t: Translate,
  lang: Lang,
): EChartsCoreOption {
  const a = asDelegation(r.profiles[0])
  const b = asDelegation(r.profiles[1])
  const axisName = (p: Delegation): string =>
    p === party
      ? t('analysis.axisOwn', { party: t(`partyAdj.${p}`) })
      : t('analysis.axisEstimate', { party: t(`partyAdj.${p}`) })
  const solutions = SOLUTIONS.flatMap((k) => {
    const s = r[k]
    return s === null ? [] : [{ name: t(`analysis.solution.${k}`), value: [...s.utility] }]
  })
  const proposals = r.proposals ?? []
  const axis = (name: string, values: readonly number[], nameGap: number) => ({
    type: 'value',
    ...bounds(values),
    name,
    nameLocation: 'middle',
    nameGap,
  })
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 56, bottom: 56 },
    legend: { top: 0 },
    tooltip: { trigger: 'item' },
    xAxis: axis(
      axisName(a),
      proposals.map((p) => p.utility[0] ?? 0),
      32,
    ),
    yAxis: axis(
      axisName(b),
      proposals.map((p) => p.utility[1] ?? 0),
      44,
    ),
    series: [
      {
        name: t('analysis.outcomes'),
        type: 'scatter',
        symbolSize: 5,
        itemStyle: { color: '#9aa0a6' },
        data: (r.cloud ?? []).map((p) => [...p]),
      },
      {
        name: t('analysis.frontier'),
        type: 'line',
        symbolSize: 6,
        data: r.frontier.map((p) => [...p.utility]),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          label: { formatter: '{b}' },
          data: [
            {
              name: t('analysis.reservationOf', { party: t(`partyAdj.${a}`) }),
              xAxis: r.reservation[0],
            },
            {
              name: t('analysis.reservationOf', { party: t(`partyAdj.${b}`) }),
              yAxis: r.reservation[1],
            },
          ],
        },
      },
      {
        name: t('analysis.solutions'),
        type: 'scatter',
        symbolSize: 11,
        label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
        data: solutions,
      },
      ...extraSeries(r, sim, t, lang),
    ],
  }
}
