import { Link, useParams, useSearchParams } from 'react-router'
import {
  textIn,
  agreementStatus,
  type AgreementSpec,
  type RecordSnapshot,
} from '../../../../src/domain/index.js'
import { signedSchedule } from '../../lib/record'
import { todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Downloads } from '../../ui/Downloads'
import { Money } from '../../ui/Money'
import { DerivationPanel } from './DerivationPanel'
import { Categories, Lifecycle } from './AgreementFacts'
import { RecordAgreement, useAgreementPageTitle } from './RecordAgreement'
import { ScheduleChart, ScheduleTable } from './Schedule'
import { RecordCheckedUpTo } from './RecordCheckedUpTo'
import { Sources } from './Sources'
import { ruleLines, termTotalMinor } from './view'

export function AgreementPage() {
  const { id = '' } = useParams()
  useAgreementPageTitle(id)
  return (
    <RecordAgreement id={id}>
      {(snapshot, spec) => <AgreementView snapshot={snapshot} spec={spec} />}
    </RecordAgreement>
  )
}

function AgreementView({
  snapshot,
  spec,
}: {
  readonly snapshot: RecordSnapshot
  readonly spec: AgreementSpec
}) {
  const { t, lang } = useLang()
  const [params, setParams] = useSearchParams()
  const schedule = signedSchedule(snapshot, spec)
  const selectedYear = Number(params.get('year') ?? NaN)
  const selected = schedule.years.find((y) => y.year === selectedYear)
  const select = (year: number | null) => {
    const p = new URLSearchParams(params)
    if (year === null) p.delete('year')
    else p.set('year', String(year))
    setParams(p, { replace: true, preventScrollReset: true })
  }
  const status = agreementStatus(spec, todayIso())
  const termTotal = termTotalMinor(spec)

  return (
    <article className="agreement" data-testid="agreement-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('nav.overview')}</Link> / <span>{spec.title[lang]}</span>
      </nav>
      <header className="row-between">
        <div>
          <h1>{spec.title[lang]}</h1>
          <p className="muted">
            {spec.parties.map((p) => t(`partyName.${p.code}`)).join(' · ')} ·{' '}
            {t(spec.term.yearKind === 'jp-fiscal' ? 'agreement.termJfy' : 'agreement.term')}{' '}
            {spec.term.firstYear}–{spec.term.lastYear} · {t(`currency.${schedule.currency}`)} ·{' '}
            <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
          </p>
        </div>
        <div className="header-actions">
          <Link className="button" to={`/agreements/${spec.id}/what-if`} data-testid="what-if-link">
            {t('whatIf.open')}
          </Link>{' '}
          <Link className="button" to={`/agreements/${spec.id}/ledger`} data-testid="ledger-link">
            {t('ledger.open')}
          </Link>{' '}
          <Link
            className="button"
            to={`/projections?agreement=${encodeURIComponent(spec.id)}`}
            data-testid="projections-link"
          >
            {t('projections.fromAgreement')}
          </Link>{' '}
          <Downloads
            testId="brief-download"
            files={[
              {
                kind: 'pdf',
                href: `/api/agreements/${spec.id}/brief.pdf?lang=${lang}`,
                fileName: `${spec.id}-brief-${lang}.pdf`,
                label: t('export.brief'),
              },
            ]}
          />
        </div>
      </header>

      <p className="lede">{spec.description[lang]}</p>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('agreement.rules')}</h2>
        <ul className="rules" data-testid="rules">
          {ruleLines(spec, lang).map((r) => (
            <li key={r.id}>
              {r.text}
              {r.note !== null && <div className="muted small">{r.note}</div>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="schedule-h">
        <div className="row-between">
          <h2 id="schedule-h">{t('agreement.schedule')}</h2>
          <Downloads
            testId="schedule-downloads"
            files={(['csv', 'xlsx'] as const).map((kind) => ({
              kind,
              href: `/api/agreements/${spec.id}/schedule?format=${kind}&lang=${lang}`,
              fileName: `${spec.id}-schedule-${lang}.${kind}`,
            }))}
          />
        </div>
        <div className="split">
          <div>
            <ScheduleTable schedule={schedule} selectedYear={selected?.year} onSelect={select} />
          </div>
          <div>
            <ScheduleChart schedule={schedule} onSelect={select} />
            {termTotal && (
              <p>
                {t('agreement.publishedTermTotal')}:{' '}
                <Money minor={termTotal.minor} currency={termTotal.currency} />{' '}
                <Sources urls={termTotal.sources} max={2} />
              </p>
            )}
          </div>
        </div>
        {selected ? (
          <DerivationPanel
            key={selected.year}
            figure={selected}
            currency={schedule.currency}
            onClose={() => {
              select(null)
            }}
          />
        ) : (
          <p className="muted">{t('agreement.pickYear')}</p>
        )}
      </section>

      <Categories spec={spec} />
      <Lifecycle spec={spec} />

      {spec.openQuestions.length > 0 && (
        <section aria-labelledby="oq-h">
          <h2 id="oq-h">{t('agreement.openQuestions')}</h2>
          <ul>
            {spec.openQuestions.map((q) => (
              <li key={textIn(q, 'en')}>{textIn(q, lang)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="src-h">
        <h2 id="src-h">{t('agreement.sources')}</h2>
        <Sources urls={spec.sources} max={6} />
        <RecordCheckedUpTo />
      </section>
    </article>
  )
}
