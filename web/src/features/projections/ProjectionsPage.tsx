import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { AgreementSpec } from '../../../../src/domain/index.js'
import type { ProjectionResult } from '../../../../src/domain/projection/result.js'
import { useSession } from '../../api/session'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { record } from '../../lib/record'
import { ErrorBox } from '../../ui/Status'
import {
  runProjection,
  useScenarios,
  type CompareChoice,
  type ProjectionInput,
  type ScenarioInfo,
} from './api'
import { ProjectionResults } from './ProjectionResults'
import { DEFAULT_AGREEMENT, DEFAULT_PATHS, MAX_PATHS, MAX_SEED } from './view'
import './projections.css'

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly input: ProjectionInput }
  | { readonly state: 'done'; readonly input: ProjectionInput; readonly result: ProjectionResult }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'cancelled' }

const currencyOfSpec = (s: AgreementSpec) =>
  s.currency.kind === 'single' ? s.currency.code : s.currency.reporting

/** A whole number within [min, max] from an input's text, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n >= min && n <= max ? n : null
}

/** `compare` select value ↔ choice: "none", "variant", "agreement:<id>". */
function compareFromValue(value: string): CompareChoice {
  if (value === 'variant') return { kind: 'variant' }
  if (value.startsWith('agreement:')) return { kind: 'agreement', id: value.slice(10) }
  return { kind: 'none' }
}
function compareValue(c: CompareChoice): string {
  return c.kind === 'agreement' ? `agreement:${c.id}` : c.kind
}

