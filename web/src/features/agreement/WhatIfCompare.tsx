import { useMemo } from 'react'
import type { Schedule } from '../../../../src/domain/index.js'
import { formatMoneyDelta } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Badge } from '../../ui/Badge'
import { Chart } from '../../ui/Chart'
import { yearsChartOption } from '../../ui/chart-options'
import { chartUnit } from '../../ui/chart-units'
import { Money } from '../../ui/Money'
import { KnownTotal } from '../../ui/KnownTotal'
import { PlainTable } from '../../ui/PlainTable'
import { badgeOf } from './labels'
import { compareRows, knownTotal, type CompareRow } from './what-if'

const trend = (d: bigint | null) => (d === null ? '' : d > 0n ? 'up' : d < 0n ? 'down' : '')

/** A year's figure in one schedule: the amount, its badge when there is none, or "outside". */
function YearCell({
  figure,
  schedule,
  testId,
}: {
  readonly figure: CompareRow['signed']
  readonly schedule: Schedule
  readonly testId?: string
}) {
  const { t } = useLang()
  if (!figure) return <span className="muted">{t('whatIf.outsideTerm')}</span>
  return (
    <>
      <Money minor={figure.amount} currency={schedule.currency} testId={testId} />{' '}
      {figure.amount === null && <Badge kind={badgeOf(figure)} />}
    </>
  )
}

export function Compare({
  signed,
  whatIf,
  onSelect,
}: {
  readonly signed: Schedule
  readonly whatIf: Schedule
  readonly onSelect: (year: number) => void
}) {
  const { t, lang } = useLang()
  const st = knownTotal(signed.years)
  const wt = knownTotal(whatIf.years)
  const cur = whatIf.currency
  return (
    <PlainTable
      className="data-table compare"
      testId="what-if-table"
      caption={t('whatIf.compareCaption')}
      columns={[
        { label: t('agreement.year') },
        { label: t('whatIf.asSigned'), num: true },
        { label: t('whatIf.whatIf'), num: true },
        { label: t('whatIf.difference'), num: true },
      ]}
      footer={
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.totalOverTerm')}</th>
            <td className="num" data-testid="signed-total">
              <KnownTotal total={st} currency={signed.currency} />
            </td>
            <td className="num" data-testid="whatif-total">
              <KnownTotal total={wt} currency={cur} />
            </td>
            <td className="num">
              {formatMoneyDelta(BigInt(wt.total) - BigInt(st.total), cur, lang)}
            </td>
          </tr>
        </tfoot>
      }
    >
      {compareRows(signed, whatIf).map((r) => (
        <tr key={r.year} data-testid={`what-if-${r.year}`}>
          <th scope="row">
            <button
              type="button"
              className="linkish"
              onClick={() => {
                onSelect(r.year)
              }}
              aria-label={t('agreement.showDerivation', { year: r.year })}
            >
              {r.year}
            </button>
          </th>
          <td className="num" data-testid={`signed-${r.year}`}>
            <YearCell figure={r.signed} schedule={signed} />
          </td>
          <td className="num" data-testid={`whatif-${r.year}`}>
            <YearCell figure={r.whatIf} schedule={whatIf} testId={`whatif-amount-${r.year}`} />
          </td>
          <td className={`num ${trend(r.delta)}`}>
            {r.delta === null ? '—' : formatMoneyDelta(r.delta, cur, lang)}
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}

export function CompareChart({
  signed,
  whatIf,
}: {
  readonly signed: Schedule
  readonly whatIf: Schedule
}) {
  const { t, lang } = useLang()
  const option = useMemo(() => {
    const rows = compareRows(signed, whatIf)
    return yearsChartOption(
      rows.map((r) => r.year),
      chartUnit(whatIf.currency, lang, t),
      [
        {
          name: t('whatIf.asSigned'),
          kind: 'bar',
          color: '#9aa7b4',
          values: rows.map((r) => r.signed?.amount ?? null),
        },
        {
          name: t('whatIf.whatIf'),
          kind: 'bar',
          color: '#f28e2b',
          values: rows.map((r) => r.whatIf?.amount ?? null),
        },
      ],
    )
  }, [signed, whatIf, lang, t])
  return <Chart option={option} label={t('whatIf.chart')} height={260} testId="what-if-chart" />
}
