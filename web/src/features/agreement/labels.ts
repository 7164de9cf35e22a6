import type { Translate } from '../../i18n/keys'
import type { AgreementSpec, YearFigure } from '../../../../src/domain/index.js'

/** "SMA 12" / "제12차", or "Japan–US 2022" / "미일 2022". */
export function shortLabel(a: AgreementSpec, t: Translate): string {
  return a.ordinal !== null && a.hostNation === 'KR'
    ? t('agreement.shortKr', { n: a.ordinal })
    : t('agreement.shortJp', { year: a.term.firstYear })
}

export type BadgeKind =
  'match' | 'differs' | 'derived' | 'computed' | 'pending' | 'unknown' | 'negotiated'

/**
 * Published vs computed: "match" when the rules reproduce the published figure, "differs" when
 * not; without a published figure, "derived" for a past year SMA Desk derives from the rule with
 * no publication located (e.g. 2023–2024 of the 11th SMA), "computed" for a year not yet
 * published (e.g. 2027), "negotiated" for an amount the agreement states, "pending" when an input
 * does not exist yet.
 */
export function badgeOf(y: YearFigure, thisYear = new Date().getFullYear()): BadgeKind {
  if (y.status === 'pending') return 'pending'
  if (y.status === 'unknown') return 'unknown'
  if (y.matchesPublished === false) return 'differs'
  if (y.matchesPublished === true) return 'match'
  if (y.provenance === 'derived') return y.year < thisYear ? 'derived' : 'computed'
  return 'negotiated'
}
