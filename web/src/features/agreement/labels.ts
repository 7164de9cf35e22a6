import type { TFunction } from 'i18next'
import type { AgreementSpec, YearFigure } from '../../../../src/domain/index.js'

/** "SMA 12" / "제12차", or "Japan–US 2022" / "미일 2022". */
export function shortLabel(a: AgreementSpec, t: TFunction): string {
  return a.ordinal !== null && a.hostNation === 'KR'
    ? t('agreement.shortKr', { n: a.ordinal })
    : t('agreement.shortJp', { year: a.term.firstYear })
}

export type BadgeKind =
  'match' | 'differs' | 'derived' | 'computed' | 'pending' | 'unknown' | 'negotiated'

/**
 * Published vs computed: ✓ when the rules reproduce the published figure, "differs" when not,
 * "derived" when the compared figure is itself derived from the rule (not found in print, e.g.
 * 2023–2024), "computed" for a figure only the rules give so far (e.g. 2027), "pending" when an
 * input does not exist yet.
 */
export function badgeOf(y: YearFigure): BadgeKind {
  if (y.status === 'pending') return 'pending'
  if (y.status === 'unknown') return 'unknown'
  if (y.matchesPublished === false) return 'differs'
  if (y.publishedBasis === 'derived_from_rule') return 'derived'
  if (y.matchesPublished === true) return 'match'
  return 'computed'
}
