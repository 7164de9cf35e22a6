import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { divideHalfUp } from '../../../../src/domain/negotiation/compare.js'
import type { ProjectionResult } from '../../../../src/domain/projection/result.js'
import { useCsrfToken } from '../../api/session'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { SelectField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { ErrorBox, Loading } from '../../ui/Status'
import { useScenarios } from '../projections/api'
import { ComparisonBlock } from '../projections/ComparisonBlock'
import { RunProgress } from '../projections/RunPanel'
import { useStoredRun } from '../projections/useStoredRun'
import { COMPARE_PATHS, monteCarloRequest, type Picked } from './view'

/**
 * The picked items under a projection scenario: one stored run (decision 0006) projecting the
 * first item and comparing the others with it path by path, proposals by reference. The run's id
 * joins the URL (`run=`), so a shared link shows the same figures to whoever may see the run (a
 * run naming a proposal is private to the delegation that started it).
 */
export function MonteCarlo({
  negotiationId,
  picked,
  titles,
}: {
  readonly negotiationId: string
  readonly picked: Picked
  readonly titles: readonly string[]
}) {
  const { t, lang } = useLang()
  const [params, setParams] = useSearchParams()
  const scenarios = useScenarios()
  const stored = useStoredRun(useCsrfToken())
  const { current } = stored
  const stochastic = (scenarios.data?.scenarios ?? []).filter((s) => s.stochastic)
  const [scenario, setScenario] = useState<string | null>(null)
  const chosen = scenario ?? scenarios.data?.defaultScenario ?? null
  const runId = params.get('run')

  // a shared link: follow the run it names (once per id)
  useEffect(() => {
    if (runId !== null && current.state === 'idle') stored.open(runId)
  }, [runId]) // eslint-disable-line react-hooks/exhaustive-deps

  const request = chosen === null ? null : monteCarloRequest(negotiationId, picked, chosen)
  const busy =
    current.state === 'starting' || current.state === 'opening' || current.state === 'running'
  const run = () => {
    if (request === null) return
    void stored.start(request).then((id) => {
      if (id === null) return
      const q = new URLSearchParams(params)
      q.set('run', id)
      setParams(q, { replace: true })
    })
  }
  const finished = current.state === 'finished' ? current.run : null

  return (
    <section aria-labelledby="mc-h" className="card compare-mc" data-testid="compare-mc">
      <h2 id="mc-h">{t('compare.mcTitle')}</h2>
      <p className="small muted">
        {t('compare.mcHelp', { paths: formatNumber(COMPARE_PATHS, lang) })}
      </p>
      <div className="form-row">
        <SelectField
          label={t('projections.scenario')}
          value={chosen ?? ''}
          testId="compare-scenario"
          onValue={setScenario}
        >
          {stochastic.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title[lang]}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          onClick={run}
          disabled={busy || request === null}
          data-testid="mc-run"
        >
          {t('compare.mcRun')}
        </button>
      </div>
      {scenarios.isError && <ErrorBox error={scenarios.error} onRetry={scenarios.refetch} />}
      {current.state === 'opening' && <Loading label={t('projections.opening')} />}
      {current.state === 'starting' && <Loading />}
      {current.state === 'running' && <RunProgress run={current.run} />}
      {current.state === 'error' && <ErrorBox error={current.error} />}
      {finished && finished.status !== 'done' && (
        <p role="status">{t('compare.mcEnded', { status: finished.status })}</p>
      )}
      {finished?.result && (
        <>
          <p className="small" data-testid="mc-visibility">
            {finished.visibility === 'public'
              ? t('projections.runPublic')
              : t('projections.runPrivate', { party: t(`party.${finished.ownerParty}`) })}
          </p>
          <McResult result={finished.result} titles={titles} />
        </>
      )}
    </section>
  )
}

function McResult({
  result,
  titles,
}: {
  readonly result: ProjectionResult
  readonly titles: readonly string[]
}) {
  const { t, lang } = useLang()
  const title = (i: number) => titles[i] ?? result.projections[i]?.agreement.title[lang] ?? '—'
  return (
    <div data-testid="mc-result">
      <p className="small">
        {t('projections.scenarioIs', { title: result.scenario.title[lang] })} ·{' '}
        {t('projections.pathsCount', {
          count: result.paths,
          formatted: formatNumber(result.paths, lang),
        })}{' '}
        · {t('projections.seedIs', { seed: result.seed })}
      </p>
      <PlainTable
        caption={t('compare.mcTotals')}
        testId="mc-totals"
        scrollLabel={t('compare.mcTotals')}
        columns={[
          { label: t('compare.item') },
          { label: 'P5', num: true },
          { label: 'P50', num: true },
          { label: 'P95', num: true },
          { label: t('compare.mcMean'), num: true },
          { label: t('compare.mcMedianPerYear'), num: true },
        ]}
      >
        {result.projections.map((p, i) => {
          const q = p.total?.nominal ?? null
          return (
            <tr key={i}>
              <th scope="row">{title(i)}</th>
              <td className="num">
                <Money minor={q?.p5 ?? null} currency={p.currency} />
              </td>
              <td className="num">
                <Money minor={q?.p50 ?? null} currency={p.currency} />
              </td>
              <td className="num">
                <Money minor={q?.p95 ?? null} currency={p.currency} />
              </td>
              <td className="num">
                <Money minor={q?.mean ?? null} currency={p.currency} />
              </td>
              <td className="num">
                <Money
                  minor={
                    q === null || p.years.length === 0
                      ? null
                      : divideHalfUp(BigInt(q.p50), BigInt(p.years.length)).toString()
                  }
                  currency={p.currency}
                />
              </td>
            </tr>
          )
        })}
      </PlainTable>
      {result.comparisons.some((c) => c.total === null) && (
        <p className="small muted" data-testid="mc-other-terms">
          {t('compare.mcOtherTerms')}
        </p>
      )}
      {result.comparisons.map((c, i) =>
        c.years.length === 0 && c.total === null ? null : (
          <ComparisonBlock
            key={i}
            comparison={c}
            index={i}
            titleA={title(0)}
            titleB={title(i + 1)}
            currency={result.projections[0]?.currency ?? 'KRW'}
          />
        ),
      )}
    </div>
  )
}
