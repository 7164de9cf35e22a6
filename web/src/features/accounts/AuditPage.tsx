import { useMemo } from 'react'
import { createColumnHelper } from '@tanstack/react-table'
import type { AuditEntry } from '../../../../src/contracts/audit.js'
import { useCan, useSession } from '../../api/session'
import { formatDateTime } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { DataTable } from '../../ui/DataTable'
import { ErrorBox, Loading } from '../../ui/Status'
import { useAudit } from './api'

const col = createColumnHelper<AuditEntry>()

export function AuditPage() {
  const { t, lang } = useLang()
  const session = useSession()
  const canAudit = useCan('audit:read')
  const audit = useAudit(canAudit)
  const columns = useMemo(
    () => [
      col.accessor('seq', { header: '#', meta: { numeric: true } }),
      col.accessor('at', {
        header: t('audit.when'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
      col.accessor('actor', { header: t('audit.actor'), cell: (c) => c.getValue() || '—' }),
      col.accessor('party', { header: t('account.party'), cell: (c) => c.getValue() || '—' }),
      col.accessor('action', { header: t('audit.action') }),
      col.accessor('object', { header: t('audit.object'), cell: (c) => c.getValue() || '—' }),
      col.accessor('hash', {
        header: t('audit.hash'),
        cell: (c) => (
          <code className="hash" title={c.getValue()}>
            {c.getValue().slice(0, 12)}…
          </code>
        ),
      }),
    ],
    [t, lang],
  )
  if (session.isPending) return <Loading />
  if (!canAudit) return <p role="alert">{t('common.forbidden')}</p>
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.lede')}</p>
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorBox error={audit.error} />}
      {audit.data && (
        <DataTable
          data={audit.data}
          columns={columns}
          caption={t('audit.caption')}
          getRowId={(e) => String(e.seq)}
          testId="audit-table"
        />
      )}
    </div>
  )
}
