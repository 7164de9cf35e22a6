import type { SyntheticEvent } from 'react'
import type { AgreementSummary } from '../../../../src/contracts/agreements.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { SelectField, WholeNumberField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import type { CompareChoice, ScenarioInfo, useScenarios } from './api'
import { ForecastLabel } from './OfficialForecasts'
import { compareFromValue, compareValue, MAX_SEED, maxPathsFor } from './view'
import { principalOf, useSession } from '../../api/session'
import { scopeOf } from '../../../../src/domain/access/scope.js'

export interface FormState {
  readonly agreementId: string
  readonly scenarioId: string | null
  readonly pathsText: string
  readonly seedText: string
  readonly compare: CompareChoice
}

/** Agreement, scenario, paths, seed and comparison; Run and Cancel. */
export function ProjectionForm({
  state,
  onChange,
  onAgreement,
  agreements,
  others,
  scenarios,
  valid,
  cancellable,
  onRun,
  onCancel,
}: {
  readonly state: FormState
  readonly onChange: (patch: Partial<FormState>) => void
  readonly onAgreement: (id: string) => void
  readonly agreements: readonly AgreementSummary[]
  readonly others: readonly AgreementSummary[]
  readonly scenarios: ReturnType<typeof useScenarios>
  readonly valid: { readonly paths: boolean; readonly seed: boolean; readonly run: boolean }
  /** A run this page started is going on: Cancel is offered. */
  readonly cancellable: boolean
  readonly onRun: (e: SyntheticEvent) => void
  readonly onCancel: () => void
}) {
  const { t, lang } = useLang()
  const maxPaths = maxPathsFor(scopeOf(principalOf(useSession().data?.user)))
  const list = scenarios.data
  const scenario = list?.scenarios.find((s) => s.id === state.scenarioId)
  const exact = scenario !== undefined && !scenario.stochastic
  const scenarioOptions = (kind: 'stochastic' | 'forecast' | 'assumption') =>
    (list?.scenarios ?? [])
      .filter((s) =>
        kind === 'stochastic'
          ? s.stochastic
          : !s.stochastic && (s.scenario.forecast !== undefined) === (kind === 'forecast'),
      )
      .map((s) => (
        <option key={s.id} value={s.id}>
          {s.title[lang]}
        </option>
      ))
  return (
    <form className="card projection-form" aria-labelledby="projection-form-h" onSubmit={onRun}>
      <h2 id="projection-form-h">{t('projections.form')}</h2>
      <div className="projection-fields">
        <SelectField
          label={t('projections.agreement')}
          value={state.agreementId}
          onValue={onAgreement}
          testId="projection-agreement"
        >
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title[lang]}
            </option>
          ))}
        </SelectField>

        <div>
          <SelectField
            label={t('projections.scenario')}
            value={state.scenarioId ?? ''}
            disabled={!list}
            aria-busy={scenarios.isPending}
            onValue={(v) => {
              onChange({ scenarioId: v })
            }}
            testId="projection-scenario"
          >
            {!list && <option value="">{t('common.loading')}</option>}
            {list && (
              <>
                <optgroup label={t('projections.stochasticGroup')}>
                  {scenarioOptions('stochastic')}
                </optgroup>
                <optgroup label={t('projections.forecastGroup')}>
                  {scenarioOptions('forecast')}
                </optgroup>
                <optgroup label={t('projections.deterministicGroup')}>
                  {scenarioOptions('assumption')}
                </optgroup>
              </>
            )}
          </SelectField>
          {scenarios.isError && <ErrorBox error={scenarios.error} onRetry={scenarios.refetch} />}
          {scenario && <ScenarioNote scenario={scenario} />}
        </div>

        <WholeNumberField
          label={t('projections.paths')}
          min={1}
          max={maxPaths}
          className="narrow"
          value={state.pathsText}
          disabled={exact}
          invalid={!valid.paths}
          onValue={(v) => {
            onChange({ pathsText: v })
          }}
          testId="projection-paths"
          hintError={!valid.paths}
          hint={
            exact
              ? t('projections.onePath')
              : valid.paths
                ? t('projections.pathsHint', { max: formatNumber(maxPaths, lang) })
                : t('projections.pathsInvalid', { max: formatNumber(maxPaths, lang) })
          }
        />

        <WholeNumberField
          label={t('projections.seed')}
          min={0}
          max={MAX_SEED}
          className="narrow"
          value={state.seedText}
          invalid={!valid.seed}
          onValue={(v) => {
            onChange({ seedText: v })
          }}
          testId="projection-seed"
          hintError={!valid.seed}
          hint={
            valid.seed
              ? t('projections.seedHint')
              : t('projections.seedInvalid', { max: formatNumber(MAX_SEED, lang) })
          }
        />

        <SelectField
          label={t('projections.compare')}
          value={compareValue(state.compare)}
          onValue={(v) => {
            onChange({ compare: compareFromValue(v) })
          }}
          testId="projection-compare"
          hint={state.compare.kind === 'variant' ? t('projections.compareVariantHint') : undefined}
        >
          <option value="none">{t('projections.compareNone')}</option>
          <option value="variant">{t('projections.compareVariant')}</option>
          {others.length > 0 && (
            <optgroup label={t('projections.compareAgreements')}>
              {others.map((a) => (
                <option key={a.id} value={`agreement:${a.id}`}>
                  {a.title[lang]}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
      </div>

      <div className="projection-actions">
        <button type="submit" disabled={!valid.run} data-testid="projection-run">
          {t('projections.run')}
        </button>
        {cancellable && (
          <button
            type="button"
            className="secondary"
            onClick={onCancel}
            data-testid="projection-cancel"
          >
            {t('projections.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}

const SERIES = ['KR_CPI', 'KR_DEFENSE_BUDGET'] as const
const isSeries = (s: string): s is (typeof SERIES)[number] =>
  (SERIES as readonly string[]).includes(s)

/** What the chosen scenario does: its models (and fit periods) and its assumptions (English). */
function ScenarioNote({ scenario }: { readonly scenario: ScenarioInfo }) {
  const { t, lang } = useLang()
  const models = Object.entries(scenario.scenario.stochastic ?? {})
  const forecast = scenario.scenario.forecast
  return (
    <div className="hint scenario-note" data-testid="scenario-note">
      {forecast ? (
        <>
          <ForecastLabel forecast={forecast} />
          <span className="forecast-detail">
            {' '}
            {forecast.covers[lang]}. {forecast.beyond[lang]}
          </span>
        </>
      ) : scenario.stochastic ? (
        <ul>
          {models.map(([series, m]) => (
            <li key={series}>
              {isSeries(series) ? t(`series.${series}`) : series}:{' '}
              {t(`projections.model.${m.model}`)}
              {'fit' in m && <> {t('projections.fitPeriod', { from: m.fit.from, to: m.fit.to })}</>}
              {'blockLength' in m && (
                <> · {t('projections.blockLength', { count: m.blockLength })}</>
              )}
              {'parameters' in m && m.parameters === 'posterior' && (
                <> · {t('projections.posterior')}</>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <span>{t('projections.deterministicNote')}</span>
      )}
      {scenario.scenario.correlation === 'estimated' && <div>{t('projections.jointNote')}</div>}
      <details>
        <summary>{t('projections.assumptions')}</summary>
        <p lang="en">{scenario.description}</p>
      </details>
    </div>
  )
}
