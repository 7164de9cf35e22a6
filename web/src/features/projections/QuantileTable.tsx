import type { ReactNode } from 'react'
import type { CurrencyCode } from '../../../../src/domain/money/currency.js'
import type { Quantiles } from '../../../../src/domain/projection/result.js'
import { useLang } from '../../i18n/i18n'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import type { FanRow } from './view'

const QS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const

/** Per-year quantiles as a table: exact years in one cell, P5…P95 and the mean otherwise. */
export function QuantileTable({
  rows,
  currency,
  caption,
  testId,
  statusOf,
  extra,
}: {
  readonly rows: readonly FanRow[]
  readonly currency: CurrencyCode
  readonly caption: string
  readonly testId: string
  readonly statusOf: (label: string) => string
  readonly extra?: { header: string; cell: (label: string) => ReactNode }
}) {
  const { t } = useLang()
  return (
    <PlainTable
      className="data-table quantiles"
      testId={`${testId}-table`}
      caption={caption}
      scrollLabel={caption}
      columns={[
        { label: t('projections.col.year') },
        { label: t('projections.col.status') },
        ...QS.map((q) => ({ label: q.toUpperCase(), num: true })),
        { label: t('projections.col.mean'), num: true },
        ...(extra ? [{ label: extra.header, num: true }] : []),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.label} data-testid={`${testId}-year-${r.label}`}>
          <th scope="row">{r.label}</th>
          <td>{statusOf(r.label)}</td>
          {r.q === null ? (
            <td colSpan={6} className="muted">
              {t('common.noFigure')}
            </td>
          ) : r.point ? (
            <td colSpan={6} className="num exact-cell" data-testid="exact" data-minor={r.q.p50}>
              <Money minor={r.q.p50} currency={currency} />{' '}
              <span className="muted small">{t('projections.exactWord')}</span>
            </td>
          ) : (
            <QuantileCells q={r.q} currency={currency} />
          )}
          {extra && <td className="num">{extra.cell(r.label)}</td>}
        </tr>
      ))}
    </PlainTable>
  )
}

function QuantileCells({
  q,
  currency,
}: {
  readonly q: Quantiles
  readonly currency: CurrencyCode
}) {
  return (
    <>
      {[...QS, 'mean' as const].map((k) => (
        <td key={k} className="num" data-q={k} data-minor={q[k]}>
          <Money minor={q[k]} currency={currency} />
        </td>
      ))}
    </>
  )
}
