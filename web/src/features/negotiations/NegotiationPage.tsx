import { Link, useParams } from 'react-router'
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import { useCan, useSession } from '../../api/session'
import { useLang } from '../../i18n/i18n'
import { Downloads } from '../../ui/Downloads'
import { ErrorBox, Loading, QueryStatus } from '../../ui/Status'
import { useNegotiation, useProposals } from './api'
import { lapseText } from './labels'
import { DeadlinesCard, Delegations, EventsLog, LifecycleCard, Rounds } from './NegotiationSections'
import { OtherPartyActs } from './OtherPartyActs'
import { PrivateArea } from './PrivateArea'
import { ProposalCompare } from './ProposalCompare'
import { tabledProposals } from './view'
import { Workspace } from './Workspace'
import { usePageTitle } from '../../ui/page-title'

export function NegotiationPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const q = useNegotiation(id)
  usePageTitle(q.data?.title[lang] ?? t('nav.negotiations'))
  if (q.data) return <NegotiationView n={q.data} />
  return (
    <article>
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link>
      </nav>
      <QueryStatus query={q} what="negotiation" />
    </article>
  )
}

function NegotiationView({ n }: { readonly n: NegotiationDetail }) {
  const { t, lang } = useLang()
  const canAnalyse = useCan('analysis:read')
  const canReadPositions = useCan('position:read')
  const party = useSession().data?.user.party
  const files = [
    ...(['csv', 'xlsx'] as const).map((kind) => ({
      kind,
      href: `/api/negotiations/${n.id}?format=${kind}&lang=${lang}`,
      fileName: `${n.id}-timeline-${lang}.${kind}`,
    })),
    ...(party === 'KR' || party === 'US'
      ? [
          {
            kind: 'pdf' as const,
            href: `/api/negotiations/${n.id}/brief.pdf?lang=${lang}`,
            fileName: `${n.id}-brief-${party}-${lang}.pdf`,
            label: t('export.negotiationBrief'),
          },
        ]
      : []),
  ]
  return (
    <article className="negotiation" data-testid="negotiation-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link> / <span>{n.title[lang]}</span>
      </nav>
      <div className="row-between">
        <h1>{n.title[lang]}</h1>
        <Downloads testId="negotiation-downloads" files={files} />
      </div>
      <p className="muted">
        <span className={`status status-${n.status}`}>{t(`negStatus.${n.status}`)}</span>
        {n.replaces !== null && (
          <>
            {' · '}
            {t('negotiation.replaces')}: <Link to={`/agreements/${n.replaces}`}>{n.replaces}</Link>
          </>
        )}
        {n.successor !== null && (
          <>
            {' · '}
            {t('negotiation.successor')}:{' '}
            <Link to={`/agreements/${n.successor}`}>{n.successor}</Link>
          </>
        )}
      </p>
      {n.lapse && (
        <p className="lapse-text" role="note">
          {n.lapse.ongoing || n.lapse.to === null
            ? lapseText(n.lapse, t, lang)
            : `${t('overview.noAgreement')}: ${lapseText(n.lapse, t, lang)}`}
        </p>
      )}
      <div className="cards">
        <LifecycleCard n={n} />
        <DeadlinesCard n={n} />
      </div>
      <Workspace n={n} />
      <Rounds n={n} />
      <Delegations n={n} />
      <Proposals negotiationId={n.id} />
      <OtherPartyActs n={n} />
      {canAnalyse && (
        <p>
          <Link to={`/negotiations/${n.id}/analysis`} data-testid="analysis-link">
            {t('analysis.link')}
          </Link>
        </p>
      )}
      {canReadPositions && <PrivateArea negotiationId={n.id} replaces={n.replaces} />}
      <EventsLog n={n} />
    </article>
  )
}

/** Proposals tabled between the delegations, side by side (their amounts year by year). */
function Proposals({ negotiationId }: { readonly negotiationId: string }) {
  const { t } = useLang()
  const q = useProposals(negotiationId)
  const loggedIn = Boolean(useSession().data)
  const shared = tabledProposals(q.data ?? [])
  return (
    <section aria-labelledby="props-h">
      <h2 id="props-h">{t('workflow.sideBySide')}</h2>
      <p>
        <Link to={`/negotiations/${negotiationId}/compare`} data-testid="compare-link">
          {t('compare.link')}
        </Link>
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} onRetry={q.refetch} />}
      {q.data && shared.length === 0 && <p className="muted">{t('negotiation.noProposals')}</p>}
      {shared.length > 0 && <ProposalCompare proposals={shared} testId="tabled-proposals" />}
      {!loggedIn && <p className="muted small">{t('negotiation.loginForPrivate')}</p>}
    </section>
  )
}
