import { useState } from 'react'
import type { ProjectionRunView } from '../../../../src/contracts/projections.js'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { progressShare, runLink, sameFigures } from './run-state'

/**
 * Paths done of total while a run computes: a progress bar and the count in words. While the run
 * waits for a free slot of the server's limit on heavy work, the bar is indeterminate and says
 * how many runs are ahead.
 */
export function RunProgress({ run }: { readonly run: ProjectionRunView }) {
  const { t, lang } = useLang()
  const ahead = run.queuePosition
  const text =
    ahead === null
      ? t('projections.progress', {
          done: formatNumber(run.pathsDone, lang),
          total: formatNumber(run.pathsTotal, lang),
        })
      : ahead === 0
        ? t('projections.queuedNext')
        : t('projections.queued', { ahead: formatNumber(ahead, lang) })
  return (
    <div className="run-progress" data-testid="run-progress" data-queued={ahead !== null}>
      {ahead === null ? (
        <progress
          max={run.pathsTotal}
          value={run.pathsDone}
          aria-label={text}
          data-share={progressShare(run).toFixed(3)}
        />
      ) : (
        <progress aria-label={text} />
      )}
      <span data-testid="run-progress-text">{text}</span>
    </div>
  )
}

/**
 * A finished stored run: its link (to copy and share), who may open it, when and with which
 * engine and seed it ran, and "run again": the same request, whose figures are then compared.
 */
export function StoredRunPanel({
  run,
  previous,
  onRerun,
  rerunning,
}: {
  readonly run: ProjectionRunView
  readonly previous: ProjectionRunView | null
  readonly onRerun: () => void
  readonly rerunning: boolean
}) {
  const { t, lang } = useLang()
  const [copied, setCopied] = useState(false)
  const link = runLink(window.location.origin, run.id)
  const copy = () => {
    void navigator.clipboard.writeText(link).then(
      () => {
        setCopied(true)
      },
      () => {
        setCopied(false)
      },
    )
  }
  const compared = previous !== null && previous.id !== run.id && run.status === 'done'
  return (
    <section className="card stored-run" aria-labelledby="stored-run-h" data-testid="stored-run">
      <h2 id="stored-run-h">{t('projections.storedRun')}</h2>
      <p className="small">
        {run.visibility === 'public'
          ? t('projections.runPublic')
          : t('projections.runPrivate', { party: t(`party.${run.ownerParty}`) })}
      </p>
      <div className="run-link">
        <label htmlFor="run-link-input">{t('projections.runLink')}</label>
        <input
          id="run-link-input"
          readOnly
          value={link}
          data-testid="run-link"
          onFocus={(e) => {
            e.currentTarget.select()
          }}
        />
        <button type="button" className="secondary" onClick={copy} data-testid="run-copy">
          {copied ? t('projections.linkCopied') : t('projections.copyLink')}
        </button>
      </div>
      <dl className="facts run-facts">
        <div>
          <dt>{t('projections.runStarted')}</dt>
          <dd>{formatDateTime(run.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('projections.runEngine')}</dt>
          <dd>{run.engine}</dd>
        </div>
        <div>
          <dt>{t('projections.seed')}</dt>
          <dd data-testid="run-seed">{run.request.seed}</dd>
        </div>
        <div>
          <dt>{t('projections.runDigest')}</dt>
          <dd className="formula-inline" title={run.inputsDigest}>
            {run.inputsDigest.slice(0, 12)}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="secondary"
        onClick={onRerun}
        disabled={rerunning}
        data-testid="run-again"
      >
        {t('projections.runAgain')}
      </button>
      {compared && (
        <p
          role="status"
          data-testid="rerun-verdict"
          className={sameFigures(previous, run) ? '' : 'warn'}
        >
          {sameFigures(previous, run)
            ? t('projections.sameFigures', { seed: run.request.seed })
            : previous.inputsDigest !== run.inputsDigest || previous.engine !== run.engine
              ? t('projections.figuresChanged', { before: previous.engine, after: run.engine })
              : t('projections.figuresDiffer')}
        </p>
      )}
    </section>
  )
}
