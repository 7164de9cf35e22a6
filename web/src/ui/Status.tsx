import type { Translate } from '../i18n/keys'
import { ApiError, NetworkError, UnreadableAnswer } from '../api/client'
import { useLang } from '../i18n/i18n'

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useLang()
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  )
}

/** The reader's words for a server status, when the server sent none in the reader's language. */
function statusText(status: number, t: Translate): string {
  if (status === 409 || status === 412) return t('load.conflict', { status })
  if (status === 429) return t('load.tooMany')
  if (status >= 400 && status < 500) return t('load.refused', { status })
  return t('load.server', { status })
}

/**
 * What went wrong, in the reader's language. The server words its refusals in English
 * (`detail`) and, where the rule has one, in Korean (`detailKo`, from DomainError's `ko`); the
 * Korean page shows the Korean text, or the status in Korean words, never the English detail.
 */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('load.network')
  if (error instanceof UnreadableAnswer) return t('load.unreadable')
  if (error instanceof ApiError) {
    if (error.status === 404) return t('common.notFound')
    if (error.status === 401) return t('common.needLogin')
    if (error.status === 403) return t('common.forbidden')
    if (t('common.langCode') === 'ko') {
      return error.problem?.detailKo ?? statusText(error.status, t)
    }
    return error.problem?.detail ?? statusText(error.status, t)
  }
  if (error instanceof Error && error.message) {
    return `${t('common.errorGeneric')} (${error.message})`
  }
  return t('common.errorGeneric')
}

/**
 * An error in words, in place of what could not be done. With `onRetry` (a query's `refetch`),
 * a button tries again, so a failed part of a page does not need the whole page reloaded.
 */
export function ErrorBox({
  error,
  onRetry,
}: {
  readonly error: unknown
  readonly onRetry?: (() => unknown) | undefined
}) {
  const { t } = useLang()
  if (onRetry === undefined) {
    return (
      <div className="error-box" role="alert">
        {errorText(error, t)}
      </div>
    )
  }
  return (
    <div className="error-box load-failed" role="alert" data-testid="load-failed">
      <p>{errorText(error, t)}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void onRetry()
        }}
        data-testid="retry"
      >
        {t('common.retry')}
      </button>
    </div>
  )
}

/** What a page loads from the server, named in a load failure. */
export type LoadWhat =
  'record' | 'agreements' | 'negotiations' | 'negotiation' | 'ledger' | 'hostSupport'

/**
 * A failed load: what could not be loaded, why, and a button to try again. The page around it
 * stays (header, navigation, the page's title), so the reader keeps their place.
 */
export function LoadFailed({
  what,
  error,
  onRetry,
}: {
  readonly what: LoadWhat
  readonly error: unknown
  readonly onRetry: () => void
}) {
  const { t } = useLang()
  return (
    <div className="error-box load-failed" role="alert" data-testid="load-failed">
      <p>
        <strong>{t(`load.${what}`)}</strong> {errorText(error, t)}
      </p>
      <button type="button" className="secondary" onClick={onRetry} data-testid="retry">
        {t('common.retry')}
      </button>
    </div>
  )
}

/** The part of a TanStack query that says whether it is still loading or has failed. */
export interface QueryLike {
  readonly isError: boolean
  readonly error: unknown
  readonly refetch: () => unknown
}

/**
 * Stands in for a query's data until it is there: "Loading…" while it loads; on failure, what
 * failed and a retry button. Use as `if (!q.data) return <QueryStatus query={q} what="record" />`.
 */
export function QueryStatus({
  query,
  what,
}: {
  readonly query: QueryLike
  readonly what: LoadWhat
}) {
  if (!query.isError) return <Loading />
  return (
    <LoadFailed
      what={what}
      error={query.error}
      onRetry={() => {
        void query.refetch()
      }}
    />
  )
}
