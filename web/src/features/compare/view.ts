/**
 * The comparison page's view logic (no React): what is compared, read from and written to the
 * URL; the chart of yearly amounts; the Monte Carlo request. The arithmetic itself is the
 * domain's (src/domain/negotiation/compare.ts).
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { ProjectionRequest } from '../../../../src/contracts/projections.js'
import type { Comparison } from '../../../../src/domain/negotiation/compare.js'
import { toUnit, yearsChartOption, type ChartUnit } from '../../ui/chart-options'

/** At most this many items side by side (the Monte Carlo run compares the first with 4 more). */
export const MAX_ITEMS = 5
/** Paths of the comparison's Monte Carlo run: enough for stable percentiles, quick on a laptop. */
export const COMPARE_PATHS = 20_000
export const COMPARE_SEED = 1

const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#9c755f'] as const

/** Ids from a URL parameter ("a,b,,a" → ["a", "b"]): order kept, duplicates and blanks dropped. */
export function idsOf(param: string | null): string[] {
  return [
    ...new Set(
      (param ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}

/**
 * The URL parameters with one id added to or removed from `key`'s list `current` (what the page
 * shows: for `a`, the agreement the negotiation replaces when the URL names none). No agreement
 * is kept as an empty `a=`, so the default does not come back; an empty `p` is dropped.
 */
export function toggled(
  prev: URLSearchParams,
  key: 'a' | 'p',
  current: readonly string[],
  id: string,
  on: boolean,
): URLSearchParams {
  const q = new URLSearchParams(prev)
  const next = on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)
  if (next.length === 0 && key === 'p') q.delete(key)
  else q.set(key, next.join(','))
  q.delete('run') // a run answers one set of items
  return q
}

/** What the page compares: agreements first (the reference is the first of them), then proposals. */
export interface Picked {
  readonly agreements: readonly string[]
  readonly proposals: readonly string[]
}

/**
 * The Monte Carlo request for the picked items: the first is projected and the others (at most
 * four) compared with it path by path; proposals by reference, so the server reads them with
 * the viewer's scope. Null with fewer than one item.
 */
export function monteCarloRequest(
  negotiation: string,
  picked: Picked,
  scenario: string,
): ProjectionRequest | null {
  const refs = [
    ...picked.agreements.map((id) => ({ kind: 'a' as const, id })),
    ...picked.proposals.map((id) => ({ kind: 'p' as const, id })),
  ].slice(0, MAX_ITEMS)
  const [first, ...rest] = refs
  if (!first) return null
  const ref = (r: (typeof refs)[number]) =>
    r.kind === 'a' ? r.id : { negotiation, proposal: r.id }
  return {
    ...(first.kind === 'a'
      ? { agreement: first.id }
      : { proposal: { negotiation, proposal: first.id } }),
    scenario,
    paths: COMPARE_PATHS,
    seed: COMPARE_SEED,
    compare: rest.map(ref),
  }
}

/**
 * Yearly amounts of every item as bars on one axis of years, the amount axis from zero, with our
 * reservation value and target (won per year) as lines across.
 */
export function yearlyOption(
  c: Comparison,
  unit: ChartUnit,
  lines: { readonly reservation: string | null; readonly target: string | null },
  labels: { readonly reservation: string; readonly target: string },
): EChartsCoreOption {
  const base = yearsChartOption(
    c.allYears,
    unit,
    c.rows.map((r, i) => ({
      name: r.title,
      kind: 'bar' as const,
      color: COLORS[i % COLORS.length] ?? '#4e79a7',
      values: c.allYears.map((y) => r.years.find((x) => x.year === y)?.amount ?? null),
    })),
  ) as { yAxis: Record<string, unknown>; series: Record<string, unknown>[]; legend: unknown }
  const marks = [
    ...(lines.reservation === null
      ? []
      : [{ name: labels.reservation, yAxis: toUnit(lines.reservation, unit) }]),
    ...(lines.target === null ? [] : [{ name: labels.target, yAxis: toUnit(lines.target, unit) }]),
  ]
  const [first, ...others] = base.series
  return {
    ...base,
    grid: { left: 56, right: 16, top: 64, bottom: 28 },
    legend: { top: 0, left: 'center', type: 'scroll' },
    // amounts start at zero: a bar's height is the amount, not its distance from a cut axis
    yAxis: { ...base.yAxis, min: 0 },
    series: [
      ...(first
        ? [
            {
              ...first,
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#333' },
                label: { formatter: '{b}', position: 'insideEndTop' },
                data: marks,
              },
            },
          ]
        : []),
      ...others,
    ],
  }
}
