import type { Forecast } from '../../../../src/domain/projection/scenario.js'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { PlainTable } from '../../ui/PlainTable'
import type { ScenarioInfo } from './api'

/** The scenarios that carry an institution's forecast, with that forecast. */
export function officialForecasts(
  scenarios: readonly ScenarioInfo[],
): { scenario: ScenarioInfo; forecast: Forecast }[] {
  return scenarios.flatMap((s) => {
    const f = s.scenario.forecast
    return f === undefined ? [] : [{ scenario: s, forecast: f }]
  })
}

/** One line naming whose forecast a scenario is: "Forecast of the Bank of Korea, not SMA Desk's". */
export function ForecastLabel({ forecast }: { readonly forecast: Forecast }) {
  const { t, lang } = useLang()
  return (
    <span className="forecast-label" data-testid="forecast-label">
      {t('projections.forecast.whose', {
        institution: forecast.institution[lang],
        date: formatDate(forecast.published, lang),
      })}
    </span>
  )
}

/**
 * The institutions' forecasts offered as scenarios: who published what and when, the years
 * their figures cover, how SMA Desk fills the years after, what could not be found, and the
 * sources. Labelled as theirs, not SMA Desk's.
 */
export function OfficialForecasts({ scenarios }: { readonly scenarios: readonly ScenarioInfo[] }) {
  const { t, lang } = useLang()
  const list = officialForecasts(scenarios)
  if (list.length === 0) return null
  return (
    <section aria-labelledby="forecasts-h" data-testid="official-forecasts">
      <h2 id="forecasts-h">{t('projections.forecast.title')}</h2>
      <p className="small">{t('projections.forecast.lede')}</p>
      <PlainTable
        className="data-table forecasts"
        caption={t('projections.forecast.caption')}
        columns={[
          { label: t('projections.forecast.col.who') },
          { label: t('projections.forecast.col.published') },
          { label: t('projections.forecast.col.covers') },
          { label: t('projections.forecast.col.beyond') },
          { label: t('projections.forecast.col.sources') },
        ]}
      >
        {list.map(({ scenario, forecast: f }) => (
          <tr key={scenario.id} data-testid={`forecast-${scenario.id}`}>
            <th scope="row">
              {f.institution[lang]}
              <div className="small muted">{f.publication[lang]}</div>
              <div className="small">{t(`projections.forecast.figures.${f.figures}`)}</div>
            </th>
            <td data-testid="forecast-date">{formatDate(f.published, lang)}</td>
            <td>{f.covers[lang]}</td>
            <td>
              {f.beyond[lang]}
              {f.gaps && (
                <div className="small muted" data-testid="forecast-gaps">
                  {t('projections.forecast.gaps')}: {f.gaps[lang]}
                </div>
              )}
            </td>
            <td>
              <ul className="sources-list">
                {f.sources.map((s) => (
                  <li key={s.url}>
                    <a href={s.url} rel="noreferrer noopener" target="_blank">
                      {s.publisher}
                    </a>
                    {s.published && <> ({formatDate(s.published, lang)})</>}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </PlainTable>
    </section>
  )
}
