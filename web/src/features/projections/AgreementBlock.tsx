import { useMemo } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type { AgreementProjection } from '../../../../src/domain/projection/result.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ChartFigure } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { useProjectionCharts } from './charts'
import { QuantileTable } from './QuantileTable'
import {
  capOption,
  currencyOf,
  fanRows,
  formatShare,
  isExactYear,
  isPoint,
  type Measure,
} from './view'

export function AgreementBlock({
  projection: p,
  index,
  measure,
  baseYear,
}: {
  readonly projection: AgreementProjection
  readonly index: number
  readonly measure: Measure
  readonly baseYear: number
}) {
  const { t, lang } = useLang()
  const currency = currencyOf(p, measure)
  const title = p.agreement.title[lang]
  const measureText = t(`projections.measures.${measure}`, { year: baseYear })
  const rows = useMemo(() => fanRows(p, measure), [p, measure])
  const charts = useProjectionCharts(
    { rows, currency },
    { histogram: p.total?.histogram ?? null, currency: p.currency },
  )
  const hasCap = p.years.some((y) => y.capBinds !== null)
  const cap = useMemo(() => capOption(p, lang, t('projections.capBinds')), [p, lang, t])
  const h = `proj-${index}-h`

  return (
    <section
      aria-labelledby={h}
      className="projection-block"
      data-testid={`projection-${index}`}
      data-agreement={p.agreement.id}
    >
      <h2 id={h}>{title}</h2>
      <div className="split">
        <ChartFigure
          caption={t('projections.fan', { measure: measureText })}
          option={charts.fan}
          label={t('projections.fanLabel', { agreement: title })}
          height={300}
          testId={`fan-${index}`}
        />
        {hasCap && (
          <ChartFigure
            caption={t('projections.capChart')}
            option={cap}
            label={t('projections.capChartLabel', { agreement: title })}
            height={300}
            testId={`cap-chart-${index}`}
          />
        )}
      </div>

      <QuantileTable
        rows={rows}
        currency={currency}
        caption={t('projections.exactTable', { agreement: title, measure: measureText })}
        testId={`proj-${index}`}
        statusOf={(label) => {
          const y = p.years.find((yy) => String(yy.year) === label)
          return y ? t(`projections.yearStatus.${y.status}`) : ''
        }}
        extra={{
          header: t('projections.capBinds'),
          cell: (label) => {
            const y = p.years.find((yy) => String(yy.year) === label)
            if (!y) return null
            return y.capBinds === null ? (
              <span className="muted">{t('projections.noCap')}</span>
            ) : (
              <span data-testid="cap-binds">{formatShare(y.capBinds, lang)}</span>
            )
          },
        }}
      />

      <TermTotal projection={p} index={index} baseYear={baseYear} histogram={charts.hist} />
      <PerServiceMember projection={p} index={index} />
    </section>
  )
}

function TermTotal({
  projection: p,
  index,
  baseYear,
  histogram,
}: {
  readonly projection: AgreementProjection
  readonly index: number
  readonly baseYear: number
  readonly histogram: EChartsCoreOption | null
}) {
  const { t, lang } = useLang()
  const total = p.total
  const option = histogram
  const h = `proj-${index}-total-h`
  return (
    <section aria-labelledby={h} data-testid={`total-${index}`}>
      <h3 id={h}>{t('projections.total')}</h3>
      {total === null || option === null ? (
        <p className="muted">{t('projections.totalUnknown')}</p>
      ) : (
        <div className="split">
          <div>
            <dl className="facts total-facts">
              {(['p5', 'p50', 'p95', 'mean'] as const).map((k) => (
                <div key={k}>
                  <dt>{k === 'mean' ? t('projections.col.mean') : k.toUpperCase()}</dt>
                  <dd data-testid={`total-${index}-${k}`} data-minor={total.nominal[k]}>
                    <Money minor={total.nominal[k]} currency={p.currency} />
                  </dd>
                </div>
              ))}
              <div>
                <dt>{t('projections.realMean', { year: baseYear })}</dt>
                <dd>
                  <Money minor={total.realMean} currency={p.currency} />
                </dd>
              </div>
              {p.currency !== 'USD' && (
                <div>
                  <dt>{t('projections.usdMean')}</dt>
                  <dd>
                    <Money minor={total.usdMean} currency="USD" />
                  </dd>
                </div>
              )}
            </dl>
          </div>
          <ChartFigure
            caption={t('projections.totalHistogram')}
            option={option}
            label={t('projections.totalHistogramLabel', { agreement: p.agreement.title[lang] })}
            height={240}
            testId={`total-hist-${index}`}
          />
        </div>
      )}
    </section>
  )
}

function PerServiceMember({
  projection: p,
  index,
}: {
  readonly projection: AgreementProjection
  readonly index: number
}) {
  const { t, lang } = useLang()
  const years = p.years.filter((y) => y.perServiceMember !== null)
  if (years.length === 0) return null
  const h = `proj-${index}-psm-h`
  return (
    <section aria-labelledby={h}>
      <h3 id={h}>{t('projections.perMember')}</h3>
      <PlainTable
        className="data-table"
        testId={`psm-${index}`}
        caption={t('projections.perMemberCaption')}
        columns={[
          { label: t('projections.col.year') },
          { label: t('projections.col.members'), num: true },
          ...['P5', 'P50', 'P95'].map((label) => ({ label, num: true })),
          { label: t('projections.col.p50Usd'), num: true },
        ]}
      >
        {years.map((y) => {
          const psm = y.perServiceMember
          if (!psm) return null
          const exact = isExactYear(y) || isPoint(psm.nominal)
          return (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">
                {y.assumptions.servicemembers === null
                  ? '—'
                  : formatNumber(y.assumptions.servicemembers, lang)}
              </td>
              {exact ? (
                <td colSpan={3} className="num">
                  <Money minor={psm.nominal.p50} currency={p.currency} />{' '}
                  <span className="muted small">{t('projections.exactWord')}</span>
                </td>
              ) : (
                (['p5', 'p50', 'p95'] as const).map((k) => (
                  <td key={k} className="num">
                    <Money minor={psm.nominal[k]} currency={p.currency} />
                  </td>
                ))
              )}
              <td className="num">
                <Money minor={psm.usd.p50} currency="USD" />
              </td>
            </tr>
          )
        })}
      </PlainTable>
    </section>
  )
}
