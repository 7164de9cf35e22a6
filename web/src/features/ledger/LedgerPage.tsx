import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { shortProvenance, type AgreementSpec } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { ChartFigure } from '../../ui/Chart'
import { Downloads } from '../../ui/Downloads'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { QueryStatus } from '../../ui/Status'
import { RecordAgreement, useAgreementPageTitle } from '../agreement/RecordAgreement'
import { useLedger } from './api'
import { LedgerDetails } from './LedgerDetails'
import { LedgerNotes } from './LedgerNotes'
import { balanceChartOption, categoryChartOption, hasAny, type LedgerYearView } from './view'
import './ledger.css'

export function LedgerPage() {
  const { id = '' } = useParams()
  const { t } = useLang()
  useAgreementPageTitle(id, t('ledger.title'))
  return (
    <RecordAgreement id={id}>{(_snapshot, spec) => <LedgerView spec={spec} />}</RecordAgreement>
  )
}

const FIELDS = [
  'contribution',
  'allocated',
  'labor',
  'construction',
  'logistics',
  'executed',
  'carriedOverIn',
  'carriedOverOut',
  'lapsed',
] as const
type Field = (typeof FIELDS)[number]

function valueOf(y: LedgerYearView, f: Field): { minor: string | null; key: string } {
  if (f === 'contribution') return { minor: y.contribution, key: 'contribution' }
  if (f === 'allocated') return { minor: y.allocated.total, key: 'allocated.total' }
  if (f === 'labor' || f === 'construction' || f === 'logistics')
    return { minor: y.allocated[f], key: `allocated.${f}` }
  return { minor: y[f], key: f }
}

function LedgerView({ spec }: { readonly spec: AgreementSpec }) {
  const { t, lang } = useLang()
  const ledger = useLedger(spec.id)
  const data = ledger.data
  const charts = useMemo(
    () =>
      data
        ? {
            categories: categoryChartOption(data, lang, t),
            balance: balanceChartOption(data, lang, t),
          }
        : null,
    [data, lang, t],
  )
  return (
    <article className="ledger" data-testid="ledger-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('nav.overview')}</Link> /{' '}
        <Link to={`/agreements/${spec.id}`}>{spec.title[lang]}</Link> /{' '}
        <span>{t('ledger.title')}</span>
      </nav>
      <h1>
        {t('ledger.title')}: {spec.title[lang]}
      </h1>
      <p className="lede">{t('ledger.lede')}</p>
      {!data || !charts ? (
        <QueryStatus query={ledger} what="ledger" />
      ) : (
        <>
          <p data-testid="ledger-coverage">
            {t('ledger.coverage', {
              categories: data.coverage.categoriesComplete.join(', ') || t('ledger.none'),
              execution: data.coverage.executionAndCarryOver.join(', ') || t('ledger.none'),
            })}
          </p>
          <div className="split">
            <ChartFigure
              caption={t('ledger.categoryChart')}
              option={charts.categories}
              label={t('ledger.categoryChart')}
              height={300}
              testId="ledger-category-chart"
            />
            <ChartFigure
              caption={t('ledger.balanceChart')}
              option={charts.balance}
              label={t('ledger.balanceChart')}
              height={300}
              testId="ledger-balance-chart"
            />
          </div>
          {!hasAny(data, (y) => [y.allocated.labor, y.allocated.construction]) && (
            <p className="muted">{t('ledger.noCategories')}</p>
          )}
          <Downloads
            testId="ledger-downloads"
            files={(['csv', 'xlsx'] as const).map((kind) => ({
              kind,
              href: `/api/agreements/${spec.id}/ledger?format=${kind}&lang=${lang}`,
              fileName: `${spec.id}-ledger-${lang}.${kind}`,
            }))}
          />
          <PlainTable
            caption={t('ledger.tableCaption')}
            testId="ledger-table"
            className="ledger-table"
            scrollLabel={t('ledger.tableCaption')}
            columns={[
              { label: t('agreement.year') },
              ...FIELDS.map((f) => ({ label: t(`ledger.field.${f}`), num: true })),
            ]}
          >
            {data.years.map((y) => (
              <tr key={y.year} data-testid={`ledger-year-${y.year}`}>
                <th scope="row">{y.year}</th>
                {FIELDS.map((f) => {
                  const { minor, key } = valueOf(y, f)
                  const prov = y.figures[key]?.provenance
                  return (
                    <td key={f} className="num">
                      {minor === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          <Money minor={minor} currency={data.currency} />
                          {prov !== undefined && (
                            <span className={`prov prov-${prov}`}>
                              {' '}
                              {shortProvenance(prov, lang)}
                            </span>
                          )}
                        </>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </PlainTable>
          <p className="muted small">{t('ledger.contributionNote')}</p>
          <LedgerNotes agreementId={spec.id} years={data.years.map((y) => y.year)} />
          <LedgerDetails ledger={data} />
        </>
      )}
    </article>
  )
}
