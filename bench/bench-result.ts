/** One benchmark figure, as printed by `npm run bench` and recorded in docs/performance.md. */
export interface BenchResult {
  name: string
  value: number
  unit: string
  /** The target the figure is judged against (same unit), if any: value ≤ target… */
  target?: number
  /** …or value ≥ target when true (throughput, a share of a baseline). */
  atLeast?: boolean
  /** What the figure is compared with, measured in the same run. */
  baseline?: { what: string; value: number; unit: string }
  note?: string
}
