import { useId, useMemo, useState, type SyntheticEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { EChartsCoreOption } from 'echarts/core'
import type { SmaAnalysisSetup } from '../../../../src/domain/bargaining/sma-package-space.js'
import { useSession } from '../../api/session'
import { formatDate, formatMoney } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import { ErrorBox, Loading } from '../../ui/Status'
import { useNegotiation } from '../negotiations/api'
import {
  STRATEGIES,
  useAnalyses,
  useAnalysisResult,
  useCreateAnalysis,
  useSimulation,
  type AnalysisResult,
  type SimulationResult,
  type SolutionPoint,
  type Strategy,
} from './api'

type Lever = SmaAnalysisSetup['issues'][number]['lever']
type Delegation = 'KR' | 'US'
const LEVERS: readonly Lever[] = ['firstYearIncreasePct', 'capPct', 'termYears', 'series']
const SOLUTIONS = ['nash', 'kalaiSmorodinsky', 'equalUtility', 'egalitarian', 'maxWelfare'] as const

/** Defaults like fixtures/sma-analysis/sma12-kr-view.json, seen from the viewer's party. */
const DEFAULT_VALUES: Record<Lever, string> = {
  firstYearIncreasePct: '3.0, 5.0, 8.3, 13.9',
  capPct: '3, 5, none',
  termYears: '3, 5',
  series: 'KR_CPI, KR_DEFENSE_BUDGET',
}
const DEFAULT_ASSUMPTIONS = [
  ...[2026, 2027, 2028, 2029, 2030, 2031].map((y) => `KR_CPI:${y}=2.0`),
  ...[2027, 2028, 2029, 2030].map((y) => `KR_DEFENSE_BUDGET:${y}=4.0`),
].join('\n')
interface PartyForm {
  costWeight: string
  reservation: string
  priorities: Record<Lever, { weight: string; scores: string }>
}
const noPriorities = (): PartyForm['priorities'] => ({
  firstYearIncreasePct: { weight: '', scores: '' },
  capPct: { weight: '', scores: '' },
  termYears: { weight: '', scores: '' },
  series: { weight: '', scores: '' },
})
function defaultParty(p: Delegation): PartyForm {
  const priorities = noPriorities()
  if (p === 'KR') {
    priorities.termYears = { weight: '0.3', scores: '0, 1' }
    priorities.series = { weight: '0.4', scores: '1, 0' }
  } else {
    priorities.termYears = { weight: '0.2', scores: '1, 0' }
  }
  return { costWeight: '1', reservation: p === 'KR' ? '0.25' : '0.2', priorities }
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

export function AnalysisPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const session = useSession()
  const user = session.data?.user
  const n = useNegotiation(id)
  const party: Delegation | null = user?.party === 'KR' || user?.party === 'US' ? user.party : null
  const analyses = useAnalyses(id, party !== null)
  const [chosen, setChosen] = useState<string | null>(null)
  const selected = chosen ?? analyses.data?.[analyses.data.length - 1]?.id ?? null
  if (session.isPending || n.isPending) return <Loading />
  if (n.isError) return <ErrorBox error={n.error} />
  if (party === null || user === undefined) {
    return (
      <article data-testid="analysis-page">
        <h1>{t('analysis.title')}</h1>
        <p className="muted">{t('analysis.delegatesOnly')}</p>
      </article>
    )
  }
  const canWrite = user.role !== 'viewer'
  return (
    <article className="analysis" data-testid="analysis-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link> /{' '}
        <Link to={`/negotiations/${id}`}>{n.data.title[lang]}</Link> /{' '}
        <span>{t('analysis.title')}</span>
      </nav>
      <h1>{t('analysis.title')}</h1>
      <section
        className="private-area"
        aria-labelledby="analysis-private-h"
        data-testid="private-area"
        data-party={party}
      >
        <h2 id="analysis-private-h">{t('private.onlyParty', { party: t(`partyAdj.${party}`) })}</h2>
        <h3>{t('analysis.ours')}</h3>
        {analyses.isPending && <Loading />}
        {analyses.isError && <ErrorBox error={analyses.error} />}
        {analyses.data?.length === 0 && <p className="muted">{t('analysis.none')}</p>}
        {analyses.data && analyses.data.length > 0 && (
          <ul className="analyses" data-testid="analyses">
            {analyses.data.map((a) => (
              <li key={a.id} data-testid="analysis-item">
                <button
                  type="button"
                  className={a.id === selected ? 'linkish current' : 'linkish'}
                  aria-pressed={a.id === selected}
                  onClick={() => {
                    setChosen(a.id)
                  }}
                >
                  {a.title}
                </button>{' '}
                <span className="muted small">
                  {a.setup.baseAgreement} · {formatDate(a.updatedAt.slice(0, 10), lang)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {selected !== null && <ResultView negotiationId={id} analysisId={selected} party={party} />}
        {canWrite && (
          <NewAnalysisForm
            negotiationId={id}
            party={party}
            base={n.data.replaces ?? 'rok-us-sma-12'}
            onCreated={setChosen}
          />
        )}
      </section>
    </article>
  )
}

function ResultView({
  negotiationId,
  analysisId,
  party,
}: {
  readonly negotiationId: string
  readonly analysisId: string
  readonly party: Delegation
}) {
  const { t } = useLang()
  const q = useAnalysisResult(negotiationId, analysisId)
  const [sim, setSim] = useState<SimulationResult | null>(null)
  const [simFor, setSimFor] = useState(analysisId)
  if (simFor !== analysisId) {
    // a simulation belongs to the analysis it was run on
    setSimFor(analysisId)
    setSim(null)
  }
  if (q.isPending) return <Loading />
  if (q.isError) return <ErrorBox error={q.error} />
  const r = q.data
  return (
    <section aria-labelledby="analysis-result-h" data-testid="analysis-result">
      <h3 id="analysis-result-h">{t('analysis.plane')}</h3>
      <p className="muted small">
        {t('analysis.summary', {
          outcomes: r.outcomes,
          frontier: r.frontier.length,
          zopa: r.zopa.outcomes,
        })}
      </p>
      <UtilityPlane r={r} party={party} sim={sim} />
      <SimulatePanel
        negotiationId={negotiationId}
        analysisId={analysisId}
        profiles={r.profiles}
        sim={sim}
        onResult={setSim}
      />
      <ProposalsTable r={r} />
      <SolutionsTable r={r} />
      <FrontierTable r={r} />
    </section>
  )
}

/** Escapes text for ECharts' HTML tooltips (proposal titles are user input). */
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Axis bounds: [0, 1] unless a proposal lies outside the space's range (utilities unclamped). */
function bounds(values: readonly number[]): { min: number; max: number } {
  const lo = Math.min(0, ...values)
  const hi = Math.max(1, ...values)
  return { min: Math.floor(lo * 10) / 10, max: Math.ceil(hi * 10) / 10 }
}

function UtilityPlane({
  r,
  party,
  sim,
}: {
  readonly r: AnalysisResult
  readonly party: Delegation
  readonly sim: SimulationResult | null
}) {
  const { t, lang } = useLang()
  const asParty = (name: string): Delegation => (name === 'US' ? 'US' : 'KR')
  const a = asParty(r.profiles[0])
  const b = asParty(r.profiles[1])
  const option = useMemo((): EChartsCoreOption => {
    const axisName = (p: Delegation): string =>
      p === party
        ? t('analysis.axisOwn', { party: t(`partyAdj.${p}`) })
        : t('analysis.axisEstimate', { party: t(`partyAdj.${p}`) })
    const solutions = SOLUTIONS.flatMap((k) => {
      const s = r[k]
      return s === null ? [] : [{ name: t(`analysis.solution.${k}`), value: [...s.utility] }]
    })
    const proposals = r.proposals ?? []
    const x = bounds(proposals.map((p) => p.utility[0]))
    const y = bounds(proposals.map((p) => p.utility[1]))
    const proposalTip = (p: (typeof proposals)[number]): string =>
      [
        `<b>${esc(p.title)}</b>`,
        p.roundNumber === null
          ? p.tabledAt === null
            ? esc(t('analysis.draft'))
            : ''
          : esc(t('analysis.roundN', { n: p.roundNumber })),
        esc(formatMoney(p.amount, 'KRW', lang)),
        p.utility.map((u) => u.toFixed(3)).join(' / '),
      ]
        .filter((line) => line !== '')
        .join('<br>')
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
            return item === undefined ? '' : proposalTip(item)
          },
        },
        data: proposals.map((p) => ({ name: p.title, value: [...p.utility] })),
      })
    }
    if (sim !== null) {
      const [sa, sb] = sim.offers
      const offerSeries = (who: Delegation, pts: readonly (readonly number[])[] | undefined) => ({
        name: t('analysis.sim.offersOf', { party: t(`partyAdj.${who}`) }),
        type: 'line',
        symbolSize: 4,
        lineStyle: { width: 1 },
        data: (pts ?? []).map((p) => [...p]),
      })
      extra.push(offerSeries(a, sa), offerSeries(b, sb))
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
    }
    return {
      animation: false,
      grid: { left: 64, right: 24, top: 56, bottom: 56 },
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        ...x,
        name: axisName(a),
        nameLocation: 'middle',
        nameGap: 32,
      },
      yAxis: {
        type: 'value',
        ...y,
        name: axisName(b),
        nameLocation: 'middle',
        nameGap: 44,
      },
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
        ...extra,
      ],
    }
  }, [r, t, lang, a, b, party, sim])
  return (
    <Chart option={option} label={t('analysis.chartLabel')} height={420} testId="utility-plane" />
  )
}

