import { useMemo } from 'react'
import { Link } from 'react-router'
import { createColumnHelper } from '@tanstack/react-table'
import type { NegotiationSummary } from '../../../../src/contracts/negotiations.js'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { DataTable } from '../../ui/DataTable'
import { QueryStatus } from '../../ui/Status'
import { useNegotiations } from './api'
import { deadlineLabel, lapseText } from './labels'
import { textIn } from '../../../../src/domain/text/localized.js'
import { NewNegotiationForm } from './RecordForms'
import { usePageTitle } from '../../ui/page-title'

const col = createColumnHelper<NegotiationSummary>()

export function NegotiationsPage() {
  const { t, lang } = useLang()
  usePageTitle(t('negotiation.listTitle'))
  const q = useNegotiations()
  const columns = useMemo(
    () => [
      col.accessor((n) => n.title[lang], {
        id: 'title',
        header: t('negotiation.negotiation'),
        cell: (c) => <Link to={`/negotiations/${c.row.original.id}`}>{c.getValue()}</Link>,
      }),
      col.accessor('status', {
        header: t('agreement.status'),
        cell: (c) => (
          <span className={`status status-${c.getValue()}`}>{t(`negStatus.${c.getValue()}`)}</span>
        ),
      }),
      col.accessor('replaces', {
        header: t('negotiation.replaces'),
        cell: (c) => {
          const v = c.getValue()
          return v === null ? '—' : <Link to={`/agreements/${v}`}>{v}</Link>
        },
      }),
      col.accessor((n) => n.nextDeadline?.date ?? '', {
        id: 'next',
        header: t('negotiation.nextDeadline'),
        cell: (c) => {
          const d = c.row.original.nextDeadline
          return d ? (
            <>
              <time dateTime={d.date}>{formatDate(d.date, lang)}</time> —{' '}
              <span title={textIn(d.label, lang)}>{deadlineLabel(d, t, lang)}</span>
            </>
          ) : (
            '—'
          )
        },
      }),
      col.accessor((n) => n.lapse?.from ?? '', {
        id: 'lapse',
        header: t('negotiation.lapse'),
        cell: (c) => {
          const l = c.row.original.lapse
          return l ? lapseText(l, t, lang) : '—'
        },
      }),
    ],
    [t, lang],
  )
  return (
    <div>
      <h1>{t('negotiation.listTitle')}</h1>
      <p className="lede">{t('negotiation.listLede')}</p>
      <NewNegotiationForm />
      {q.data ? (
        <DataTable
          data={q.data}
          columns={columns}
          caption={t('negotiation.listCaption')}
          getRowId={(n) => n.id}
          rowTestId={() => 'negotiation-row'}
          testId="negotiations-table"
        />
      ) : (
        <QueryStatus query={q} what="negotiations" />
      )}
    </div>
  )
}
