import { useMemo } from 'react'
import type { CurrencyCode } from '../../../../src/domain/money/currency.js'
import type { ComparisonProjection } from '../../../../src/domain/projection/result.js'
import { useLang } from '../../i18n/i18n'
import { ChartFigure } from '../../ui/Chart'
import { Money } from '../../ui/Money'
import { useProjectionCharts } from './charts'
import { QuantileTable } from './QuantileTable'
import { formatShare, isPoint, type FanRow } from './view'

/** The difference of two projections path by path: fan, histogram, P(a costs more). */
export function ComparisonBlock({
  comparison: c,
  index,
  titleA,
  titleB,
  currency,
}: {
  readonly comparison: ComparisonProjection
  readonly index: number
  readonly titleA: string
  readonly titleB: string
  readonly currency: CurrencyCode
}) {
  const { t, lang } = useLang()
  const rows = useMemo<FanRow[]>(
    () =>
      c.years.map((y) => ({
        label: String(y.year),
        q: y.difference,
        point: isPoint(y.difference),
      })),
    [c],
  )
  const total = c.total
  const { fan, hist } = useProjectionCharts(
    { rows, currency },
    { histogram: total?.histogram ?? null, currency, color: '#b07aa1' },
  )
  const h = `cmp-${index}-h`
  const pOf = (year: string) => c.years.find((y) => String(y.year) === year)

  return (
    <section
      aria-labelledby={h}
      className="projection-block comparison"
      data-testid={`comparison-${index}`}
    >
      <h2 id={h}>{t('projections.difference', { a: titleA, b: titleB })}</h2>
      <p className="muted">{t('projections.differenceLede', { a: titleA })}</p>
      {total && (
        <ul className="probabilities" data-testid={`comparison-${index}-probabilities`}>
          {[
            ['p-a-higher', t('projections.pHigher', { name: titleA }), total.pAHigher] as const,
            ['p-b-higher', t('projections.pHigher', { name: titleB }), total.pBHigher] as const,
            ['p-equal', t('projections.pEqual'), total.pEqual] as const,
          ].map(([testId, label, share]) => (
            <li key={testId} data-testid={testId}>
              {label}: <strong>{formatShare(share, lang)}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="split">
        <ChartFigure
          caption={t('projections.differenceFan')}
          option={fan}
          label={t('projections.differenceFanLabel', { a: titleA, b: titleB })}
          height={280}
          testId={`diff-fan-${index}`}
        />
        {hist && (
          <ChartFigure
            caption={t('projections.differenceHistogram')}
            option={hist}
            label={t('projections.differenceHistogramLabel', { a: titleA, b: titleB })}
            height={280}
            testId={`diff-hist-${index}`}
          />
        )}
      </div>
      <QuantileTable
        rows={rows}
        currency={currency}
        caption={t('projections.differenceTable', { a: titleA, b: titleB })}
        testId={`cmp-${index}`}
        statusOf={(label) => {
          const r = rows.find((x) => x.label === label)
          return r?.point ? t('projections.noSpread') : t('projections.yearStatus.simulated')
        }}
        extra={{
          header: t('projections.pAHigherShort'),
          cell: (label) => {
            const y = pOf(label)
            return y ? formatShare(y.pAHigher, lang) : null
          },
        }}
      />
      {total && (
        <p data-testid={`comparison-${index}-total`}>
          {t('projections.totalDifference')}: P5{' '}
          <Money minor={total.difference.p5} currency={currency} /> · P50{' '}
          <Money minor={total.difference.p50} currency={currency} /> · P95{' '}
          <Money minor={total.difference.p95} currency={currency} />
        </p>
      )}
    </section>
  )
}
