import { useMemo } from 'react'
import { Link } from 'react-router'
import { createColumnHelper } from '@tanstack/react-table'
import type { Translate } from '../../i18n/keys'
import { agreementPeriod, agreementStatus, type DateFact } from '../../../../src/domain/index.js'
import { formatDate, type Lang } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { DataTable } from '../../ui/DataTable'
import { Money } from '../../ui/Money'
import { termTotalMinor } from '../agreement/view'
import type { Row } from './view'

const col = createColumnHelper<Row>()

/** A recorded date, or "date unknown" (the record's fact as stated, month-only dates too). */
const factText = (f: DateFact, t: Translate, lang: Lang): string =>
  f.status === 'known' ? formatDate(f.date, lang) : t('common.unknownDate')

/** The columns both tables share: title (linked), term, status on `today` (the domain's). */
function commonColumns(t: Translate, lang: Lang, today: string, termHeader: string) {
  return {
    title: col.accessor((r) => r.spec.title[lang], {
      id: 'title',
      header: t('agreement.agreement'),
      cell: (c) => <Link to={`/agreements/${c.row.original.spec.id}`}>{c.getValue()}</Link>,
    }),
    term: col.accessor((r) => r.spec.term.firstYear, {
      id: 'term',
      header: termHeader,
      cell: (c) => `${c.row.original.spec.term.firstYear}–${c.row.original.spec.term.lastYear}`,
    }),
    status: col.accessor((r) => agreementStatus(r.spec, today), {
      id: 'status',
      header: t('agreement.status'),
      cell: (c) => (
        <span className={`status status-${c.getValue()}`}>{t(`status.${c.getValue()}`)}</span>
      ),
    }),
  }
}

function rokColumns(t: Translate, lang: Lang, today: string) {
  const common = commonColumns(t, lang, today, t('agreement.term'))
  return [
    col.accessor((r) => r.spec.ordinal ?? 0, {
      id: 'ordinal',
      header: t('agreement.ordinal'),
      cell: (c) => (
        <span className="ordinal" style={{ borderColor: c.row.original.color }}>
          {c.getValue()}
        </span>
      ),
    }),
    common.title,
    common.term,
    col.accessor((r) => agreementPeriod(r.spec).from, {
      id: 'inForce',
      header: t('overview.inForceDates'),
      cell: (c) => {
        const s = c.row.original.spec
        return `${factText(s.lifecycle.entryIntoForce, t, lang)} – ${formatDate(agreementPeriod(s).to, lang)}`
      },
    }),
    col.accessor((r) => r.schedule.currency, { id: 'currency', header: t('agreement.currency') }),
    col.accessor((r) => (r.schedule.total === null ? -1 : Number(r.schedule.total)), {
      id: 'total',
      header: t('agreement.totalOverTerm'),
      meta: { numeric: true },
      cell: (c) =>
        c.row.original.schedule.total === null ? (
          <span className="muted">{t('agreement.totalPending')}</span>
        ) : (
          <Money
            minor={c.row.original.schedule.total}
            currency={c.row.original.schedule.currency}
          />
        ),
    }),
    common.status,
  ]
}

function jpColumns(t: Translate, lang: Lang, today: string) {
  const common = commonColumns(t, lang, today, t('agreement.termJfy'))
  return [
    common.title,
    common.term,
    col.accessor((r) => agreementPeriod(r.spec).to, {
      id: 'expiry',
      header: t('lifecycle.expiry'),
      cell: (c) => factText(c.row.original.spec.lifecycle.expiry, t, lang),
    }),
    col.accessor((r) => r.spec.termTotal?.amount ?? '', {
      id: 'termTotal',
      header: t('overview.publishedTermTotal'),
      meta: { numeric: true },
      cell: (c) => {
        const tt = termTotalMinor(c.row.original.spec)
        return tt ? (
          <Money minor={tt.minor} currency={tt.currency} />
        ) : (
          <span className="muted">{t('common.noFigure')}</span>
        )
      },
    }),
    col.accessor((r) => r.schedule.years.filter((y) => y.amount !== null).length, {
      id: 'known',
      header: t('overview.yearsKnown'),
      meta: { numeric: true },
      cell: (c) => `${c.getValue()} / ${c.row.original.schedule.years.length}`,
    }),
    common.status,
  ]
}

const TABLES = {
  rok: { columns: rokColumns, caption: 'overview.rokTable', row: 'agreement-row', id: 'rok-table' },
  jp: { columns: jpColumns, caption: 'overview.jpTable', row: 'jp-agreement-row', id: 'jp-table' },
} as const

/** The ROK–US or the Japan–US agreements as a sortable table. */
export function AgreementTable({
  kind,
  rows,
  today,
}: {
  readonly kind: keyof typeof TABLES
  readonly rows: readonly Row[]
  readonly today: string
}) {
  const { t, lang } = useLang()
  const table = TABLES[kind]
  const columns = useMemo(() => table.columns(t, lang, today), [table, t, lang, today])
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={t(table.caption)}
      getRowId={(r) => r.spec.id}
      rowTestId={() => table.row}
      testId={table.id}
    />
  )
}
