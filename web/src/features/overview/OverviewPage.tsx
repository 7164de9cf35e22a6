import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { createColumnHelper } from '@tanstack/react-table'
import type { EChartsCoreOption } from 'echarts/core'
import {
  agreementPeriod,
  agreementStatus,
  currentAgreement,
  lapseOn,
  lapses,
  toMinorUnits,
  type AgreementLapse as Lapse,
  type AgreementSpec,
  type DateFact,
  type Schedule,
} from '../../../../src/domain/index.js'
import { record, signedSchedule } from '../../lib/record'
import { useLang } from '../../i18n/i18n'
import {
  daysBetween,
  formatDate,
  formatMoney,
  formatMoneyExact,
  formatNumber,
  todayIso,
  type Lang,
} from '../../i18n/format'
import { Chart } from '../../ui/Chart'
import { DataTable } from '../../ui/DataTable'
import { Money } from '../../ui/Money'
import { useNegotiationDetails, useNegotiations } from '../negotiations/api'
import { deadlineLabel } from '../negotiations/labels'
import { shortLabel } from '../agreement/labels'
import { axisPct, colorOf } from './timeline'

const knownDate = (f: DateFact): string | null => (f.status === 'known' ? f.date : null)

const FIRST = 1991
const LAST = 2030

interface Row {
  readonly spec: AgreementSpec
  readonly schedule: Schedule
  readonly color: string
}

export function OverviewPage() {
  const { t, lang } = useLang()
  const today = todayIso()
  const data = useMemo(() => {
    const all = record().agreements
    const rok = all
      .filter((a) => a.hostNation === 'KR')
      .sort((a, b) => a.term.firstYear - b.term.firstYear)
      .map((spec, i): Row => ({ spec, schedule: signedSchedule(spec), color: colorOf(i) }))
    const jp = all
      .filter((a) => a.hostNation === 'JP')
      .sort((a, b) => a.term.firstYear - b.term.firstYear)
      .map((spec, i): Row => ({ spec, schedule: signedSchedule(spec), color: colorOf(i) }))
    return { rok, jp, lapses: lapses(rok.map((r) => r.spec)) }
  }, [])

  return (
    <div className="overview">
      <h1>{t('overview.title')}</h1>
      <p className="lede">{t('overview.lede')}</p>
      <div className="cards">
        <InForceCard rows={data.rok} lapses={data.lapses} today={today} />
        <DeadlinesCard rows={data.rok} today={today} />
        <LapsesCard lapses={data.lapses} />
      </div>
      <section aria-labelledby="rok-heading">
        <h2 id="rok-heading">{t('overview.rokHeading')}</h2>
        <Timeline rows={data.rok} lapses={data.lapses} today={today} />
        <TotalsChart rows={data.rok} lapses={data.lapses} lang={lang} />
        <RokTable rows={data.rok} today={today} />
      </section>
      <section aria-labelledby="jp-heading">
        <h2 id="jp-heading">{t('overview.jpHeading')}</h2>
        <p className="muted">{t('overview.jpNote')}</p>
        <JapanTable rows={data.jp} today={today} />
      </section>
    </div>
  )
}

