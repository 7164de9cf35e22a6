import { useMemo, useState } from 'react'
import type {
  AnalysisResult,
  AnalysisView,
  SimulationResult,
} from '../../../../src/contracts/analyses.js'
import { textIn, type Delegation } from '../../../../src/domain/index.js'
import { useRecord } from '../../api/record'
import { formatMoney } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { ErrorBox, Loading } from '../../ui/Status'
import { useAnalysisResult } from './api'
import { SimulatePanel } from './SimulatePanel'
import { planeOption, SOLUTIONS, utilitiesText } from './view'
import { checkReservation, packageWords, roundToStep } from './words'

/** A stored analysis computed: the plane, a simulation, and the tables behind the chart. */
export function ResultView({
  negotiationId,
  analysisId,
  party,
  setup,
}: {
  readonly negotiationId: string
  readonly analysisId: string
  readonly party: Delegation
  readonly setup?: AnalysisView['setup'] | undefined
}) {
  const { t } = useLang()
  const q = useAnalysisResult(negotiationId, analysisId)
  const step = useRoundingStep(setup?.baseAgreement)
  const [sim, setSim] = useState<SimulationResult | null>(null)
  const [simFor, setSimFor] = useState(analysisId)
  if (simFor !== analysisId) {
    // a simulation belongs to the analysis it was run on
    setSimFor(analysisId)
    setSim(null)
  }
  if (q.isPending) return <Loading />
  if (q.isError) return <ErrorBox error={q.error} onRetry={q.refetch} />
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
      <ReservationWarning r={r} party={party} setup={setup} step={step} />
      <UtilityPlane r={r} party={party} sim={sim} />
      <SimulatePanel
        negotiationId={negotiationId}
        analysisId={analysisId}
        profiles={r.profiles}
        sim={sim}
        step={step}
        onResult={setSim}
      />
      <ProposalsTable r={r} step={step} />
      <SolutionsTable r={r} step={step} />
      <FrontierTable r={r} step={step} />
    </section>
  )
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
  const option = useMemo(() => planeOption(r, party, sim, t, lang), [r, party, sim, t, lang])
  return (
    <Chart option={option} label={t('analysis.chartLabel')} height={420} testId="utility-plane" />
  )
}

/** The header of the amount column: yearly average or term total, as the setup measures. */
function useAmountHeader(r: AnalysisResult): string {
  const { t } = useLang()
  return t(`analysis.amount.${r.measure ?? 'average-per-year'}`)
}

/** The proposals on the plane as a table (the chart's numbered points, in order). */
function ProposalsTable({ r, step }: { readonly r: AnalysisResult; readonly step: bigint }) {
  const { t, lang } = useLang()
  const amount = useAmountHeader(r)
  const proposals = r.proposals ?? []
  return (
    <PlainTable
      caption={t('analysis.proposalsTable')}
      testId="analysis-proposals"
      columns={[
        { label: '#' },
        { label: t('analysis.proposal') },
        { label: t('analysis.round') },
        { label: t('analysis.utilities') },
        { label: amount },
      ]}
    >
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
            {textIn(p.title, lang)}
            {p.tabledAt === null && <span className="muted small"> ({t('analysis.draft')})</span>}
          </th>
          <td className="num">{p.roundNumber ?? '—'}</td>
          <td className="num">{utilitiesText(p.utility)}</td>
          <td className="num">
            <Money minor={roundToStep(p.amount, step)} currency="KRW" />
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}

function SolutionsTable({ r, step }: { readonly r: AnalysisResult; readonly step: bigint }) {
  const { t } = useLang()
  const amount = useAmountHeader(r)
  return (
    <PlainTable
      caption={t('analysis.solutions')}
      testId="analysis-solutions"
      columns={[
        { label: t('analysis.solution.name') },
        { label: t('analysis.package') },
        { label: t('analysis.utilities') },
        { label: amount },
      ]}
    >
      {SOLUTIONS.map((k) => {
        const s = r[k]
        return (
          <tr key={k}>
            <th scope="row">{t(`analysis.solution.${k}`)}</th>
            <td>{s === null ? '—' : packageWords(s.bid, t)}</td>
            <td className="num">{s === null ? '—' : utilitiesText(s.utility)}</td>
            <td className="num">
              <Money minor={rounded(s?.amount, step)} currency="KRW" />
            </td>
          </tr>
        )
      })}
    </PlainTable>
  )
}

function FrontierTable({ r, step }: { readonly r: AnalysisResult; readonly step: bigint }) {
  const { t } = useLang()
  const amount = useAmountHeader(r)
  return (
    <PlainTable
      caption={t('analysis.frontierTable')}
      testId="analysis-frontier"
      columns={[
        { label: t('analysis.package') },
        { label: t('analysis.utilities') },
        { label: t('analysis.count') },
        { label: amount },
      ]}
    >
      {r.frontier.map((p) => (
        <tr key={p.utility.join(',')}>
          <td>{packageWords(p.bid, t)}</td>
          <td className="num">{utilitiesText(p.utility)}</td>
          <td className="num">{p.outcomes}</td>
          <td className="num">
            <Money minor={rounded(p.amount, step)} currency="KRW" />
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}

const rounded = (amount: string | null | undefined, step: bigint): string | null =>
  amount === null || amount === undefined ? null : roundToStep(amount, step)

/**
 * The rounding step of the base agreement's yearly amounts (the 12th SMA: ₩100 million): amounts
 * are shown as the rules round them. 1 (exact) until the record is loaded or without a step.
 */
function useRoundingStep(base: string | undefined): bigint {
  const record = useRecord()
  const spec = record.data?.agreements.find((a) => a.id === base)
  const steps = (spec?.rules ?? []).map((r) => ('rounding' in r ? BigInt(r.rounding.step) : 1n))
  return steps.reduce((a, b) => (b > a ? b : a), 1n)
}

/**
 * Our saved reservation value (the setup's no-deal value for our side, won per year) against
 * every bargaining solution: a solution we would pay more for (KR) or receive less from (US) than
 * our reservation value is named, so nobody reads a Nash point as acceptable when it is not.
 */
function ReservationWarning({
  r,
  party,
  setup,
  step,
}: {
  readonly r: AnalysisResult
  readonly party: Delegation
  readonly setup: AnalysisView['setup'] | undefined
  readonly step: bigint
}) {
  const { t, lang } = useLang()
  const own = setup?.parties.find((p) => p.party === party)?.noDealPerYear
  if (setup === undefined || own === undefined || setup.measure !== 'average-per-year') {
    return (
      <p className="muted small" data-testid="reservation-check">
        {t('analysis.noReservationToCheck')}
      </p>
    )
  }
  const outside = SOLUTIONS.filter((k) => checkReservation(r[k]?.amount, own, party) === 'outside')
  const reservation = formatMoney(own.split('.')[0] ?? own, 'KRW', lang)
  if (outside.length === 0) {
    return (
      <p className="muted small" data-testid="reservation-check">
        {t('analysis.allInside', { reservation })}
      </p>
    )
  }
  return (
    <div className="warning-box" role="alert" data-testid="reservation-warning">
      <p>
        <strong>
          {t(party === 'KR' ? 'analysis.aboveReservation' : 'analysis.belowReservation', {
            reservation,
          })}
        </strong>
      </p>
      <ul>
        {outside.map((k) => {
          const s = r[k]
          return (
            <li key={k}>
              {t(`analysis.solution.${k}`)}: {s === null ? '' : packageWords(s.bid, t)} —{' '}
              {formatMoney(rounded(s?.amount, step) ?? '0', 'KRW', lang)}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
