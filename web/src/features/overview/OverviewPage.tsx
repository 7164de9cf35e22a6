import { useMemo } from 'react'
import { Link } from 'react-router'
import type { AgreementLapse } from '../../../../src/domain/index.js'
import { useRecord } from '../../api/record'
import { daysBetween, formatDate, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { QueryStatus } from '../../ui/Status'
import { useNegotiationDetails, useNegotiations } from '../negotiations/api'
import { deadlineLabel } from '../negotiations/labels'
import { shortLabel } from '../agreement/labels'
import { RecordCheckedUpTo } from '../agreement/RecordCheckedUpTo'
import { AgreementTable } from './AgreementTables'
import { Timeline } from './Timeline'
import { TotalsChart } from './TotalsChart'
import { JapanSupportChart } from '../host-support/JapanSupportChart'
import { deadlineItems, inForceOn, overviewOf, type Overview, type Row } from './view'
import { usePageTitle } from '../../ui/page-title'

export function OverviewPage() {
  const { t } = useLang()
  usePageTitle(t('overview.title'))
  const record = useRecord()
  const snapshot = record.data
  const data = useMemo(() => (snapshot ? overviewOf(snapshot) : null), [snapshot])
  return (
    <div className="overview">
      <h1>{t('overview.title')}</h1>
      <p className="lede">{t('overview.lede')}</p>
      <RecordCheckedUpTo />
      {data ? <OverviewBody data={data} /> : <QueryStatus query={record} what="record" />}
    </div>
  )
}

function OverviewBody({ data }: { readonly data: Overview }) {
  const { t, lang } = useLang()
  const today = todayIso()
  return (
    <>
      <div className="cards">
        <InForceCard data={data} today={today} />
        <DeadlinesCard rows={data.rok} today={today} />
        <LapsesCard lapses={data.lapses} />
      </div>
      <section aria-labelledby="rok-heading">
        <h2 id="rok-heading">{t('overview.rokHeading')}</h2>
        <Timeline rows={data.rok} lapses={data.lapses} today={today} />
        <TotalsChart rows={data.rok} lapses={data.lapses} lang={lang} />
        <AgreementTable kind="rok" rows={data.rok} today={today} />
      </section>
      <section aria-labelledby="jp-heading">
        <h2 id="jp-heading">{t('overview.jpHeading')}</h2>
        <p className="muted">{t('overview.jpNote')}</p>
        <JapanSupportChart />
        <p>
          <Link to="/host-support" data-testid="host-support-link">
            {t('hostSupport.link')}
          </Link>
        </p>
        <AgreementTable kind="jp" rows={data.jp} today={today} />
      </section>
    </>
  )
}

function InForceCard({ data, today }: { readonly data: Overview; readonly today: string }) {
  const { t, lang } = useLang()
  const { current, period, lapse } = inForceOn(data, today)
  return (
    <section className="card" aria-labelledby="inforce-h" data-testid="in-force">
      <h2 id="inforce-h">{t('overview.inForce')}</h2>
      {current && period ? (
        <>
          <p className="big">
            <Link to={`/agreements/${current.id}`}>{current.title[lang]}</Link>
          </p>
          <dl className="facts">
            <dt>{t('agreement.term')}</dt>
            <dd>
              {current.term.firstYear}–{current.term.lastYear}
            </dd>
            <dt>{t('lifecycle.entryIntoForce')}</dt>
            <dd>{formatDate(period.from, lang)}</dd>
            <dt>{t('lifecycle.expiry')}</dt>
            <dd>{formatDate(period.to, lang)}</dd>
            <dt>{t('overview.daysLeft')}</dt>
            <dd data-testid="days-left">
              {t('overview.days', { count: daysBetween(today, period.to) })}
            </dd>
          </dl>
        </>
      ) : (
        <p className="lapse-text">
          {lapse
            ? t('overview.noneInForceSince', { date: formatDate(lapse.from, lang) })
            : t('overview.noneInForce')}
        </p>
      )}
      <p className="muted small">{t('overview.asOf', { date: formatDate(today, lang) })}</p>
    </section>
  )
}

function DeadlinesCard({ rows, today }: { readonly rows: readonly Row[]; readonly today: string }) {
  const { t, lang } = useLang()
  const negotiations = useNegotiations()
  // Every deadline (elections, inaugurations…) of the negotiations still open, not just the next.
  const openIds = (negotiations.data ?? []).filter((n) => n.status === 'open').map((n) => n.id)
  const details = useNegotiationDetails(openIds)
  const items = deadlineItems(
    rows,
    negotiations.data ?? [],
    (id) => details.find((q) => q.data?.negotiation.id === id)?.data?.negotiation.deadlines,
    today,
  )
  return (
    <section className="card" aria-labelledby="deadlines-h" data-testid="deadlines">
      <h2 id="deadlines-h">{t('overview.nextDeadlines')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('overview.noDeadlines')}</p>
      ) : (
        <ul className="deadline-list">
          {items.slice(0, 6).map((d) => {
            const [href, label] =
              d.kind === 'expiry'
                ? [`/agreements/${d.spec.id}`, t('overview.expiryOf', { name: d.spec.title[lang] })]
                : [
                    `/negotiations/${d.negotiation.id}`,
                    `${deadlineLabel(d.deadline, t, lang)} (${d.negotiation.title[lang]})`,
                  ]
            return (
              <li key={`${d.date}-${href}-${label}`}>
                <time dateTime={d.date}>{formatDate(d.date, lang)}</time>{' '}
                <span className="muted">
                  ({t('overview.inDays', { count: daysBetween(today, d.date) })})
                </span>{' '}
                <Link to={href}>{label}</Link>
              </li>
            )
          })}
        </ul>
      )}
      {negotiations.isError && (
        <p className="muted small">{t('overview.negotiationsUnavailable')}</p>
      )}
    </section>
  )
}

function LapsesCard({ lapses }: { readonly lapses: readonly AgreementLapse[] }) {
  const { t, lang } = useLang()
  return (
    <section className="card" aria-labelledby="lapses-h" data-testid="lapses">
      <h2 id="lapses-h">{t('overview.lapses')}</h2>
      <ul className="lapse-list">
        {lapses.map((l) => (
          <li key={l.from}>
            <strong>
              {formatDate(l.from, lang)} – {formatDate(l.to, lang)}
            </strong>
            : {t('overview.noAgreement')}
            <br />
            <span className="muted small">
              {t('overview.lapseBetween', {
                after: shortLabel(l.after, t),
                before: shortLabel(l.before, t),
              })}
              {l.wholeYears.length > 0 &&
                ` ${t('overview.lapseYears', { years: l.wholeYears.join(', ') })}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
