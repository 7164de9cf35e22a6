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

/** What went wrong, in the reader's language: the server's problem detail when it sent one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('load.network')
  if (error instanceof UnreadableAnswer) return t('load.unreadable')
  if (error instanceof ApiError) {
    if (error.status === 404) return t('common.notFound')
    if (error.status === 401) return t('common.needLogin')
    if (error.status === 403) return t('common.forbidden')
    const korean = t('common.langCode') === 'ko' ? error.problem?.detailKo : undefined
    return (
      korean ??
      error.problem?.detail ??
      error.problem?.title ??
      t('load.server', { status: error.status })
    )
  }
  if (error instanceof Error && error.message) {
    return `${t('common.errorGeneric')} (${error.message})`
  }
  return t('common.errorGeneric')
}

/** An error in words, in place of what could not be done. */
export function ErrorBox({ error }: { readonly error: unknown }) {
  const { t } = useLang()
  return (
    <div className="error-box" role="alert">
      {errorText(error, t)}
    </div>
  )
}

/** What a page loads from the server, named in a load failure. */
export type LoadWhat = 'record' | 'agreements' | 'negotiations' | 'negotiation' | 'ledger'

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
