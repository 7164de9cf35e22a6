import { agreementSpecSchema, type AgreementSpec, type Rule } from '../agreement/spec.js'
import { ProjectionError } from './projection-error.js'

/** Names of the variants the projection endpoints can derive from an agreement. */
export const VARIANT_KINDS = ['defense-budget-rule'] as const
export type VariantKind = (typeof VARIANT_KINDS)[number]

/**
 * An "11th-style" draft derived from an agreement: its index-linked years from `fromYear` to
 * the end of the term follow the ROK defense-budget growth of the previous year (series
 * KR_DEFENSE_BUDGET, lag 1, one decimal, latest vintage) with no cap and no floor, compounding
 * on the previous year and rounded as the replaced rule rounds. Everything else is unchanged.
 * The id gains the suffix `-defense-budget-rule`. Throws ProjectionError when no index-linked
 * year is at or after `fromYear`.
 * @example
 * // 12th SMA: 2027 = round(1,519,200,000,000 × 1.075, 10^8) = 1,633,100,000,000 (budget 2026 +7.5 %)
 * defenseBudgetVariant(sma12, 2027).rules.at(-1)?.series // "KR_DEFENSE_BUDGET"
 */
export function defenseBudgetVariant(spec: AgreementSpec, fromYear?: number): AgreementSpec {
  const indexRules = spec.rules.filter(
    (r): r is Extract<Rule, { kind: 'index-linked' }> => r.kind === 'index-linked',
  )
  const first = fromYear ?? Math.min(...indexRules.flatMap((r) => r.years))
  const years = indexRules
    .flatMap((r) => r.years)
    .filter((y) => y >= first)
    .sort((a, b) => a - b)
  const template = indexRules.find((r) => r.years.some((y) => y >= first))
  if (!template || years.length === 0) {
    throw new ProjectionError(
      `${spec.id} has no index-linked year from ${first} to vary`,
      `"${spec.id}" 협정에는 ${first}년부터 지수에 연동되는 연도가 없어 비교 규칙으로 바꿀 수 없습니다.`,
    )
  }
  const rules: Rule[] = []
  for (const r of spec.rules) {
    if (r.kind !== 'index-linked') {
      rules.push(r)
      continue
    }
    const kept = r.years.filter((y) => y < first)
    if (kept.length > 0) rules.push({ ...r, years: kept })
  }
  rules.push({
    id: 'defense-budget-rule',
    kind: 'index-linked',
    cite: ['sma-desk:variant (11th SMA rule: previous year defense-budget growth, no cap)'],
    note: `Derived from ${spec.id}: ${years[0]}–${years.at(-1)} follow KR_DEFENSE_BUDGET of the previous year, uncapped, as the 11th SMA did for 2022–2025.`,
    years,
    series: 'KR_DEFENSE_BUDGET',
    lag: 1,
    ratePrecision: 1,
    vintage: 'latest',
    cap: { kind: 'none' },
    floor: { kind: 'none' },
    base: { kind: 'previous-year' },
    rounding: template.rounding,
  })
  const draft = {
    ...spec,
    id: `${spec.id}-defense-budget-rule`,
    title: {
      en: `${spec.title.en} — defense-budget rule ${years[0]}–${years.at(-1)} (variant)`,
      ko: `${spec.title.ko} — 국방예산 증가율 적용 ${years[0]}–${years.at(-1)} (변형)`,
    },
    rules,
    published: spec.published.filter((p) => p.year < first),
  }
  return agreementSpecSchema.parse(draft)
}
