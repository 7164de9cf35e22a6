import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { AgreementSummary } from '../../../../src/contracts/agreements.js'
import type { ProjectionResult } from '../../../../src/domain/projection/result.js'
import { useAgreements } from '../../api/record'
import { principalOf, useCsrfToken, useSession } from '../../api/session'
import { scopeOf } from '../../../../src/domain/access/scope.js'
import { formatNumber, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ErrorBox, QueryStatus } from '../../ui/Status'
import { runProjection, useScenarios, type ProjectionInput } from './api'
import { ProjectionForm, type FormState } from './ProjectionForm'
import { ProjectionResults } from './ProjectionResults'
import {
  agreementChoices,
  comparableWith,
  DEFAULT_AGREEMENT,
  DEFAULT_PATHS,
  maxPathsFor,
  MAX_SEED,
  wholeNumber,
} from './view'
import './projections.css'

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly input: ProjectionInput }
  | { readonly state: 'done'; readonly input: ProjectionInput; readonly result: ProjectionResult }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'cancelled' }

export function ProjectionsPage() {
  const { t } = useLang()
  const agreements = useAgreements(todayIso())
  return (
    <article className="projections" data-testid="projections-page">
      <h1>{t('projections.title')}</h1>
      <p className="lede">{t('projections.lede')}</p>
      {agreements.data ? (
        <Projections agreements={agreementChoices(agreements.data)} />
      ) : (
        <QueryStatus query={agreements} what="agreements" />
      )}
    </article>
  )
}

function Projections({ agreements }: { readonly agreements: readonly AgreementSummary[] }) {
  const { t, lang } = useLang()
  const maxPaths = maxPathsFor(scopeOf(principalOf(useSession().data?.user)))
  const [params, setParams] = useSearchParams()
  const fromUrl = params.get('agreement')
  const [form, setForm] = useState<FormState>(() => ({
    agreementId: agreements.some((a) => a.id === fromUrl) ? (fromUrl ?? '') : DEFAULT_AGREEMENT,
    scenarioId: null,
    pathsText: String(DEFAULT_PATHS),
    seedText: '1',
    compare: { kind: 'none' },
  }))
  const [run, setRun] = useState<Run>({ state: 'idle' })
  const controller = useRef<AbortController | null>(null)
  const csrfToken = useCsrfToken()
  const scenarios = useScenarios()

  // A run still going when the page is left is cancelled (the server stops it too).
  useEffect(
    () => () => {
      controller.current?.abort()
    },
    [],
  )

  const list = scenarios.data
  const scenarioId = form.scenarioId ?? list?.defaultScenario ?? null
  const scenario = list?.scenarios.find((s) => s.id === scenarioId)
  const spec = agreements.find((a) => a.id === form.agreementId)
  const paths = wholeNumber(form.pathsText, 1, maxPaths)
  const seed = wholeNumber(form.seedText, 0, MAX_SEED)
  const running = run.state === 'running'
  const canRun =
    !running && spec !== undefined && scenario !== undefined && paths !== null && seed !== null

  const chooseAgreement = (id: string) => {
    setForm((f) => ({
      ...f,
      agreementId: id,
      compare: f.compare.kind === 'agreement' && f.compare.id === id ? { kind: 'none' } : f.compare,
    }))
    const p = new URLSearchParams(params)
    p.set('agreement', id)
    setParams(p, { replace: true, preventScrollReset: true })
  }

  const start = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!canRun) return
    const input: ProjectionInput = {
      agreement: form.agreementId,
      scenario: scenario.id,
      paths,
      seed,
      compare: form.compare,
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

  const titleOf = (id: string) => agreements.find((a) => a.id === id)?.title[lang] ?? id
  const scenarioTitle = (id: string) => list?.scenarios.find((s) => s.id === id)?.title[lang] ?? id

  return (
    <>
      <ProjectionForm
        state={{ ...form, scenarioId }}
        onChange={(patch) => {
          setForm((f) => ({ ...f, ...patch }))
        }}
        onAgreement={chooseAgreement}
        agreements={agreements}
        others={comparableWith(agreements, form.agreementId)}
        scenarios={scenarios}
        valid={{ paths: paths !== null, seed: seed !== null, run: canRun }}
        running={running}
        onRun={start}
        onCancel={() => {
          controller.current?.abort()
        }}
      />

      <div aria-live="polite">
        {run.state === 'running' && (
          <p className="projection-running" role="status" data-testid="projection-running">
            <span className="spinner" aria-hidden="true" />
            {list?.scenarios.find((s) => s.id === run.input.scenario)?.stochastic === false
              ? t('projections.runningExact', {
                  agreement: titleOf(run.input.agreement),
                  scenario: scenarioTitle(run.input.scenario),
                })
              : t('projections.running', {
                  paths: formatNumber(run.input.paths, lang),
                  agreement: titleOf(run.input.agreement),
                  scenario: scenarioTitle(run.input.scenario),
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
    </>
  )
}
