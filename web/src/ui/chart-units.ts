import type { Translate } from '../i18n/keys'
import type { CurrencyCode } from '../../../src/domain/money/currency.js'
import type { Lang } from '../i18n/format'

/** Axis unit for amounts of a currency: ₩ billion (en) / 억 원 (ko), US$ million, ¥ 100 million. */
export function chartUnit(
  currency: CurrencyCode,
  lang: Lang,
  t: Translate,
): { readonly perUnitMinor: number; readonly label: string } {
  switch (currency) {
    case 'KRW':
      return lang === 'ko'
        ? { perUnitMinor: 1e8, label: t('overview.unitKrw100m') }
        : { perUnitMinor: 1e9, label: t('overview.unitKrwBn') }
    case 'USD':
      return { perUnitMinor: 1e8, label: t('overview.unitUsdM') }
    case 'JPY':
      return { perUnitMinor: 1e8, label: t('overview.unitJpy100m') }
  }
}
