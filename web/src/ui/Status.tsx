import { ApiError } from '../api/client'
import { useLang } from '../i18n/i18n'

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useLang()
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  )
}

/** An error in words: the server's problem title/detail when it sent one. */
export function ErrorBox({ error }: { readonly error: unknown }) {
  const { t } = useLang()
  let text = t('common.errorGeneric')
  if (error instanceof ApiError) {
    if (error.status === 404) text = t('common.notFound')
    else if (error.status === 401) text = t('common.needLogin')
    else if (error.status === 403) text = t('common.forbidden')
    else text = error.problem?.detail ?? error.problem?.title ?? text
  } else if (error instanceof Error && error.message) {
    text = `${t('common.errorGeneric')} (${error.message})`
  }
  return (
    <div className="error-box" role="alert">
      {text}
    </div>
  )
}
