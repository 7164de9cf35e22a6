import type { CurrencyCode } from '../../../src/domain/index.js'
import { useLang } from '../i18n/i18n'
import { Money } from './Money'

/** A total over the years that have a figure, saying how many of the term's years that is. */
export function KnownTotal({
  total,
  currency,
}: {
  readonly total: { readonly total: string; readonly known: number; readonly all: number }
  readonly currency: CurrencyCode
}) {
  const { t } = useLang()
  return (
    <>
      <Money minor={total.total} currency={currency} />
      {total.known < total.all && (
        <div className="muted small">
          {t('whatIf.knownYears', { known: total.known, all: total.all })}
        </div>
      )}
    </>
  )
}
