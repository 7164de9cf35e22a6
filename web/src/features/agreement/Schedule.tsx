import { useMemo } from 'react'
import { createColumnHelper } from '@tanstack/react-table'
import { shortProvenance, type Schedule, type YearFigure } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Badge } from '../../ui/Badge'
import { Chart } from '../../ui/Chart'
import { yearsChartOption } from '../../ui/chart-options'
import { chartUnit } from '../../ui/chart-units'
import { DataTable } from '../../ui/DataTable'
import { Money } from '../../ui/Money'
import { badgeOf } from './labels'

const col = createColumnHelper<YearFigure>()

/** Sort key of an amount (no figure sorts first). */
const amountSort = (m: string | null) => (m === null ? -1 : Number(m))

export function ScheduleTable({
  schedule,
  selectedYear,
  onSelect,
}: {
  readonly schedule: Schedule
  readonly selectedYear: number | undefined
  readonly onSelect: (year: number) => void
}) {
  const { t, lang } = useLang()
  const columns = useMemo(
    () => [
      col.accessor('year', {
        header: t('agreement.year'),
        cell: (c) => (
          <button
            type="button"
            className="linkish"
            onClick={() => {
              onSelect(c.getValue())
            }}
            aria-label={t('agreement.showDerivation', { year: c.getValue() })}
            data-testid={`derive-${c.getValue()}`}
          >
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor((y) => amountSort(y.amount), {
        id: 'amount',
        header: t('agreement.computed'),
        meta: { numeric: true },
        cell: (c) => <Money minor={c.row.original.amount} currency={schedule.currency} />,
      }),
      col.accessor((y) => amountSort(y.published), {
        id: 'published',
        header: t('agreement.published'),
        meta: { numeric: true },
        cell: (c) =>
          c.row.original.published === null ? (
            <span className="muted">—</span>
          ) : (
            <>
              <Money minor={c.row.original.published} currency={schedule.currency} />
              {c.row.original.publishedProvenance === 'reported' && (
                // A press-reported figure is not a government publication: say so beside it.
                <span className="tier-tag" data-testid={`reported-${c.row.original.year}`}>
                  {' '}
                  ({shortProvenance('reported', lang)})
                </span>
              )}
            </>
          ),
      }),
      col.accessor((y) => badgeOf(y), {
        id: 'check',
        header: t('agreement.check'),
        cell: (c) => <Badge kind={c.getValue()} />,
      }),
    ],
    [t, lang, schedule.currency, onSelect],
  )
  return (
    <DataTable
      data={schedule.years}
      columns={columns}
      caption={t('agreement.scheduleCaption')}
      getRowId={(y) => String(y.year)}
      selectedRowId={selectedYear === undefined ? undefined : String(selectedYear)}
      rowTestId={(y) => `year-${y.year}`}
      testId="schedule-table"
      sortable={false}
      footer={
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.total')}</th>
            <td className="num" data-testid="schedule-total">
              {schedule.total === null ? (
                <span className="muted">{t('agreement.totalPending')}</span>
              ) : (
                <Money minor={schedule.total} currency={schedule.currency} />
              )}
            </td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      }
    />
  )
}

export function ScheduleChart({
  schedule,
  onSelect,
}: {
  readonly schedule: Schedule
  readonly onSelect: (year: number) => void
}) {
  const { t, lang } = useLang()
  const option = useMemo(
    () =>
      yearsChartOption(
        schedule.years.map((y) => y.year),
        chartUnit(schedule.currency, lang, t),
        [
          {
            name: t('agreement.computed'),
            kind: 'bar',
            color: '#2f6f8f',
            values: schedule.years.map((y) => y.amount),
          },
          {
            name: t('agreement.published'),
            kind: 'points',
            color: '#e15759',
            values: schedule.years.map((y) => y.published),
          },
        ],
      ),
    [schedule, lang, t],
  )
  return (
    <Chart
      option={option}
      label={t('agreement.scheduleChart')}
      height={280}
      testId="schedule-chart"
      onClickCategory={(y) => {
        onSelect(Number(y))
      }}
    />
  )
}