function InForceCard({
  rows,
  lapses: ls,
  today,
}: {
  rows: readonly Row[]
  lapses: readonly Lapse[]
  today: string
}) {
  const { t, lang } = useLang()
  const current = currentAgreement(
    rows.map((r) => r.spec),
    today,
  )
  const period = current ? agreementPeriod(current) : null
  const lapse = lapseOn(ls, today)
  return (
    <section className="card" aria-labelledby="inforce-h" data-testid="in-force">
      <h2 id="inforce-h">{t('overview.inForce')}</h2>
      {current ? (
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
            <dd>{period && formatDate(period.from, lang)}</dd>
            <dt>{t('lifecycle.expiry')}</dt>
            <dd>{period && formatDate(period.to, lang)}</dd>
            <dt>{t('overview.daysLeft')}</dt>
            <dd data-testid="days-left">
              {period && t('overview.days', { count: daysBetween(today, period.to) })}
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

function DeadlinesCard({ rows, today }: { rows: readonly Row[]; today: string }) {
  const { t, lang } = useLang()
  const negotiations = useNegotiations()
  // Every deadline (elections, inaugurations…) of the negotiations still open, not just the next.
  const openIds = (negotiations.data ?? []).filter((n) => n.status === 'open').map((n) => n.id)
  const details = useNegotiationDetails(openIds)
  const items: { date: string; label: string; href: string }[] = []
  for (const r of rows) {
    const e = knownDate(r.spec.lifecycle.expiry)
    if (e !== null && e >= today) {
      items.push({
        date: e,
        label: t('overview.expiryOf', { name: r.spec.title[lang] }),
        href: `/agreements/${r.spec.id}`,
      })
    }
  }
  for (const n of negotiations.data ?? []) {
    const detail = details.find((q) => q.data?.negotiation.id === n.id)?.data?.negotiation
    const list = detail ? detail.deadlines : n.nextDeadline ? [n.nextDeadline] : []
    for (const d of list) {
      // The predecessor's expiry is already listed from the record.
      if (d.date >= today && d.kind !== 'predecessor-expiry') {
        items.push({
          date: d.date,
          label: `${deadlineLabel(d, t, lang)} (${n.title[lang]})`,
          href: `/negotiations/${n.id}`,
        })
      }
    }
  }
  items.sort((a, b) => a.date.localeCompare(b.date))
  return (
    <section className="card" aria-labelledby="deadlines-h" data-testid="deadlines">
      <h2 id="deadlines-h">{t('overview.nextDeadlines')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('overview.noDeadlines')}</p>
      ) : (
        <ul className="deadline-list">
          {items.slice(0, 6).map((d) => (
            <li key={`${d.date}-${d.href}-${d.label}`}>
              <time dateTime={d.date}>{formatDate(d.date, lang)}</time>{' '}
              <span className="muted">
                ({t('overview.inDays', { count: daysBetween(today, d.date) })})
              </span>{' '}
              <Link to={d.href}>{d.label}</Link>
            </li>
          ))}
        </ul>
      )}
      {negotiations.isError && (
        <p className="muted small">{t('overview.negotiationsUnavailable')}</p>
      )}
    </section>
  )
}

function LapsesCard({ lapses: ls }: { lapses: readonly Lapse[] }) {
  const { t, lang } = useLang()
  return (
    <section className="card" aria-labelledby="lapses-h" data-testid="lapses">
      <h2 id="lapses-h">{t('overview.lapses')}</h2>
      <ul className="lapse-list">
        {ls.map((l) => (
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

function Timeline({
  rows,
  lapses: ls,
  today,
}: {
  rows: readonly Row[]
  lapses: readonly Lapse[]
  today: string
}) {
  const { t, lang } = useLang()
  const ticks: number[] = []
  for (let y = FIRST; y <= LAST; y += 5) ticks.push(y)
  const todayPct = axisPct(today, FIRST, LAST)
  return (
    <figure className="timeline" aria-labelledby="timeline-cap">
      <figcaption id="timeline-cap">{t('overview.timeline')}</figcaption>
      <div className="timeline-track">
        <div className="timeline-axis" aria-hidden="true">
          {ticks.map((y) => (
            <span key={y} style={{ left: `${axisPct(`${y}-01-01`, FIRST, LAST)}%` }}>
              {y}
            </span>
          ))}
        </div>
        <ol className="timeline-rows">
          {rows.map((r) => {
            const from = `${r.spec.term.firstYear}-01-01`
            const to = `${r.spec.term.lastYear}-12-31`
            const left = axisPct(from, FIRST, LAST)
            const width = axisPct(to, FIRST, LAST) - left
            return (
              <li key={r.spec.id} className="timeline-row" data-testid="timeline-agreement">
                <Link
                  to={`/agreements/${r.spec.id}`}
                  className="timeline-bar"
                  style={{
                    left: `${left}%`,
                    width: `${Math.max(width, 1.2)}%`,
                    background: r.color,
                  }}
                  title={`${r.spec.title[lang]}: ${r.spec.term.firstYear}–${r.spec.term.lastYear}`}
                >
                  <span>{shortLabel(r.spec, t)}</span>
                </Link>
              </li>
            )
          })}
        </ol>
        {ls.map((l) => {
          const left = axisPct(l.from, FIRST, LAST)
          const width = axisPct(l.to, FIRST, LAST) - left
          return (
            <div
              key={l.from}
              className="timeline-lapse"
              style={{ left: `${left}%`, width: `${Math.max(width, 0.4)}%` }}
              title={`${t('overview.noAgreement')}: ${formatDate(l.from, lang)} – ${formatDate(l.to, lang)}`}
            />
          )
        })}
        <div
          className="timeline-today"
          style={{ left: `${todayPct}%` }}
          title={t('overview.today')}
        />
      </div>
      <p className="legend small">
        <span className="swatch lapse" aria-hidden="true" /> {t('overview.noAgreement')}{' '}
        <span className="swatch today" aria-hidden="true" /> {t('overview.today')}
      </p>
    </figure>
  )
}

type Display = 'KRW' | 'USD'

function TotalsChart({
  rows,
  lapses: ls,
  lang,
}: {
  rows: readonly Row[]
  lapses: readonly Lapse[]
  lang: Lang
}) {
  const { t } = useLang()
  const navigate = useNavigate()
  const [display, setDisplay] = useState<Display>('KRW')
  const [rateText, setRateText] = useState('1300')
  const rate = Number(rateText)
  const rateOk = Number.isFinite(rate) && rate > 0
  const lapseYears = useMemo(() => new Set(ls.flatMap((l) => l.wholeYears)), [ls])

  const option = useMemo((): EChartsCoreOption => {
    const years: number[] = []
    for (let y = FIRST; y <= LAST; y++) years.push(y)
    const effRate = rateOk ? rate : 1300
    // Display values only (floats are fine for bar heights); the tooltip shows exact amounts.
    const unitKrw = lang === 'ko' ? 1e8 : 1e9
    const toDisplay = (minor: string, cur: string): number => {
      const major = cur === 'USD' ? Number(minor) / 100 : Number(minor)
      if (display === 'KRW') return (cur === 'USD' ? major * effRate : major) / unitKrw
      return (cur === 'USD' ? major : major / effRate) / 1e6
    }
    const series = rows.map((r) => ({
      type: 'bar',
      name: shortLabel(r.spec, t),
      stack: 'total',
      barMaxWidth: 22,
      itemStyle: { color: r.color },
      data: years.map((y) => {
        const fig = r.schedule.years.find((f) => f.year === y)
        if (!fig) return null
        if (fig.amount === null) {
          return { value: 0, status: fig.status }
        }
        const converted = r.schedule.currency !== display
        return {
          value: Math.round(toDisplay(fig.amount, r.schedule.currency) * 10) / 10,
          exact: formatMoneyExact(fig.amount, r.schedule.currency),
          shown: formatMoney(fig.amount, r.schedule.currency, lang),
          converted,
          lapse: lapseYears.has(y),
          itemStyle: {
            color: r.color,
            opacity: converted || lapseYears.has(y) ? 0.55 : 1,
            borderColor: lapseYears.has(y) ? '#c0392b' : converted ? '#555' : r.color,
            borderType: 'dashed',
            borderWidth: lapseYears.has(y) ? 2.5 : converted ? 1.5 : 0,
          },
        }
      }),
    }))
    const unitLabel =
      display === 'USD'
        ? t('overview.unitUsdM')
        : lang === 'ko'
          ? t('overview.unitKrw100m')
          : t('overview.unitKrwBn')
    return {
      grid: { left: 64, right: 16, top: 36, bottom: 40 },
      tooltip: {
        trigger: 'item',
        formatter: (p: {
          seriesName: string
          name: string
          value: number
          data: {
            exact?: string
            shown?: string
            converted?: boolean
            lapse?: boolean
            status?: string
          } | null
        }) => {
          const d = p.data
          if (!d) return ''
          if (d.shown === undefined) {
            return `${p.seriesName} ${p.name}: ${t(d.status === 'pending' ? 'badge.pending' : 'badge.unknown')}`
          }
          const lines = [
            `<b>${p.seriesName} · ${p.name}</b>`,
            `${d.shown}${d.exact && d.exact !== d.shown ? ` (${d.exact})` : ''}`,
          ]
          if (d.converted)
            lines.push(
              t('overview.convertedAt', {
                value: formatNumber(p.value, lang),
                unit: unitLabel,
                rate: formatNumber(effRate, lang),
              }),
            )
          if (d.lapse) lines.push(t('overview.lapseYearNote'))
          return lines.join('<br/>')
        },
      },
      xAxis: {
        type: 'category',
        data: years.map(String),
        axisLabel: { interval: 4 },
      },
      yAxis: { type: 'value', name: unitLabel, nameTextStyle: { align: 'left' } },
      series,
    }
  }, [rows, display, rate, rateOk, lang, t, lapseYears])

  return (
    <figure className="chart-figure" aria-labelledby="totals-cap">
      <figcaption id="totals-cap">{t('overview.totalsChart')}</figcaption>
      <div className="controls" role="group" aria-label={t('overview.chartControls')}>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('overview.displayCurrency')}</legend>
          {(['KRW', 'USD'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="display-currency"
                value={c}
                checked={display === c}
                onChange={() => {
                  setDisplay(c)
                }}
              />
              {t(`currency.${c}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('overview.fxRate')}{' '}
          <input
            type="number"
            inputMode="decimal"
            min="1"
            step="1"
            value={rateText}
            aria-invalid={!rateOk}
            onChange={(e) => {
              setRateText(e.target.value)
            }}
            className="narrow"
            data-testid="fx-rate"
          />
        </label>
        {!rateOk && (
          <span role="alert" className="error-inline">
            {t('overview.fxInvalid')}
          </span>
        )}
      </div>
      <Chart
        option={option}
        label={t('overview.totalsChart')}
        height={340}
        testId="totals-chart"
        onClickCategory={(year) => {
          const r = rows.find((x) => x.schedule.years.some((f) => String(f.year) === year))
          if (r) void navigate(`/agreements/${r.spec.id}`)
        }}
      />
      <p className="muted small">
        {display === 'KRW' ? t('overview.dollarEraNote') : t('overview.wonEraNote')}{' '}
        {t('overview.lapseYearNote')}
      </p>
    </figure>
  )
}

const col = createColumnHelper<Row>()

function RokTable({ rows, today }: { rows: readonly Row[]; today: string }) {
  const { t, lang } = useLang()
  const columns = useMemo(
    () => [
      col.accessor((r) => r.spec.ordinal ?? 0, {
        id: 'ordinal',
        header: t('agreement.ordinal'),
        cell: (c) => (
          <span className="ordinal" style={{ borderColor: c.row.original.color }}>
            {c.getValue()}
          </span>
        ),
      }),
      col.accessor((r) => r.spec.title[lang], {
        id: 'title',
        header: t('agreement.agreement'),
        cell: (c) => <Link to={`/agreements/${c.row.original.spec.id}`}>{c.getValue()}</Link>,
      }),
      col.accessor((r) => r.spec.term.firstYear, {
        id: 'term',
        header: t('agreement.term'),
        cell: (c) => `${c.row.original.spec.term.firstYear}–${c.row.original.spec.term.lastYear}`,
      }),
      col.accessor((r) => agreementPeriod(r.spec).from, {
        id: 'inForce',
        header: t('overview.inForceDates'),
        cell: (c) => {
          const s = c.row.original.spec
          const eif = knownDate(s.lifecycle.entryIntoForce)
          return `${eif === null ? t('common.unknownDate') : formatDate(eif, lang)} – ${formatDate(agreementPeriod(s).to, lang)}`
        },
      }),
      col.accessor((r) => r.schedule.currency, { id: 'currency', header: t('agreement.currency') }),
      col.accessor((r) => (r.schedule.total === null ? -1 : Number(r.schedule.total)), {
        id: 'total',
        header: t('agreement.totalOverTerm'),
        meta: { numeric: true },
        cell: (c) =>
          c.row.original.schedule.total === null ? (
            <span className="muted">{t('agreement.totalPending')}</span>
          ) : (
            <Money
              minor={c.row.original.schedule.total}
              currency={c.row.original.schedule.currency}
            />
          ),
      }),
      col.accessor((r) => agreementStatus(r.spec, today), {
        id: 'status',
        header: t('agreement.status'),
        cell: (c) => (
          <span className={`status status-${c.getValue()}`}>{t(`status.${c.getValue()}`)}</span>
        ),
      }),
    ],
    [t, lang, today],
  )
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={t('overview.rokTable')}
      getRowId={(r) => r.spec.id}
      rowTestId={() => 'agreement-row'}
      testId="rok-table"
    />
  )
}

function JapanTable({ rows, today }: { rows: readonly Row[]; today: string }) {
  const { t, lang } = useLang()
  const columns = useMemo(
    () => [
      col.accessor((r) => r.spec.title[lang], {
        id: 'title',
        header: t('agreement.agreement'),
        cell: (c) => <Link to={`/agreements/${c.row.original.spec.id}`}>{c.getValue()}</Link>,
      }),
      col.accessor((r) => r.spec.term.firstYear, {
        id: 'term',
        header: t('agreement.termJfy'),
        cell: (c) => `${c.row.original.spec.term.firstYear}–${c.row.original.spec.term.lastYear}`,
      }),
      col.accessor((r) => agreementPeriod(r.spec).to, {
        id: 'expiry',
        header: t('lifecycle.expiry'),
        cell: (c) => {
          const e = knownDate(c.row.original.spec.lifecycle.expiry)
          return e === null ? t('common.unknownDate') : formatDate(e, lang)
        },
      }),
      col.accessor((r) => r.spec.termTotal?.amount ?? '', {
        id: 'termTotal',
        header: t('overview.publishedTermTotal'),
        meta: { numeric: true },
        cell: (c) => {
          const tt = c.row.original.spec.termTotal
          return tt ? (
            <Money minor={toMinorUnits(tt.amount, tt.currency).toString()} currency={tt.currency} />
          ) : (
            <span className="muted">{t('common.noFigure')}</span>
          )
        },
      }),
      col.accessor((r) => r.schedule.years.filter((y) => y.amount !== null).length, {
        id: 'known',
        header: t('overview.yearsKnown'),
        meta: { numeric: true },
        cell: (c) => `${c.getValue()} / ${c.row.original.schedule.years.length}`,
      }),
      col.accessor((r) => agreementStatus(r.spec, today), {
        id: 'status',
        header: t('agreement.status'),
        cell: (c) => (
          <span className={`status status-${c.getValue()}`}>{t(`status.${c.getValue()}`)}</span>
        ),
      }),
    ],
    [t, lang, today],
  )
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={t('overview.jpTable')}
      getRowId={(r) => r.spec.id}
      rowTestId={() => 'jp-agreement-row'}
      testId="jp-table"
    />
  )
}