export function ProjectionsPage() {
  const { t, lang } = useLang()
  const [params, setParams] = useSearchParams()
  const agreements = record().agreements
  const fromUrl = params.get('agreement')
  const initial = agreements.some((a) => a.id === fromUrl) ? (fromUrl ?? '') : DEFAULT_AGREEMENT
  const [agreementId, setAgreementId] = useState(initial)
  const [scenarioChoice, setScenarioChoice] = useState<string | null>(null)
  const [pathsText, setPathsText] = useState(String(DEFAULT_PATHS))
  const [seedText, setSeedText] = useState('1')
  const [compare, setCompare] = useState<CompareChoice>({ kind: 'none' })
  const [run, setRun] = useState<Run>({ state: 'idle' })
  const controller = useRef<AbortController | null>(null)
  const csrfToken = useSession().data?.csrfToken ?? undefined
  const scenarios = useScenarios()
  const ids = {
    agreement: useId(),
    scenario: useId(),
    paths: useId(),
    pathsHint: useId(),
    seed: useId(),
    seedHint: useId(),
    compare: useId(),
  }

  // A run still going when the page is left is cancelled (the server stops it too).
  useEffect(
    () => () => {
      controller.current?.abort()
    },
    [],
  )

  const spec = agreements.find((a) => a.id === agreementId)
  const list = scenarios.data
  const scenarioId = scenarioChoice ?? list?.defaultScenario ?? null
  const scenario = list?.scenarios.find((s) => s.id === scenarioId)
  const paths = wholeNumber(pathsText, 1, MAX_PATHS)
  const seed = wholeNumber(seedText, 0, MAX_SEED)
  const others = spec
    ? agreements.filter((a) => a.id !== spec.id && currencyOfSpec(a) === currencyOfSpec(spec))
    : []
  const running = run.state === 'running'
  const canRun =
    !running && spec !== undefined && scenario !== undefined && paths !== null && seed !== null

  const chooseAgreement = (id: string) => {
    setAgreementId(id)
    if (compare.kind === 'agreement' && compare.id === id) setCompare({ kind: 'none' })
    const p = new URLSearchParams(params)
    p.set('agreement', id)
    setParams(p, { replace: true, preventScrollReset: true })
  }

  const start = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!canRun) return
    const input: ProjectionInput = {
      agreement: agreementId,
      scenario: scenario.id,
      paths,
      seed,
      compare,
    }
    controller.current?.abort()
    const ac = new AbortController()
    controller.current = ac
    setRun({ state: 'running', input })
    runProjection(input, ac.signal, csrfToken).then(
      (result) => {
        if (controller.current !== ac) return
        controller.current = null
        setRun({ state: 'done', input, result })
      },
      (error: unknown) => {
        if (controller.current !== ac) return
        controller.current = null
        setRun(ac.signal.aborted ? { state: 'cancelled' } : { state: 'error', error })
      },
    )
  }

  const cancel = () => {
    controller.current?.abort()
  }

  const titleOf = (id: string) => agreements.find((a) => a.id === id)?.title[lang] ?? id

  return (
    <article className="projections" data-testid="projections-page">
      <h1>{t('projections.title')}</h1>
      <p className="lede">{t('projections.lede')}</p>

      <form className="card projection-form" aria-labelledby="projection-form-h" onSubmit={start}>
        <h2 id="projection-form-h">{t('projections.form')}</h2>
        <div className="projection-fields">
          <div className="field">
            <label htmlFor={ids.agreement}>{t('projections.agreement')}</label>
            <select
              id={ids.agreement}
              value={agreementId}
              onChange={(e) => {
                chooseAgreement(e.target.value)
              }}
              data-testid="projection-agreement"
            >
              {agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title[lang]}
                </option>
              ))}
            </select>
          </div>

          <div className="field">
            <label htmlFor={ids.scenario}>{t('projections.scenario')}</label>
            <select
              id={ids.scenario}
              value={scenarioId ?? ''}
              disabled={!list}
              aria-busy={scenarios.isPending}
              onChange={(e) => {
                setScenarioChoice(e.target.value)
              }}
              data-testid="projection-scenario"
            >
              {!list && <option value="">{t('common.loading')}</option>}
              {list && (
                <>
                  <optgroup label={t('projections.stochasticGroup')}>
                    {list.scenarios
                      .filter((s) => s.stochastic)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.title[lang]}
                        </option>
                      ))}
                  </optgroup>
                  <optgroup label={t('projections.deterministicGroup')}>
                    {list.scenarios
                      .filter((s) => !s.stochastic)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.title[lang]}
                        </option>
                      ))}
                  </optgroup>
                </>
              )}
            </select>
            {scenarios.isError && <ErrorBox error={scenarios.error} />}
            {scenario && <ScenarioNote scenario={scenario} />}
          </div>

          <div className="field">
            <label htmlFor={ids.paths}>{t('projections.paths')}</label>
            <input
              id={ids.paths}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_PATHS}
              step={1}
              className="narrow"
              value={pathsText}
              disabled={scenario !== undefined && !scenario.stochastic}
              aria-invalid={paths === null}
              aria-describedby={ids.pathsHint}
              onChange={(e) => {
                setPathsText(e.target.value)
              }}
              data-testid="projection-paths"
            />
            <span id={ids.pathsHint} className={paths === null ? 'hint error-inline' : 'hint'}>
              {scenario !== undefined && !scenario.stochastic
                ? t('projections.onePath')
                : paths === null
                  ? t('projections.pathsInvalid', { max: formatNumber(MAX_PATHS, lang) })
                  : t('projections.pathsHint', { max: formatNumber(MAX_PATHS, lang) })}
            </span>
          </div>

          <div className="field">
            <label htmlFor={ids.seed}>{t('projections.seed')}</label>
            <input
              id={ids.seed}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_SEED}
              step={1}
              className="narrow"
              value={seedText}
              aria-invalid={seed === null}
              aria-describedby={ids.seedHint}
              onChange={(e) => {
                setSeedText(e.target.value)
              }}
              data-testid="projection-seed"
            />
            <span id={ids.seedHint} className={seed === null ? 'hint error-inline' : 'hint'}>
              {seed === null
                ? t('projections.seedInvalid', { max: formatNumber(MAX_SEED, lang) })
                : t('projections.seedHint')}
            </span>
          </div>

          <div className="field">
            <label htmlFor={ids.compare}>{t('projections.compare')}</label>
            <select
              id={ids.compare}
              value={compareValue(compare)}
              onChange={(e) => {
                setCompare(compareFromValue(e.target.value))
              }}
              data-testid="projection-compare"
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
            </select>
            {compare.kind === 'variant' && (
              <span className="hint">{t('projections.compareVariantHint')}</span>
            )}
          </div>
        </div>

        <div className="projection-actions">
          <button type="submit" disabled={!canRun} data-testid="projection-run">
            {t('projections.run')}
          </button>
          {running && (
            <button
              type="button"
              className="secondary"
              onClick={cancel}
              data-testid="projection-cancel"
            >
              {t('projections.cancel')}
            </button>
          )}
        </div>
      </form>

      <div aria-live="polite">
        {run.state === 'running' && (
          <p className="projection-running" role="status" data-testid="projection-running">
            <span className="spinner" aria-hidden="true" />
            {list?.scenarios.find((s) => s.id === run.input.scenario)?.stochastic === false
              ? t('projections.runningExact', {
                  agreement: titleOf(run.input.agreement),
                  scenario: scenarioTitle(list.scenarios, run.input.scenario, lang),
                })
              : t('projections.running', {
                  paths: formatNumber(run.input.paths, lang),
                  agreement: titleOf(run.input.agreement),
                  scenario: scenarioTitle(list?.scenarios, run.input.scenario, lang),
                })}
            {run.input.compare.kind !== 'none' && (
              <>
                {' '}
                {t('projections.runningCompare', {
                  other:
                    run.input.compare.kind === 'variant'
                      ? t('projections.compareVariant')
                      : titleOf(run.input.compare.id),
                })}
              </>
            )}
          </p>
        )}
        {run.state === 'cancelled' && (
          <p role="status" className="muted" data-testid="projection-cancelled">
            {t('projections.cancelled')}
          </p>
        )}
      </div>
      {run.state === 'error' && <ErrorBox error={run.error} />}
      {run.state === 'idle' && <p className="muted">{t('projections.noResult')}</p>}
      {run.state === 'done' && <ProjectionResults result={run.result} />}
      {spec && (
        <p className="small">
          <Link to={`/agreements/${spec.id}`}>
            {t('projections.openAgreement', { title: spec.title[lang] })}
          </Link>
        </p>
      )}
    </article>
  )
}

