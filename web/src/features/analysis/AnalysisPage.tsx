import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { useCan, useSession } from '../../api/session'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ErrorBox, Loading, QueryStatus } from '../../ui/Status'
import { useNegotiation } from '../negotiations/api'
import { useAnalyses } from './api'
import { NewAnalysisForm } from './NewAnalysisForm'
import { ResultView } from './ResultView'
import { asDelegation } from './view'
import { usePageTitle } from '../../ui/page-title'

export function AnalysisPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const session = useSession()
  const user = session.data?.user
  const n = useNegotiation(id)
  usePageTitle(t('analysis.title'), n.data?.title[lang])
  const canRead = useCan('analysis:read')
  const canWrite = useCan('analysis:write')
  const analyses = useAnalyses(id, canRead)
  const [chosen, setChosen] = useState<string | null>(null)
  const selected = chosen ?? analyses.data?.[analyses.data.length - 1]?.id ?? null
  if (session.isPending) return <Loading />
  if (!n.data) return <QueryStatus query={n} what="negotiation" />
  if (!canRead || !user) {
    return (
      <article data-testid="analysis-page">
        <h1>{t('analysis.title')}</h1>
        <p className="muted">{t('analysis.delegatesOnly')}</p>
      </article>
    )
  }
  const party = asDelegation(user.party)
  return (
    <article className="analysis" data-testid="analysis-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link> /{' '}
        <Link to={`/negotiations/${id}`}>{n.data.title[lang]}</Link> /{' '}
        <span>{t('analysis.title')}</span>
      </nav>
      <h1>{t('analysis.title')}</h1>
      <p>
        <Link to={`/negotiations/${id}/compare`}>{t('compare.link')}</Link>
      </p>
      <section
        className="private-area"
        aria-labelledby="analysis-private-h"
        data-testid="private-area"
        data-party={party}
      >
        <h2 id="analysis-private-h">{t('private.onlyParty', { party: t(`partyAdj.${party}`) })}</h2>
        <h3>{t('analysis.ours')}</h3>
        {analyses.isPending && <Loading />}
        {analyses.isError && <ErrorBox error={analyses.error} onRetry={analyses.refetch} />}
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
        {selected !== null && (
          <ResultView
            negotiationId={id}
            analysisId={selected}
            party={party}
            setup={analyses.data?.find((a) => a.id === selected)?.setup}
          />
        )}
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
