import type { ReactNode } from 'react'
import { Link } from 'react-router'
import {
  findAgreement,
  type AgreementSpec,
  type RecordSnapshot,
} from '../../../../src/domain/index.js'
import { useRecord } from '../../api/record'
import { useLang } from '../../i18n/i18n'
import { QueryStatus } from '../../ui/Status'
import { usePageTitle } from '../../ui/page-title'

/**
 * The title of a page about one agreement: the page's kind (none for the agreement page itself)
 * and the agreement's title once the record is loaded ("What-if · 12th SMA — SMA Desk").
 */
export function useAgreementPageTitle(id: string, page?: string): void {
  const { lang } = useLang()
  const record = useRecord()
  const spec = record.data ? findAgreement(record.data, id) : undefined
  usePageTitle(page, spec?.title[lang])
}

/**
 * One agreement of the record for the pages about it: loads the record (once; then the pages
 * compute without the server), and says so while it loads, when it fails (with a retry) or when
 * the viewer's record holds no agreement of that id.
 */
export function RecordAgreement({
  id,
  children,
}: {
  readonly id: string
  readonly children: (snapshot: RecordSnapshot, spec: AgreementSpec) => ReactNode
}) {
  const { t } = useLang()
  const record = useRecord()
  const spec = record.data ? findAgreement(record.data, id) : undefined
  if (record.data && spec) return children(record.data, spec)
  return (
    <article>
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('nav.overview')}</Link>
      </nav>
      {record.data ? (
        <div role="alert">
          <h1>{t('common.notFound')}</h1>
        </div>
      ) : (
        <QueryStatus query={record} what="record" />
      )}
    </article>
  )
}