function scenarioTitle(
  list: readonly ScenarioInfo[] | undefined,
  id: string,
  lang: 'en' | 'ko',
): string {
  return list?.find((s) => s.id === id)?.title[lang] ?? id
}

const SERIES = ['KR_CPI', 'KR_DEFENSE_BUDGET'] as const
const MODELS = ['ar1', 'ar1-params', 'block-bootstrap', 'scenario-path'] as const
const isSeries = (s: string): s is (typeof SERIES)[number] =>
  (SERIES as readonly string[]).includes(s)
const isModel = (s: string): s is (typeof MODELS)[number] =>
  (MODELS as readonly string[]).includes(s)

/** What the chosen scenario does: its models (and fit periods) and its assumptions (English). */
function ScenarioNote({ scenario }: { readonly scenario: ScenarioInfo }) {
  const { t } = useLang()
  const models = Object.entries(scenario.scenario.stochastic ?? {})
  return (
    <div className="hint scenario-note" data-testid="scenario-note">
      {scenario.stochastic ? (
        <ul>
          {models.map(([series, m]) => (
            <li key={series}>
              {isSeries(series) ? t(`series.${series}`) : series}:{' '}
              {isModel(m.model) ? t(`projections.model.${m.model}`) : m.model}
              {m.fit && <> {t('projections.fitPeriod', { from: m.fit.from, to: m.fit.to })}</>}
              {m.blockLength !== undefined && (
                <> · {t('projections.blockLength', { count: m.blockLength })}</>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <span>{t('projections.deterministicNote')}</span>
      )}
      <details>
        <summary>{t('projections.assumptions')}</summary>
        <p lang="en">{scenario.description}</p>
      </details>
    </div>
  )
}
