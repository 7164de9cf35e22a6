import { useMemo } from 'react'
import type { CurrencyCode } from '../../../../src/domain/money/currency.js'
import type { Histogram } from '../../../../src/domain/projection/result.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { fanOption, histogramOption, unitOf, type FanRow } from './view'

/**
 * The two charts of a result block, with the page's texts and each currency's chart unit: the
 * fan chart of some rows, and the histogram of a term total or difference (null when there is
 * none).
 */
export function useProjectionCharts(
  fan: { readonly rows: readonly FanRow[]; readonly currency: CurrencyCode },
  hist: {
    readonly histogram: Histogram | null
    readonly currency: CurrencyCode
    readonly color?: string
  },
) {
  const { t, lang } = useLang()
  const { rows, currency: fanCurrency } = fan
  const { histogram, currency: histCurrency, color } = hist
  return useMemo(() => {
    const fanUnit = unitOf(fanCurrency, lang, t)
    const histUnit = unitOf(histCurrency, lang, t)
    return {
      fan: fanOption(
        rows,
        fanCurrency,
        lang,
        {
          band90: t('projections.band90'),
          band50: t('projections.band50'),
          median: t('projections.median'),
          exact: t('projections.exactPoint'),
          unit: fanUnit.label,
        },
        fanUnit.perUnitMinor,
      ),
      hist:
        histogram &&
        histogramOption(
          histogram,
          histCurrency,
          lang,
          {
            share: t('projections.share'),
            unit: histUnit.label,
            paths: (count) =>
              t('projections.pathsCount', { count, formatted: formatNumber(count, lang) }),
          },
          histUnit.perUnitMinor,
          color,
        ),
    }
  }, [rows, fanCurrency, histogram, histCurrency, color, lang, t])
}
