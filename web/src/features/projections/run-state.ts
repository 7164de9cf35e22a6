/**
 * Pure helpers of stored runs on the projections page: which form choices a stored request
 * stands for, whether two runs gave the same figures, and the progress of a run.
 */
import type { ProjectionRequest, ProjectionRunView } from '../../../../src/contracts/projections.js'
import type { CompareChoice, ProjectionInput } from './api'

/**
 * The form's choices for a stored request, or null when the form cannot show it (a spec or a
 * scenario sent as an object, a variant from a stated year, several comparisons).
 */
export function inputFromRequest(req: ProjectionRequest): ProjectionInput | null {
  if (req.agreement === undefined || typeof req.scenario !== 'string') return null
  let compare: CompareChoice
  const [first, ...rest] = req.compare
  if (rest.length > 0) return null
  if (first === undefined) compare = { kind: 'none' }
  else if (typeof first === 'string') compare = { kind: 'agreement', id: first }
  else if ('variant' in first && first.fromYear === undefined) compare = { kind: 'variant' }
  else return null
  return {
    agreement: req.agreement,
    scenario: req.scenario,
    paths: req.paths,
    seed: req.seed,
    compare,
  }
}

/** Whether two finished runs gave the very same figures (the result JSON, key by key). */
export function sameFigures(a: ProjectionRunView, b: ProjectionRunView): boolean {
  return a.result !== null && JSON.stringify(a.result) === JSON.stringify(b.result)
}

/** Share of paths done, 0…1. */
export function progressShare(run: ProjectionRunView): number {
  return run.pathsTotal === 0 ? 0 : Math.min(1, run.pathsDone / run.pathsTotal)
}

/** The page address of a stored run: what the "copy link" button copies. */
export function runLink(origin: string, id: string): string {
  return `${origin}/projections?run=${encodeURIComponent(id)}`
}
