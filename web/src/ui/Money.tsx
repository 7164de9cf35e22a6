import type { CurrencyCode } from '../../../src/domain/index.js'
import { formatMoney, formatMoneyExact } from '../i18n/format'
import { useLang } from '../i18n/i18n'

/** An amount (minor units as text) shown for the reader's language, exact digits on hover. */
export function Money({
  minor,
  currency,
  testId,
}: {
  readonly minor: string | null
  readonly currency: CurrencyCode
  readonly testId?: string | undefined
}) {
  const { t, lang } = useLang()
  if (minor === null) return <span className="muted">{t('common.noFigure')}</span>
  return (
    <span className="money" title={formatMoneyExact(minor, currency)} data-testid={testId}>
      {formatMoney(minor, currency, lang)}
    </span>
  )
}
