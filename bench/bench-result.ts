/** One benchmark figure, as printed by `npm run bench` and recorded in docs/performance.md. */
export interface BenchResult {
  name: string
  value: number
  unit: string
  /** The target the figure is judged against (same unit), if any. */
  target?: number
  note?: string
}
