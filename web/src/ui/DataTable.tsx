import { useState, type ReactNode } from 'react'
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table'
import { useLang } from '../i18n/i18n'

export interface DataTableProps<T> {
  readonly data: readonly T[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  readonly columns: ColumnDef<T, any>[]
  readonly caption: ReactNode
  readonly getRowId?: (row: T) => string
  readonly selectedRowId?: string | undefined
  readonly rowTestId?: (row: T) => string
  readonly footer?: ReactNode
  readonly testId?: string
  readonly sortable?: boolean
  /**
   * A wide table that scrolls sideways on a phone: its wrapper is a named, focusable region so a
   * keyboard can scroll it (WCAG 2.1.1), as in PlainTable.
   */
  readonly scrollLabel?: string | undefined
}

/** The one table component: TanStack Table (headless) rendered as a plain, sortable <table>. */
export function DataTable<T>({
  data,
  columns,
  caption,
  getRowId,
  selectedRowId,
  rowTestId,
  footer,
  testId,
  sortable = true,
  scrollLabel,
}: DataTableProps<T>) {
  const { t } = useLang()
  const [sorting, setSorting] = useState<SortingState>([])
  // TanStack Table returns fresh functions each render by design; the compiler must not memoise it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data as T[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: sortable,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(getRowId ? { getRowId: (row: T) => getRowId(row) } : {}),
  })
  return (
    <div
      className="table-wrap"
      {...(scrollLabel === undefined
        ? {}
        : { tabIndex: 0, role: 'region', 'aria-label': scrollLabel })}
    >
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted()
                const label = h.isPlaceholder
                  ? null
                  : flexRender(h.column.columnDef.header, h.getContext())
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    className={
                      (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
                        ? 'num'
                        : undefined
                    }
                  >
                    {h.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={h.column.getToggleSortingHandler()}
                        title={t('table.sort')}
                      >
                        {label}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              aria-selected={selectedRowId === undefined ? undefined : row.id === selectedRowId}
              className={row.id === selectedRowId ? 'selected' : undefined}
              data-testid={rowTestId ? rowTestId(row.original) : undefined}
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={
                    (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
                      ? 'num'
                      : undefined
                  }
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {data.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t('table.empty')}
              </td>
            </tr>
          )}
        </tbody>
        {footer}
      </table>
    </div>
  )
}
