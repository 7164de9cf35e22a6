import type { ReactNode } from 'react'

export interface Column {
  readonly label: ReactNode
  /** Right-aligned (amounts, counts). */
  readonly num?: boolean
}

/** A captioned table with one header row; the body rows are the children. */
export function PlainTable({
  caption,
  columns,
  testId,
  className,
  footer,
  scrollLabel,
  children,
}: {
  readonly caption: ReactNode
  readonly columns: readonly Column[]
  readonly testId?: string | undefined
  readonly className?: string | undefined
  /** A `<tfoot>` (totals). */
  readonly footer?: ReactNode
  /**
   * A wide table that scrolls sideways on a phone: its wrapper is a named, focusable region so a
   * keyboard can scroll it (WCAG 2.1.1).
   */
  readonly scrollLabel?: string | undefined
  readonly children: ReactNode
}) {
  return (
    <div
      className="table-wrap"
      {...(scrollLabel === undefined
        ? {}
        : { tabIndex: 0, role: 'region', 'aria-label': scrollLabel })}
    >
      <table className={className} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // Header cells are fixed per table: their position is their identity.
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer}
      </table>
    </div>
  )
}
