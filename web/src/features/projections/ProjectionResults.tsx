import { useId, useMemo, useState, type ReactNode } from 'react'
import type { CurrencyCode } from '../../../../src/domain/money/currency.js'
import type {
  AgreementProjection,
  ComparisonProjection,
  ProjectionResult,
  Quantiles,
} from '../../../../src/domain/projection/result.js'
import type { ModelReport } from '../../../../src/domain/projection/plan.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import {
  capOption,
  currencyOf,
  fanOption,
  fanRows,
  formatShare,
  histogramOption,
  isExactYear,
  isPoint,
  measuresOf,
  unitOf,
  type FanRow,
  type Measure,
} from './view'

const QS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const

/** Everything a run returned: models, one block per agreement, one per comparison. */
export function ProjectionResults({ result }: { readonly result: ProjectionResult }) {
  const { t, lang } = useLang()
  const measures = useMemo(() => {
    const all = result.projections.map(measuresOf)
    return (['nominal', 'real', 'usd'] as const).filter((m) => all.every((ms) => ms.includes(m)))
  }, [result])
  const [chosen, setChosen] = useState<Measure>('nominal')
  const measure = measures.includes(chosen) ? chosen : 'nominal'
  const name = useId()
  const titleOf = (id: string) =>
    result.projections.find((p) => p.agreement.id === id)?.agreement.title[lang] ?? id

  return (
    <div className="projection-results" data-testid="projection-results">
      <p className="projection-summary" data-testid="projection-summary">
        {t(`projections.mode.${result.mode}`)} ·{' '}
        {t('projections.pathsCount', {
          count: result.paths,
          formatted: formatNumber(result.paths, lang),
        })}{' '}
        · {t('projections.seedIs', { seed: result.seed })} ·{' '}
        {t('projections.scenarioIs', { title: result.scenario.title[lang] })}
      </p>

      {result.models.length > 0 && <Models models={result.models} />}

      {measures.length > 1 && (
        <fieldset className="segmented measure-toggle" data-testid="measure-toggle">
          <legend className="visually-hidden">{t('projections.measure')}</legend>
          <span aria-hidden="true" className="muted">
            {t('projections.measure')}:
          </span>
          {measures.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={name}
                value={m}
                checked={measure === m}
                onChange={() => {
                  setChosen(m)
                }}
              />{' '}
              {t(`projections.measures.${m}`, { year: result.scenario.deflatorBaseYear })}
            </label>
          ))}
        </fieldset>
      )}

      {result.projections.map((p, i) => (
        <AgreementBlock
          key={p.agreement.id}
          projection={p}
          index={i}
          measure={measure}
          baseYear={result.scenario.deflatorBaseYear}
        />
      ))}

      {result.comparisons.map((c, i) => (
        <ComparisonBlock
          key={`${c.a}/${c.b}`}
          comparison={c}
          index={i}
          titleA={titleOf(c.a)}
          titleB={titleOf(c.b)}
          currency={result.projections.find((p) => p.agreement.id === c.a)?.currency ?? 'KRW'}
        />
      ))}
    </div>
  )
}

