/**
 * View model of the agreement page: what it shows, computed from the spec and its schedule by the
 * domain (rules in words, category splits, lifecycle). No React here; the components only lay it
 * out.
 */
import {
  textIn,
  categoryRows,
  describeRule,
  reportingCurrency,
  toMinorUnits,
  type AgreementSpec,
  type CategoryCode,
  type CurrencyCode,
  type DateFact,
} from '../../../../src/domain/index.js'
import { formatPct, type Lang } from '../../i18n/format'

export interface RuleLine {
  readonly id: string
  /** The rule in plain words (the domain's `describeRule`, in the reader's language). */
  readonly text: string
  readonly note: string | null
}

/** Every rule of the agreement in plain words, in the order the agreement states them. */
export function ruleLines(spec: AgreementSpec, lang: Lang): RuleLine[] {
  const currency = reportingCurrency(spec)
  return spec.rules.map((r) => ({
    id: r.id,
    text: describeRule(r, currency, lang),
    note: r.note === undefined ? null : textIn(r.note, lang),
  }))
}

/** A share in tenths of a percent (exact, from the domain) as text: 374n → "37.4 %" / "37.4%". */
export function shareText(tenths: bigint, lang: Lang): string {
  return formatPct(`${tenths / 10n}.${tenths % 10n}`, lang)
}

export interface CategoryCell {
  readonly code: CategoryCode
  /** Minor units, or null where the split does not give this category. */
  readonly minor: string | null
  readonly share: string | null
}

export interface CategoryTable {
  readonly currency: CurrencyCode
  readonly codes: readonly CategoryCode[]
  readonly rows: readonly {
    readonly year: number
    readonly cells: readonly CategoryCell[]
    readonly total: string
  }[]
}

/** The published category splits with totals and shares (the domain's `categoryRows`). */
export function categoryTable(spec: AgreementSpec, lang: Lang): CategoryTable | null {
  const cats = spec.categories
  if (!cats) return null
  return {
    currency: reportingCurrency(spec),
    codes: cats.codes,
    rows: categoryRows(spec).map((r) => ({
      year: r.year,
      total: r.total.toString(),
      cells: cats.codes.map((code) => {
        const minor = r.parts[code] ?? null
        const tenths = r.shareTenths[code]
        return {
          code,
          minor: minor === null ? null : minor.toString(),
          share: tenths === undefined ? null : shareText(tenths, lang),
        }
      }),
    })),
  }
}

export const LIFECYCLE_STEPS = [
  'negotiatorsAppointed',
  'textAgreed',
  'initialled',
  'signed',
  'approvalHost',
  'approvalStationing',
  'entryIntoForce',
  'expiry',
] as const
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number]

/** The steps from negotiation to expiry with what is recorded of each. */
export function lifecycleSteps(
  spec: AgreementSpec,
): { readonly step: LifecycleStep; readonly fact: DateFact }[] {
  const l = spec.lifecycle
  return LIFECYCLE_STEPS.map((step) => ({
    step,
    fact:
      step === 'approvalHost'
        ? l.approval.host
        : step === 'approvalStationing'
          ? l.approval.stationing
          : l[step],
  }))
}

/** A published term total (Japan) in minor units, or null. */
export function termTotalMinor(spec: AgreementSpec): {
  readonly minor: string
  readonly currency: CurrencyCode
  readonly sources: readonly string[]
} | null {
  const tt = spec.termTotal
  if (!tt) return null
  return {
    minor: toMinorUnits(tt.amount, tt.currency).toString(),
    currency: tt.currency,
    sources: tt.sources,
  }
}