/** The proposals on the plane as a table (the chart's numbered points, in order). */
function ProposalsTable({ r }: { readonly r: AnalysisResult }) {
  const { t } = useLang()
  const proposals = r.proposals ?? []
  return (
    <div className="table-wrap">
      <table data-testid="analysis-proposals">
        <caption>{t('analysis.proposalsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('analysis.proposal')}</th>
            <th scope="col">{t('analysis.round')}</th>
            <th scope="col">{t('analysis.utilities')}</th>
            <th scope="col">{t(`analysis.amount.${r.measure ?? 'average-per-year'}`)}</th>
          </tr>
        </thead>
        <tbody>
          {proposals.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('analysis.noProposals')}
              </td>
            </tr>
          )}
          {proposals.map((p, i) => (
            <tr key={p.id}>
              <td className="num">{i + 1}</td>
              <th scope="row">
                {p.title}
                {p.tabledAt === null && (
                  <span className="muted small"> ({t('analysis.draft')})</span>
                )}
              </th>
              <td className="num">{p.roundNumber ?? '—'}</td>
              <td className="num">{p.utility.map((u) => u.toFixed(3)).join(' / ')}</td>
              <td className="num">
                <Money minor={p.amount} currency="KRW" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SimulatePanel({
  negotiationId,
  analysisId,
  profiles,
  sim,
  onResult,
}: {
  readonly negotiationId: string
  readonly analysisId: string
  readonly profiles: readonly [string, string]
  readonly sim: SimulationResult | null
  readonly onResult: (s: SimulationResult) => void
}) {
  const { t, lang } = useLang()
  const uid = useId()
  const run = useSimulation(negotiationId, analysisId)
  const [strategyA, setStrategyA] = useState<Strategy>('boulware')
  const [strategyB, setStrategyB] = useState<Strategy>('conceder')
  const [rounds, setRounds] = useState('200')
  const [seed, setSeed] = useState('1')
  const partyOf = (name: string): Delegation => (name === 'US' ? 'US' : 'KR')
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    run.mutate(
      {
        strategyA,
        strategyB,
        rounds: Math.min(2000, Math.max(1, Math.trunc(Number(rounds)) || 1)),
        seed: Math.max(0, Math.trunc(Number(seed)) || 0),
      },
      { onSuccess: onResult },
    )
  }
  const select = (side: 0 | 1, value: Strategy, set: (s: Strategy) => void) => (
    <div className="field">
      <label htmlFor={`${uid}-s${side}`}>
        {t('analysis.sim.strategyOf', {
          party: t(`partyAdj.${partyOf(profiles[side])}`),
        })}
      </label>
      <select
        id={`${uid}-s${side}`}
        value={value}
        onChange={(e) => {
          set(e.target.value as Strategy)
        }}
      >
        {STRATEGIES.map((s) => (
          <option key={s} value={s}>
            {t(`analysis.sim.strategy.${s}`)}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form
      className="analysis-simulate"
      aria-labelledby={`${uid}-h`}
      data-testid="analysis-simulate"
      onSubmit={submit}
    >
      <h4 id={`${uid}-h`}>{t('analysis.sim.title')}</h4>
      <p className="muted small">{t('analysis.sim.hint')}</p>
      {select(0, strategyA, setStrategyA)}
      {select(1, strategyB, setStrategyB)}
      <div className="field">
        <label htmlFor={`${uid}-rounds`}>{t('analysis.sim.rounds')}</label>
        <input
          id={`${uid}-rounds`}
          type="number"
          min={1}
          max={2000}
          step={1}
          required
          value={rounds}
          onChange={(e) => {
            setRounds(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-seed`}>{t('analysis.sim.seed')}</label>
        <input
          id={`${uid}-seed`}
          type="number"
          min={0}
          step={1}
          required
          value={seed}
          onChange={(e) => {
            setSeed(e.target.value)
          }}
        />
      </div>
      <button type="submit" disabled={run.isPending}>
        {t('analysis.sim.run')}
      </button>
      {run.isError && <ErrorBox error={run.error} />}
      {sim !== null && (
        <p role="status" data-testid="simulation-outcome">
          {sim.agreement === null
            ? t('analysis.sim.noAgreement', { rounds: sim.roundsPlayed })
            : t('analysis.sim.agreed', {
                round: sim.agreement.round + 1,
                package: bidText(sim.agreement.bid),
                utilities: sim.agreement.utility.map((u) => u.toFixed(3)).join(' / '),
                amount:
                  sim.agreement.amount === null
                    ? '—'
                    : formatMoney(sim.agreement.amount, 'KRW', lang),
              })}{' '}
          <span className="muted small">
            {t('analysis.sim.offerCounts', {
              a: sim.offerCounts[0] ?? 0,
              b: sim.offerCounts[1] ?? 0,
            })}
          </span>
        </p>
      )}
    </form>
  )
}

const bidText = (bid: Readonly<Record<string, string | number>>): string =>
  Object.values(bid).map(String).join(' · ')

function SolutionsTable({ r }: { readonly r: AnalysisResult }) {
  const { t } = useLang()
  const row = (k: (typeof SOLUTIONS)[number], s: SolutionPoint | null) => (
    <tr key={k}>
      <th scope="row">{t(`analysis.solution.${k}`)}</th>
      <td>{s === null ? '—' : bidText(s.bid)}</td>
      <td className="num">{s === null ? '—' : s.utility.map((u) => u.toFixed(3)).join(' / ')}</td>
      <td className="num">
        <Money minor={s?.amount ?? null} currency="KRW" />
      </td>
    </tr>
  )
  return (
    <div className="table-wrap">
      <table data-testid="analysis-solutions">
        <caption>{t('analysis.solutions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.solution.name')}</th>
            <th scope="col">{t('analysis.package')}</th>
            <th scope="col">{t('analysis.utilities')}</th>
            <th scope="col">{t(`analysis.amount.${r.measure ?? 'average-per-year'}`)}</th>
          </tr>
        </thead>
        <tbody>{SOLUTIONS.map((k) => row(k, r[k]))}</tbody>
      </table>
    </div>
  )
}

function FrontierTable({ r }: { readonly r: AnalysisResult }) {
  const { t } = useLang()
  return (
    <div className="table-wrap">
      <table data-testid="analysis-frontier">
        <caption>{t('analysis.frontierTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.package')}</th>
            <th scope="col">{t('analysis.utilities')}</th>
            <th scope="col">{t('analysis.count')}</th>
            <th scope="col">{t(`analysis.amount.${r.measure ?? 'average-per-year'}`)}</th>
          </tr>
        </thead>
        <tbody>
          {r.frontier.map((p) => (
            <tr key={p.utility.join(',')}>
              <td>{bidText(p.bid)}</td>
              <td className="num">{p.utility.map((u) => u.toFixed(3)).join(' / ')}</td>
              <td className="num">{p.outcomes}</td>
              <td className="num">
                <Money minor={p.amount ?? null} currency="KRW" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function NewAnalysisForm({
  negotiationId,
  party,
  base,
  onCreated,
}: {
  readonly negotiationId: string
  readonly party: Delegation
  readonly base: string
  readonly onCreated: (id: string) => void
}) {
  const { t } = useLang()
  const create = useCreateAnalysis(negotiationId)
  const uid = useId()
  const [title, setTitle] = useState('')
  const [measure, setMeasure] = useState<'average-per-year' | 'total'>('average-per-year')
  const [levers, setLevers] = useState<Record<Lever, { on: boolean; values: string }>>({
    firstYearIncreasePct: { on: true, values: DEFAULT_VALUES.firstYearIncreasePct },
    capPct: { on: true, values: DEFAULT_VALUES.capPct },
    termYears: { on: true, values: DEFAULT_VALUES.termYears },
    series: { on: true, values: DEFAULT_VALUES.series },
  })
  const [assumptions, setAssumptions] = useState(DEFAULT_ASSUMPTIONS)
  const [parties, setParties] = useState<Record<Delegation, PartyForm>>({
    KR: defaultParty('KR'),
    US: defaultParty('US'),
  })
  const included = LEVERS.filter((l) => levers[l].on && list(levers[l].values).length > 0)
  const valid = title.trim() !== '' && included.length > 0

  const setup = (): SmaAnalysisSetup => {
    const partyOf = (p: Delegation): SmaAnalysisSetup['parties'][number] => {
      const f = parties[p]
      const priorities: Partial<Record<Lever, { weight: number; scores: number[] }>> = {}
      for (const l of included) {
        const w = Number(f.priorities[l].weight)
        if (f.priorities[l].weight.trim() === '' || !Number.isFinite(w)) continue
        priorities[l] = { weight: w, scores: list(f.priorities[l].scores).map(Number) }
      }
      const reservation = Number(f.reservation)
      return {
        party: p,
        costWeight: Number(f.costWeight) || 0,
        priorities,
        ...(f.reservation.trim() === '' || !Number.isFinite(reservation) ? {} : { reservation }),
      }
    }
    return {
      schema: 'sma-desk/sma-analysis@1',
      baseAgreement: base,
      viewpoint: party,
      measure,
      assumptions: assumptions
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      issues: included.map((l) => ({ lever: l, values: list(levers[l].values) })),
      parties: [partyOf('KR'), partyOf('US')],
    }
  }
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    create.mutate(
      { title: title.trim(), setup: setup() },
      {
        onSuccess: (d) => {
          setTitle('')
          onCreated(d.analysis.id)
        },
      },
    )
  }
  const setPriority = (p: Delegation, l: Lever, key: 'weight' | 'scores', v: string) => {
    setParties((s) => ({
      ...s,
      [p]: {
        ...s[p],
        priorities: { ...s[p].priorities, [l]: { ...s[p].priorities[l], [key]: v } },
      },
    }))
  }
  return (
    <form className="inline-form analysis-form" onSubmit={submit} aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('analysis.new')}</h3>
      <p className="muted small">{t('analysis.baseIs', { base })}</p>
      <div className="field">
        <label htmlFor={`${uid}-title`}>{t('analysis.analysisTitle')}</label>
        <input
          id={`${uid}-title`}
          value={title}
          required
          onChange={(e) => {
            setTitle(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-measure`}>{t('analysis.measure')}</label>
        <select
          id={`${uid}-measure`}
          value={measure}
          onChange={(e) => {
            setMeasure(e.target.value === 'total' ? 'total' : 'average-per-year')
          }}
        >
          <option value="average-per-year">{t('analysis.amount.average-per-year')}</option>
          <option value="total">{t('analysis.amount.total')}</option>
        </select>
      </div>
      <fieldset>
        <legend>{t('analysis.levers')}</legend>
        {LEVERS.map((l) => (
          <div className="field" key={l}>
            <label>
              <input
                type="checkbox"
                checked={levers[l].on}
                onChange={(e) => {
                  setLevers((s) => ({ ...s, [l]: { ...s[l], on: e.target.checked } }))
                }}
              />{' '}
              {t(`analysis.lever.${l}`)}
            </label>
            <label htmlFor={`${uid}-${l}`} className="visually-hidden">
              {t('analysis.valuesOf', { lever: t(`analysis.lever.${l}`) })}
            </label>
            <input
              id={`${uid}-${l}`}
              value={levers[l].values}
              disabled={!levers[l].on}
              onChange={(e) => {
                setLevers((s) => ({ ...s, [l]: { ...s[l], values: e.target.value } }))
              }}
            />
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-assumptions`}>{t('analysis.assumptions')}</label>
        <textarea
          id={`${uid}-assumptions`}
          rows={4}
          value={assumptions}
          onChange={(e) => {
            setAssumptions(e.target.value)
          }}
        />
      </div>
      {(['KR', 'US'] as const).map((p) => (
        <fieldset key={p}>
          <legend>
            {p === party
              ? t('analysis.axisOwn', { party: t(`partyAdj.${p}`) })
              : t('analysis.axisEstimate', { party: t(`partyAdj.${p}`) })}
          </legend>
          <div className="field">
            <label htmlFor={`${uid}-${p}-cw`}>{t('analysis.costWeight')}</label>
            <input
              id={`${uid}-${p}-cw`}
              inputMode="decimal"
              value={parties[p].costWeight}
              onChange={(e) => {
                setParties((s) => ({ ...s, [p]: { ...s[p], costWeight: e.target.value } }))
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-${p}-res`}>{t('analysis.reservation')}</label>
            <input
              id={`${uid}-${p}-res`}
              inputMode="decimal"
              value={parties[p].reservation}
              onChange={(e) => {
                setParties((s) => ({ ...s, [p]: { ...s[p], reservation: e.target.value } }))
              }}
            />
          </div>
          {included.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`${uid}-${p}-${l}-w`}>
                {t('analysis.weightOf', { lever: t(`analysis.lever.${l}`) })}
              </label>
              <input
                id={`${uid}-${p}-${l}-w`}
                inputMode="decimal"
                value={parties[p].priorities[l].weight}
                onChange={(e) => {
                  setPriority(p, l, 'weight', e.target.value)
                }}
              />
              <label htmlFor={`${uid}-${p}-${l}-s`}>
                {t('analysis.scoresOf', { lever: t(`analysis.lever.${l}`) })}
              </label>
              <input
                id={`${uid}-${p}-${l}-s`}
                value={parties[p].priorities[l].scores}
                onChange={(e) => {
                  setPriority(p, l, 'scores', e.target.value)
                }}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <button type="submit" disabled={!valid || create.isPending}>
        {t('analysis.create')}
      </button>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}
