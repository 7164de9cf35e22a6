import { useMemo, useState } from 'react'
import type { AnalysisResult, SimulationResult } from '../../../../src/contracts/analyses.js'
import type { Delegation } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { ErrorBox, Loading } from '../../ui/Status'
import { useAnalysisResult } from './api'
import { SimulatePanel } from './SimulatePanel'
import { bidText, planeOption, SOLUTIONS, utilitiesText } from './view'

/** A stored analysis computed: the plane, a simulation, and the tables behind the chart. */
export function ResultView({
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
function ProposalsTable({ r }: { readonly r: AnalysisResult }) {
  const { t } = useLang()
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
            {p.title}
            {p.tabledAt === null && <span className="muted small"> ({t('analysis.draft')})</span>}
          </th>
          <td className="num">{p.roundNumber ?? '—'}</td>
          <td className="num">{utilitiesText(p.utility)}</td>
          <td className="num">
            <Money minor={p.amount} currency="KRW" />
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}

function SolutionsTable({ r }: { readonly r: AnalysisResult }) {
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
            <td>{s === null ? '—' : bidText(s.bid)}</td>
            <td className="num">{s === null ? '—' : utilitiesText(s.utility)}</td>
            <td className="num">
              <Money minor={s?.amount ?? null} currency="KRW" />
            </td>
          </tr>
        )
      })}
    </PlainTable>
  )
}

function FrontierTable({ r }: { readonly r: AnalysisResult }) {
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
          <td>{bidText(p.bid)}</td>
          <td className="num">{utilitiesText(p.utility)}</td>
          <td className="num">{p.outcomes}</td>
          <td className="num">
            <Money minor={p.amount ?? null} currency="KRW" />
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}
