import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { AgreementSummary } from '../../../../src/contracts/agreements.js'
import type { ProjectionRequest, ProjectionRunView } from '../../../../src/contracts/projections.js'
import { useAgreements } from '../../api/record'
import { principalOf, useCsrfToken, useSession } from '../../api/session'
import { scopeOf } from '../../../../src/domain/access/scope.js'
import { formatNumber, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Downloads } from '../../ui/Downloads'
import { ErrorBox, Loading, QueryStatus } from '../../ui/Status'
import { requestBody, useScenarios } from './api'
import { CalibrationSection } from './CalibrationSection'
import { OfficialForecasts } from './OfficialForecasts'
import { ProjectionForm, type FormState } from './ProjectionForm'
import { ProjectionResults } from './ProjectionResults'
import { inputFromRequest } from './run-state'
import { RunProgress, StoredRunPanel } from './RunPanel'
import { useStoredRun } from './useStoredRun'
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
import { usePageTitle } from '../../ui/page-title'

export function ProjectionsPage() {
  const { t } = useLang()
  usePageTitle(t('projections.title'))
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
  const runId = params.get('run')
  const [form, setForm] = useState<FormState>(() => ({
    agreementId: agreements.some((a) => a.id === fromUrl) ? (fromUrl ?? '') : DEFAULT_AGREEMENT,
    scenarioId: null,
    pathsText: String(DEFAULT_PATHS),
    seedText: '1',
    compare: { kind: 'none' },
  }))
  const csrfToken = useCsrfToken()
  const stored = useStoredRun(csrfToken)
  const scenarios = useScenarios()
  const followed = useRef<string | null>(null)
  const { current, open } = stored

  // A shared link (`?run=…`): follow that run (a run started here is followed already) and put
  // its inputs in the form when the form can show them.
  useEffect(() => {
    if (runId === null || runId === followed.current) return
    followed.current = runId
    open(runId, (run) => {
      const input = inputFromRequest(run.request)
      if (!input || !agreements.some((a) => a.id === input.agreement)) return
      setForm({
        agreementId: input.agreement,
        scenarioId: input.scenario,
        pathsText: String(input.paths),
        seedText: String(input.seed),
        compare: input.compare,
      })
    })
  }, [runId, open, agreements])

  const list = scenarios.data
  const scenarioId = form.scenarioId ?? list?.defaultScenario ?? null
  const scenario = list?.scenarios.find((s) => s.id === scenarioId)
  const spec = agreements.find((a) => a.id === form.agreementId)
  const paths = wholeNumber(form.pathsText, 1, maxPaths)
  const seed = wholeNumber(form.seedText, 0, MAX_SEED)
  const running =
    current.state === 'starting' || current.state === 'opening' || current.state === 'running'
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

  /** Starts a stored run and puts its id in the address, so the page's link is the run's. */
  const begin = (body: ProjectionRequest, from: ProjectionRunView | null = null) => {
    void stored.start(body, from).then((id) => {
      if (id === null) return
      followed.current = id
      const p = new URLSearchParams(params)
      p.set('run', id)
      setParams(p, { replace: true, preventScrollReset: true })
    })
  }

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!canRun) return
    begin(
      requestBody({
        agreement: form.agreementId,
        scenario: scenario.id,
        paths,
        seed,
        compare: form.compare,
      }),
    )
  }

  const titleOf = (id: string) => agreements.find((a) => a.id === id)?.title[lang] ?? id
  const scenarioOf = (id: string) => list?.scenarios.find((s) => s.id === id)
  const runningText = (req: ProjectionRequest) => {
    const sc = typeof req.scenario === 'string' ? req.scenario : (req.scenario?.id ?? '')
    const agreement = titleOf(req.agreement ?? req.spec?.id ?? '')
    const scenarioTitle = scenarioOf(sc)?.title[lang] ?? sc
    const other = req.compare[0]
    return (
      <>
        {scenarioOf(sc)?.stochastic === false
          ? t('projections.runningExact', { agreement, scenario: scenarioTitle })
          : t('projections.running', {
              paths: formatNumber(req.paths, lang),
              agreement,
              scenario: scenarioTitle,
            })}
        {other !== undefined && (
          <>
            {' '}
            {t('projections.runningCompare', {
              other:
                typeof other === 'object' && 'variant' in other
                  ? t('projections.compareVariant')
                  : titleOf(
                      typeof other === 'string'
                        ? other
                        : 'proposal' in other
                          ? other.proposal
                          : other.id,
                    ),
            })}
          </>
        )}
      </>
    )
  }

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
        cancellable={current.state === 'running' && current.cancelToken !== null}
        onRun={submit}
        onCancel={stored.cancel}
      />

      <div aria-live="polite">
        {(current.state === 'starting' || current.state === 'running') && (
          <div className="projection-running" role="status" data-testid="projection-running">
            <span className="spinner" aria-hidden="true" />
            <div>
              <p>
                {runningText(current.state === 'starting' ? current.request : current.run.request)}
              </p>
              {current.state === 'running' && <RunProgress run={current.run} />}
            </div>
          </div>
        )}
        {current.state === 'opening' && <Loading label={t('projections.opening')} />}
        {current.state === 'finished' && current.run.status === 'cancelled' && (
          <p role="status" className="muted" data-testid="projection-cancelled">
            {t('projections.cancelled')}
          </p>
        )}
        {current.state === 'finished' &&
          (current.run.status === 'failed' || current.run.status === 'interrupted') && (
            <p role="status" className="error-box" data-testid="projection-failed">
              {current.run.status === 'failed'
                ? t('projections.failed', { error: current.run.error ?? '' })
                : t('projections.interrupted')}
            </p>
          )}
      </div>
      {current.state === 'error' && <ErrorBox error={current.error} />}
      {current.state === 'idle' && <p className="muted">{t('projections.noResult')}</p>}
      {current.state === 'finished' && current.run.result && (
        <>
          <ProjectionDownloads request={current.run.request} csrfToken={csrfToken} />
          <ProjectionResults
            result={current.run.result}
            forecast={scenarioOf(current.run.result.scenario.id)?.scenario.forecast ?? null}
          />
          <StoredRunPanel
            run={current.run}
            previous={stored.previous}
            rerunning={running}
            onRerun={() => {
              begin(current.run.request, current.run)
            }}
          />
        </>
      )}
      {spec && (
        <p className="small">
          <Link to={`/agreements/${spec.id}`}>
            {t('projections.openAgreement', { title: spec.title[lang] })}
          </Link>
        </p>
      )}
      {list && <OfficialForecasts scenarios={list.scenarios} />}
      {list && <CalibrationSection scenarios={list.scenarios} initial={list.defaultScenario} />}
    </>
  )
}

/** CSV and XLSX of a finished run: the same request posted with a file format (same seed, same figures). */
function ProjectionDownloads({
  request,
  csrfToken,
}: {
  readonly request: ProjectionRequest
  readonly csrfToken: string | undefined
}) {
  const { t, lang } = useLang()
  const name = request.agreement ?? 'projection'
  const tables =
    request.compare.length > 0 ? (['projection', 'comparison'] as const) : (['projection'] as const)
  return (
    <Downloads
      testId="projection-downloads"
      files={tables.flatMap((table) =>
        (['csv', 'xlsx'] as const).map((kind) => ({
          kind,
          post: {
            path: `/api/projections?format=${kind}&lang=${lang}&table=${table}`,
            body: request,
            csrfToken,
          },
          fileName: `${name}-${table}-${lang}.${kind}`,
          ...(table === 'comparison'
            ? { label: `${t('projections.comparisonFile')} (${t(`export.${kind}`)})` }
            : {}),
        })),
      )}
    />
  )
}
