import { useEffect } from 'react'
import { useLang } from '../i18n/i18n'

/**
 * The document title of a page in the reader's language: what the page is and which item it
 * shows, then the application ("12th SMA · What-if — SMA Desk"). Browser tabs, history and
 * bookmarks then tell pages apart, and a screen reader announces the page on navigation.
 * Parts that are not known yet (the item while it loads) are left out.
 */
export function pageTitle(appTitle: string, parts: readonly (string | null | undefined)[]): string {
  const named = parts.filter((p): p is string => typeof p === 'string' && p !== '')
  return named.length === 0 ? appTitle : `${named.join(' · ')} — ${appTitle}`
}

/** Sets the page's document title (see `pageTitle`); every page calls it once, at its top. */
export function usePageTitle(...parts: readonly (string | null | undefined)[]): void {
  const { t } = useLang()
  const title = pageTitle(t('app.title'), parts)
  useEffect(() => {
    document.title = title
  }, [title])
}
