import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { useLang } from '../i18n/i18n'
import { usePageTitle } from '../ui/page-title'

export function RouteError({ notFound = false }: { readonly notFound?: boolean }) {
  const { t } = useLang()
  const error = useRouteError()
  const is404 = notFound || (isRouteErrorResponse(error) && error.status === 404)
  usePageTitle(is404 ? t('common.notFound') : t('common.errorGeneric'))
  return (
    <main id="main" className="page">
      <h1>{is404 ? t('common.notFound') : t('common.errorGeneric')}</h1>
      <p>
        <Link to="/">{t('nav.overview')}</Link>
      </p>
    </main>
  )
}
