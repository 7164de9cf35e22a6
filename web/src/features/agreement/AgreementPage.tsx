import { useMemo } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { createColumnHelper } from '@tanstack/react-table'
import type { EChartsCoreOption } from 'echarts/core'
import {
  agreementStatus,
  toMinorUnits,
  type AgreementSpec,
  type DateFact,
  type Schedule,
  type YearFigure,
} from '../../../../src/domain/index.js'
import { agreementById, signedSchedule } from '../../lib/record'
import { formatDate, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Badge } from '../../ui/Badge'
import { Chart } from '../../ui/Chart'
import { chartUnit } from '../../ui/chart-units'
import { DataTable } from '../../ui/DataTable'
import { Money } from '../../ui/Money'
import { DerivationPanel } from './DerivationPanel'
import { badgeOf } from './labels'
import { describeRule } from './rules'
import { Sources } from './Sources'

export function AgreementPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const spec = agreementById(id)
  const [params, setParams] = useSearchParams()
  const schedule = useMemo(() => (spec ? signedSchedule(spec) : null), [spec])

  if (!spec || !schedule) {
    return (
      <div role="alert">
        <h1>{t('common.notFound')}</h1>
        <Link to="/">{t('nav.overview')}</Link>
      </div>
    )
  }
  const selectedYear = Number(params.get('year') ?? NaN)
  const selected = schedule.years.find((y) => y.year === selectedYear)
  const select = (year: number | null) => {
    const p = new URLSearchParams(params)
    if (year === null) p.delete('year')
    else p.set('year', String(year))
    setParams(p, { replace: true, preventScrollReset: true })
  }
  const status = agreementStatus(spec, todayIso())

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
          <Link
            className="button"
            to={`/projections?agreement=${encodeURIComponent(spec.id)}`}
            data-testid="projections-link"
          >
            {t('projections.fromAgreement')}
          </Link>
        </div>
      </header>

      <p className="lede">{spec.description[lang]}</p>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('agreement.rules')}</h2>
        <ul className="rules" data-testid="rules">
          {spec.rules.map((r) => (
            <li key={r.id}>
              {describeRule(spec, r, t, lang)}
              {r.note && <div className="muted small">{r.note}</div>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="schedule-h">
        <h2 id="schedule-h">{t('agreement.schedule')}</h2>
        <div className="split">
          <div>
            <ScheduleTable
              schedule={schedule}
              selectedYear={selected?.year}
              onSelect={(y) => {
                select(y)
              }}
            />
          </div>
          <div>
            <ScheduleChart schedule={schedule} onSelect={select} />
            {spec.termTotal && (
              <p>
                {t('agreement.publishedTermTotal')}:{' '}
                <Money
                  minor={toMinorUnits(spec.termTotal.amount, spec.termTotal.currency).toString()}
                  currency={spec.termTotal.currency}
                />{' '}
                <Sources urls={spec.termTotal.sources} max={2} />
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
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="src-h">
        <h2 id="src-h">{t('agreement.sources')}</h2>
        <Sources urls={spec.sources} max={6} />
      </section>
    </article>
  )
}

const col = createColumnHelper<YearFigure>()

export function ScheduleTable({
  schedule,
  selectedYear,
  onSelect,
}: {
  readonly schedule: Schedule
  readonly selectedYear: number | undefined
  readonly onSelect: (year: number) => void
}) {
  const { t } = useLang()
  const columns = useMemo(
    () => [
      col.accessor('year', {
        header: t('agreement.year'),
        cell: (c) => (
          <button
            type="button"
            className="linkish"
            onClick={() => {
              onSelect(c.getValue())
            }}
            aria-label={t('agreement.showDerivation', { year: c.getValue() })}
            data-testid={`derive-${c.getValue()}`}
          >
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor((y) => (y.amount === null ? -1 : Number(y.amount)), {
        id: 'amount',
        header: t('agreement.computed'),
        meta: { numeric: true },
        cell: (c) => <Money minor={c.row.original.amount} currency={schedule.currency} />,
      }),
      col.accessor((y) => (y.published === null ? -1 : Number(y.published)), {
        id: 'published',
        header: t('agreement.published'),
        meta: { numeric: true },
        cell: (c) =>
          c.row.original.published === null ? (
            <span className="muted">—</span>
          ) : (
            <Money minor={c.row.original.published} currency={schedule.currency} />
          ),
      }),
      col.accessor((y) => badgeOf(y), {
        id: 'check',
        header: t('agreement.check'),
        cell: (c) => <Badge kind={c.getValue()} />,
      }),
    ],
    [t, schedule.currency, onSelect],
  )
  return (
    <DataTable
      data={schedule.years}
      columns={columns}
      caption={t('agreement.scheduleCaption')}
      getRowId={(y) => String(y.year)}
      selectedRowId={selectedYear === undefined ? undefined : String(selectedYear)}
      rowTestId={(y) => `year-${y.year}`}
      testId="schedule-table"
      sortable={false}
      footer={
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.total')}</th>
            <td className="num" data-testid="schedule-total">
              {schedule.total === null ? (
                <span className="muted">{t('agreement.totalPending')}</span>
              ) : (
                <Money minor={schedule.total} currency={schedule.currency} />
              )}
            </td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      }
    />
  )
}

function ScheduleChart({
  schedule,
  onSelect,
}: {
  readonly schedule: Schedule
  readonly onSelect: (year: number) => void
}) {
  const { t, lang } = useLang()
  const option = useMemo((): EChartsCoreOption => {
    const unit = chartUnit(schedule.currency, lang, t)
    const v = (m: string | null) => (m === null ? null : Number(m) / unit.perUnitMinor)
    return {
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 'center' },
      xAxis: { type: 'category', data: schedule.years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: unit.label, nameTextStyle: { align: 'left' } },
      series: [
        {
          type: 'bar',
          name: t('agreement.computed'),
          data: schedule.years.map((y) => v(y.amount)),
          itemStyle: { color: '#2f6f8f' },
          barMaxWidth: 36,
        },
        {
          type: 'line',
          name: t('agreement.published'),
          data: schedule.years.map((y) => v(y.published)),
          symbol: 'diamond',
          symbolSize: 12,
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#e15759' },
        },
      ],
    }
  }, [schedule, lang, t])
  return (
    <Chart
      option={option}
      label={t('agreement.scheduleChart')}
      height={280}
      testId="schedule-chart"
      onClickCategory={(y) => {
        onSelect(Number(y))
      }}
    />
  )
}

function Categories({ spec }: { readonly spec: AgreementSpec }) {
  const { t } = useLang()
  const cats = spec.categories
  if (!cats) return null
  const currency = spec.currency.kind === 'single' ? spec.currency.code : spec.currency.reporting
  return (
    <section aria-labelledby="cat-h">
      <h2 id="cat-h">{t('agreement.categories')}</h2>
      {cats.amounts.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="categories">
            <caption>{t('agreement.categoriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreement.year')}</th>
                {cats.codes.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`category.${c}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('agreement.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cats.amounts.map((a) => {
                const minor = (v: string | undefined) =>
                  v === undefined ? null : toMinorUnits(v, currency)
                const total = cats.codes.reduce((sum, c) => sum + (minor(a.parts[c]) ?? 0n), 0n)
                return (
                  <tr key={a.year}>
                    <th scope="row">{a.year}</th>
                    {cats.codes.map((c) => {
                      const v = minor(a.parts[c])
                      return (
                        <td key={c} className="num">
                          {v === null ? (
                            <span className="muted">—</span>
                          ) : (
                            <>
                              <Money minor={v.toString()} currency={currency} />
                              {total > 0n && (
                                <div className="muted small">{sharePct(v, total)}</div>
                              )}
                            </>
                          )}
                        </td>
                      )
                    })}
                    <td className="num">
                      <Money minor={total.toString()} currency={currency} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">
          {t('agreement.categoriesUnknown', {
            codes: cats.codes.map((c) => t(`category.${c}`)).join(', '),
          })}
        </p>
      )}
      {cats.notes && <p className="small">{cats.notes}</p>}
    </section>
  )
}

/** A part's share of a total, one decimal, exact (half-up on bigint). */
function sharePct(part: bigint, total: bigint): string {
  const tenths = (part * 2000n + total) / (2n * total)
  return `${tenths / 10n}.${tenths % 10n} %`
}

const LIFECYCLE_STEPS = [
  'negotiatorsAppointed',
  'textAgreed',
  'initialled',
  'signed',
  'approvalHost',
  'approvalStationing',
  'entryIntoForce',
  'expiry',
] as const

function Lifecycle({ spec }: { readonly spec: AgreementSpec }) {
  const { t, lang } = useLang()
  const fact = (k: (typeof LIFECYCLE_STEPS)[number]): DateFact => {
    const l = spec.lifecycle
    if (k === 'approvalHost') return l.approval.host
    if (k === 'approvalStationing') return l.approval.stationing
    return l[k]
  }
  return (
    <section aria-labelledby="life-h">
      <h2 id="life-h">{t('agreement.lifecycle')}</h2>
      <ol className="lifecycle" data-testid="lifecycle">
        {LIFECYCLE_STEPS.map((k) => {
          const f = fact(k)
          return (
            <li key={k} className={`step step-${f.status}`}>
              <span className="step-name">{t(`lifecycle.${k}`)}</span>
              <span className="step-date">
                {f.status === 'known'
                  ? formatDate(f.date, lang)
                  : f.status === 'unknown'
                    ? t('common.unknownDate')
                    : t('common.notApplicable')}
              </span>
              {f.status === 'known' && <Sources urls={f.sources} max={1} />}
              {f.note && <span className="muted small">{f.note}</span>}
            </li>
          )
        })}
      </ol>
      {spec.signatories && (
        <p className="small">
          {t('agreement.signatories')}: {spec.signatories.host}; {spec.signatories.stationing}
        </p>
      )}
    </section>
  )
}
