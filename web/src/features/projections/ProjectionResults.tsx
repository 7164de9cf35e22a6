import { useId, useMemo, useState } from 'react'
import type { ProjectionResult } from '../../../../src/domain/projection/result.js'
import type { Forecast } from '../../../../src/domain/projection/scenario.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { AgreementBlock } from './AgreementBlock'
import { ComparisonBlock } from './ComparisonBlock'
import { ForecastLabel } from './OfficialForecasts'
import { ProjectionModels } from './ProjectionModels'
import { measuresOf, type Measure } from './view'

/** Everything a run returned: models, one block per agreement, one per comparison. */
export function ProjectionResults({
  result,
  forecast = null,
}: {
  readonly result: ProjectionResult
  /** The institution's forecast the scenario carries, to label the figures as theirs. */
  readonly forecast?: Forecast | null
}) {
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
      {forecast && (
        <p className="forecast-note">
          <ForecastLabel forecast={forecast} />
        </p>
      )}

      {result.models.length > 0 && (
        <ProjectionModels models={result.models} correlation={result.correlation} />
      )}

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
