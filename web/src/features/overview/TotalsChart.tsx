import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import type { AgreementLapse } from '../../../../src/domain/index.js'
import type { Lang } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { rateOf, totalsChartOption, type Display, type Row } from './view'

/** The rate used while the input is not a positive number. */
const FALLBACK_RATE = 1300

/** Every agreement's yearly amounts, stacked, in won or dollars at a chosen exchange rate. */
export function TotalsChart({
  rows,
  lapses,
  lang,
}: {
  readonly rows: readonly Row[]
  readonly lapses: readonly AgreementLapse[]
  readonly lang: Lang
}) {
  const { t } = useLang()
  const navigate = useNavigate()
  const [display, setDisplay] = useState<Display>('KRW')
  const [rateText, setRateText] = useState(String(FALLBACK_RATE))
  const rate = rateOf(rateText)
  const option = useMemo(
    () => totalsChartOption(rows, lapses, display, rate ?? FALLBACK_RATE, lang, t),
    [rows, lapses, display, rate, lang, t],
  )

  return (
    <figure className="chart-figure" aria-labelledby="totals-cap">
      <figcaption id="totals-cap">{t('overview.totalsChart')}</figcaption>
      <div className="controls" role="group" aria-label={t('overview.chartControls')}>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('overview.displayCurrency')}</legend>
          {(['KRW', 'USD'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="display-currency"
                value={c}
                checked={display === c}
                onChange={() => {
                  setDisplay(c)
                }}
              />
              {t(`currency.${c}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('overview.fxRate')}{' '}
          <input
            type="number"
            inputMode="decimal"
            min="1"
            step="1"
            value={rateText}
            aria-invalid={rate === null}
            onChange={(e) => {
              setRateText(e.target.value)
            }}
            className="narrow"
            data-testid="fx-rate"
          />
        </label>
        {rate === null && (
          <span role="alert" className="error-inline">
            {t('overview.fxInvalid')}
          </span>
        )}
      </div>
      <Chart
        option={option}
        label={t('overview.totalsChart')}
        height={340}
        testId="totals-chart"
        onClickCategory={(year) => {
          const r = rows.find((x) => x.schedule.years.some((f) => String(f.year) === year))
          if (r) void navigate(`/agreements/${r.spec.id}`)
        }}
      />
      <p className="muted small">
        {display === 'KRW' ? t('overview.dollarEraNote') : t('overview.wonEraNote')}{' '}
        {t('overview.lapseYearNote')}
      </p>
    </figure>
  )
}