function Models({ models }: { readonly models: readonly ModelReport[] }) {
  const { t, lang } = useLang()
  const num = (x: number, digits = 3) => formatNumber(x.toFixed(digits), lang)
  return (
    <section aria-labelledby="models-h">
      <h2 id="models-h">{t('projections.models')}</h2>
      <div className="table-wrap">
        <table className="data-table" data-testid="projection-models">
          <caption>{t('projections.modelsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projections.col.series')}</th>
              <th scope="col">{t('projections.col.model')}</th>
              <th scope="col">{t('projections.col.fit')}</th>
              <th scope="col">{t('projections.col.params')}</th>
              <th scope="col">{t('projections.col.periods')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.series} data-testid={`model-${m.series}`}>
                <th scope="row">
                  {t(`series.${m.series}`)} <span className="muted small">({m.series})</span>
                </th>
                <td>
                  {m.model === 'ar1'
                    ? t(m.fitted ? 'projections.model.ar1' : 'projections.model.ar1-params')
                    : t(`projections.model.${m.model}`)}
                </td>
                <td>
                  {m.model === 'ar1' && m.fit
                    ? t('projections.fitPairs', {
                        from: m.fit.from,
                        to: m.fit.to,
                        count: m.fit.pairs,
                      })
                    : m.model === 'block-bootstrap'
                      ? `${t('projections.fitPeriod', { from: m.fit.from, to: m.fit.to })} · ${t(
                          'projections.blockLength',
                          { count: m.blockLength },
                        )} · ${t('projections.blocks', { count: m.blocks })}`
                      : '—'}
                </td>
                <td>
                  {m.model === 'ar1' ? (
                    <>
                      <span className="formula-inline">
                        c = {num(m.params.c)}, φ = {num(m.params.phi)}, σ = {num(m.params.sigma)}
                      </span>
                      {m.params.mean !== null && (
                        <> · {t('projections.longRunMean', { value: num(m.params.mean, 2) })}</>
                      )}
                      <div className="muted small">
                        {t('projections.startsFrom', {
                          period: m.start.period,
                          value: m.start.value,
                        })}
                      </div>
                    </>
                  ) : m.model === 'scenario-path' ? (
                    Object.entries(m.values)
                      .map(([y, v]) => `${y}: ${v}`)
                      .join(', ')
                  ) : (
                    '—'
                  )}
                </td>
                <td>{m.periods.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function AgreementBlock({
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
  const fan = useMemo(() => {
    const unit = unitOf(currency, lang, t)
    return fanOption(
      rows,
      currency,
      lang,
      {
        band90: t('projections.band90'),
        band50: t('projections.band50'),
        median: t('projections.median'),
        exact: t('projections.exactPoint'),
        unit: unit.label,
      },
      unit.perUnitMinor,
    )
  }, [rows, currency, lang, t])
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
        <figure className="chart-figure">
          <figcaption>{t('projections.fan', { measure: measureText })}</figcaption>
          <Chart
            option={fan}
            label={t('projections.fanLabel', { agreement: title })}
            height={300}
            testId={`fan-${index}`}
          />
        </figure>
        {hasCap && (
          <figure className="chart-figure">
            <figcaption>{t('projections.capChart')}</figcaption>
            <Chart
              option={cap}
              label={t('projections.capChartLabel', { agreement: title })}
              height={300}
              testId={`cap-chart-${index}`}
            />
          </figure>
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

      <TermTotal projection={p} index={index} baseYear={baseYear} />
      <PerServiceMember projection={p} index={index} />
    </section>
  )
}

/** Per-year quantiles as a table: exact years in one cell, P5…P95 and the mean otherwise. */
function QuantileTable({
  rows,
  currency,
  caption,
  testId,
  statusOf,
  extra,
}: {
  readonly rows: readonly FanRow[]
  readonly currency: CurrencyCode
  readonly caption: string
  readonly testId: string
  readonly statusOf: (label: string) => string
  readonly extra?: { header: string; cell: (label: string) => ReactNode }
}) {
  const { t } = useLang()
  return (
    <div className="table-wrap">
      <table className="data-table quantiles" data-testid={`${testId}-table`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projections.col.year')}</th>
            <th scope="col">{t('projections.col.status')}</th>
            {QS.map((q) => (
              <th key={q} scope="col" className="num">
                {q.toUpperCase()}
              </th>
            ))}
            <th scope="col" className="num">
              {t('projections.col.mean')}
            </th>
            {extra && (
              <th scope="col" className="num">
                {extra.header}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} data-testid={`${testId}-year-${r.label}`}>
              <th scope="row">{r.label}</th>
              <td>{statusOf(r.label)}</td>
              {r.q === null ? (
                <td colSpan={6} className="muted">
                  {t('common.noFigure')}
                </td>
              ) : r.point ? (
                <td colSpan={6} className="num exact-cell" data-testid="exact" data-minor={r.q.p50}>
                  <Money minor={r.q.p50} currency={currency} />{' '}
                  <span className="muted small">{t('projections.exactWord')}</span>
                </td>
              ) : (
                <QuantileCells q={r.q} currency={currency} />
              )}
              {extra && <td className="num">{extra.cell(r.label)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function QuantileCells({
  q,
  currency,
}: {
  readonly q: Quantiles
  readonly currency: CurrencyCode
}) {
  return (
    <>
      {[...QS, 'mean' as const].map((k) => (
        <td key={k} className="num" data-q={k} data-minor={q[k]}>
          <Money minor={q[k]} currency={currency} />
        </td>
      ))}
    </>
  )
}

function TermTotal({
  projection: p,
  index,
  baseYear,
}: {
  readonly projection: AgreementProjection
  readonly index: number
  readonly baseYear: number
}) {
  const { t, lang } = useLang()
  const total = p.total
  const option = useMemo(() => {
    if (!total) return null
    const unit = unitOf(p.currency, lang, t)
    return histogramOption(
      total.histogram,
      p.currency,
      lang,
      {
        share: t('projections.share'),
        unit: unit.label,
        paths: (count) =>
          t('projections.pathsCount', { count, formatted: formatNumber(count, lang) }),
      },
      unit.perUnitMinor,
    )
  }, [total, p.currency, lang, t])
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
          <figure className="chart-figure">
            <figcaption>{t('projections.totalHistogram')}</figcaption>
            <Chart
              option={option}
              label={t('projections.totalHistogramLabel', { agreement: p.agreement.title[lang] })}
              height={240}
              testId={`total-hist-${index}`}
            />
          </figure>
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
      <div className="table-wrap">
        <table className="data-table" data-testid={`psm-${index}`}>
          <caption>{t('projections.perMemberCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projections.col.year')}</th>
              <th scope="col" className="num">
                {t('projections.col.members')}
              </th>
              <th scope="col" className="num">
                P5
              </th>
              <th scope="col" className="num">
                P50
              </th>
              <th scope="col" className="num">
                P95
              </th>
              <th scope="col" className="num">
                {t('projections.col.p50Usd')}
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </section>
  )
}

function ComparisonBlock({
  comparison: c,
  index,
  titleA,
  titleB,
  currency,
}: {
  readonly comparison: ComparisonProjection
  readonly index: number
  readonly titleA: string
  readonly titleB: string
  readonly currency: CurrencyCode
}) {
  const { t, lang } = useLang()
  const rows = useMemo<FanRow[]>(
    () =>
      c.years.map((y) => ({
        label: String(y.year),
        q: y.difference,
        point: isPoint(y.difference),
      })),
    [c],
  )
  const fan = useMemo(() => {
    const unit = unitOf(currency, lang, t)
    return fanOption(
      rows,
      currency,
      lang,
      {
        band90: t('projections.band90'),
        band50: t('projections.band50'),
        median: t('projections.median'),
        exact: t('projections.exactPoint'),
        unit: unit.label,
      },
      unit.perUnitMinor,
    )
  }, [rows, currency, lang, t])
  const total = c.total
  const hist = useMemo(() => {
    if (!total) return null
    const unit = unitOf(currency, lang, t)
    return histogramOption(
      total.histogram,
      currency,
      lang,
      {
        share: t('projections.share'),
        unit: unit.label,
        paths: (count) =>
          t('projections.pathsCount', { count, formatted: formatNumber(count, lang) }),
      },
      unit.perUnitMinor,
      '#b07aa1',
    )
  }, [total, currency, lang, t])
  const h = `cmp-${index}-h`
  const pOf = (year: string) => c.years.find((y) => String(y.year) === year)

  return (
    <section
      aria-labelledby={h}
      className="projection-block comparison"
      data-testid={`comparison-${index}`}
    >
      <h2 id={h}>{t('projections.difference', { a: titleA, b: titleB })}</h2>
      <p className="muted">{t('projections.differenceLede', { a: titleA })}</p>
      {total && (
        <ul className="probabilities" data-testid={`comparison-${index}-probabilities`}>
          <li data-testid="p-a-higher">
            {t('projections.pHigher', { name: titleA })}:{' '}
            <strong>{formatShare(total.pAHigher, lang)}</strong>
          </li>
          <li data-testid="p-b-higher">
            {t('projections.pHigher', { name: titleB })}:{' '}
            <strong>{formatShare(total.pBHigher, lang)}</strong>
          </li>
          <li data-testid="p-equal">
            {t('projections.pEqual')}: <strong>{formatShare(total.pEqual, lang)}</strong>
          </li>
        </ul>
      )}
      <div className="split">
        <figure className="chart-figure">
          <figcaption>{t('projections.differenceFan')}</figcaption>
          <Chart
            option={fan}
            label={t('projections.differenceFanLabel', { a: titleA, b: titleB })}
            height={280}
            testId={`diff-fan-${index}`}
          />
        </figure>
        {hist && (
          <figure className="chart-figure">
            <figcaption>{t('projections.differenceHistogram')}</figcaption>
            <Chart
              option={hist}
              label={t('projections.differenceHistogramLabel', { a: titleA, b: titleB })}
              height={280}
              testId={`diff-hist-${index}`}
            />
          </figure>
        )}
      </div>
      <QuantileTable
        rows={rows}
        currency={currency}
        caption={t('projections.differenceTable', { a: titleA, b: titleB })}
        testId={`cmp-${index}`}
        statusOf={(label) => {
          const r = rows.find((x) => x.label === label)
          return r?.point ? t('projections.noSpread') : t('projections.yearStatus.simulated')
        }}
        extra={{
          header: t('projections.pAHigherShort'),
          cell: (label) => {
            const y = pOf(label)
            return y ? formatShare(y.pAHigher, lang) : null
          },
        }}
      />
      {total && (
        <p data-testid={`comparison-${index}-total`}>
          {t('projections.totalDifference')}: P5{' '}
          <Money minor={total.difference.p5} currency={currency} /> · P50{' '}
          <Money minor={total.difference.p50} currency={currency} /> · P95{' '}
          <Money minor={total.difference.p95} currency={currency} />
        </p>
      )}
    </section>
  )
}
