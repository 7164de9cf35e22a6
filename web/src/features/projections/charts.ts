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
  // The labels are read before the memo: typing t() inside the object literal below makes
  // TypeScript instantiate the whole catalogue's key union per property and give up.
  const band90: string = t('projections.band90')
  const band50: string = t('projections.band50')
  const median: string = t('projections.median')
  const exact: string = t('projections.exactPoint')
  const share: string = t('projections.share')
  return useMemo(() => {
    const fanUnit = unitOf(fanCurrency, lang, t)
    const histUnit = unitOf(histCurrency, lang, t)
    return {
      fan: fanOption(
        rows,
        fanCurrency,
        lang,
        {
          band90,
          band50,
          median,
          exact,
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
            share,
            unit: histUnit.label,
            paths: (count) =>
              t('projections.pathsCount', { count, formatted: formatNumber(count, lang) }),
          },
          histUnit.perUnitMinor,
          color,
        ),
    }
  }, [
    rows,
    fanCurrency,
    histogram,
    histCurrency,
    color,
    lang,
    t,
    band90,
    band50,
    median,
    exact,
    share,
  ])
}
