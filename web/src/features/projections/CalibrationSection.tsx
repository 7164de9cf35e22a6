import { useId, useMemo, useState } from 'react'
import type { SeriesId } from '../../../../src/domain/index-series/index-series.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ChartFigure } from '../../ui/Chart'
import { PlainTable } from '../../ui/PlainTable'
import { ErrorBox, Loading } from '../../ui/Status'
import { useBacktest, type ScenarioInfo } from './api'
import { calibrationOption, calibrationRows, coverageText } from './calibration'

const SERIES: readonly SeriesId[] = ['KR_CPI', 'KR_DEFENSE_BUDGET']

/**
 * How well each Monte Carlo scenario's bands held history: the rolling-origin backtest of its
 * model (each origin refitted on the years up to it) as a chart of observed against nominal
 * coverage, a table by horizon and the misses.
 */
export function CalibrationSection({
  scenarios,
  initial,
}: {
  readonly scenarios: readonly ScenarioInfo[]
  readonly initial: string | null
}) {
  const { t, lang } = useLang()
  const stochastic = scenarios.filter((s) => s.stochastic)
  const [chosen, setChosen] = useState<string | null>(null)
  const scenarioId =
    chosen ?? (stochastic.some((s) => s.id === initial) ? initial : (stochastic[0]?.id ?? null))
  const [series, setSeries] = useState<SeriesId>('KR_CPI')
  const backtest = useBacktest(scenarioId, series)
  const name = useId()
  const r = backtest.data
  const option = useMemo(
    () =>
      r &&
      calibrationOption(r, lang, {
        band90: t('projections.band90'),
        band50: t('projections.band50'),
        nominal90: t('projections.calibration.nominal', { pct: formatNumber(90, lang) }),
        nominal50: t('projections.calibration.nominal', { pct: formatNumber(50, lang) }),
        horizon: (h) => t('projections.calibration.horizon', { count: h }),
        all: t('projections.calibration.all'),
        cases: (hits, cases) => t('projections.calibration.hits', { hits, cases }),
      }),
    [r, lang, t],
  )
  return (
    <section className="calibration" aria-labelledby="calibration-h" data-testid="calibration">
      <h2 id="calibration-h">{t('projections.calibration.title')}</h2>
      <p className="small">{t('projections.calibration.lede')}</p>
      <div className="calibration-controls">
        <label>
          {t('projections.scenario')}{' '}
          <select
            value={scenarioId ?? ''}
            onChange={(e) => {
              setChosen(e.target.value)
            }}
            data-testid="calibration-scenario"
          >
            {stochastic.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('projections.col.series')}</legend>
          {SERIES.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={name}
                value={s}
                checked={series === s}
                onChange={() => {
                  setSeries(s)
                }}
                data-testid={`calibration-series-${s}`}
              />{' '}
              {t(`series.${s}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {backtest.isPending && <Loading />}
      {backtest.isError && <ErrorBox error={backtest.error} onRetry={backtest.refetch} />}
      {r && option && (
        <>
          <p className="calibration-summary" data-testid="calibration-summary">
            {t('projections.calibration.summary', {
              from: r.origins.from,
              to: r.origins.to,
              horizons: r.horizons,
              hits: r.coverage.band90.hits,
              cases: r.coverage.band90.cases,
              share: coverageText(r.coverage.band90, lang),
            })}
          </p>
          <ChartFigure
            caption={t('projections.calibration.chart', { series: t(`series.${r.series}`) })}
            option={option}
            label={t('projections.calibration.chartLabel', {
              scenario: r.scenario.title[lang],
              series: t(`series.${r.series}`),
            })}
            height={280}
            testId="calibration-chart"
          />
          <PlainTable
            className="data-table"
            testId="calibration-table"
            caption={t('projections.calibration.table')}
            columns={[
              { label: t('projections.calibration.col.horizon') },
              { label: t('projections.calibration.col.cases'), num: true },
              { label: t('projections.band90'), num: true },
              { label: t('projections.band50'), num: true },
              { label: t('projections.calibration.col.mae'), num: true },
            ]}
          >
            {calibrationRows(r).map((row) => (
              <tr key={row.key} data-testid={`calibration-row-${row.key}`}>
                <th scope="row">
                  {row.horizon === null
                    ? t('projections.calibration.all')
                    : t('projections.calibration.horizon', { count: row.horizon })}
                </th>
                <td className="num">{row.band90.cases}</td>
                <td className="num" data-testid="coverage-90">
                  {coverageText(row.band90, lang)}
                </td>
                <td className="num">{coverageText(row.band50, lang)}</td>
                <td className="num">
                  {row.mae === null
                    ? '—'
                    : t('projections.calibration.pp', {
                        value: formatNumber(row.mae.toFixed(2), lang),
                      })}
                </td>
              </tr>
            ))}
          </PlainTable>
          <details>
            <summary>
              {t('projections.calibration.misses', {
                count: r.coverage.band90.cases - r.coverage.band90.hits,
              })}
            </summary>
            <ul data-testid="calibration-misses">
              {r.cases
                .filter((c) => c.miss !== null)
                .map((c) => (
                  <li key={`${c.origin}-${c.period}`}>
                    {t(
                      c.miss === 'below'
                        ? 'projections.calibration.below'
                        : 'projections.calibration.above',
                      {
                        origin: c.origin,
                        period: c.period,
                        actual: c.actual,
                        p5: formatNumber(c.p5.toFixed(1), lang),
                        p95: formatNumber(c.p95.toFixed(1), lang),
                      },
                    )}
                  </li>
                ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
