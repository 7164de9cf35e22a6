import { agreementSpecSchema, type AgreementSpec } from '../../domain/agreement/spec.js'

/**
 * Parsed agreement specifications by revision id. Revisions are content-addressed and never
 * change, so a parsed spec can be reused safely; the cache belongs to one app instance (built in
 * buildApp), never to the module.
 */
export interface SpecCache {
  parse(revisionId: string, json: string): AgreementSpec
  /** The parsed spec if this revision was seen before. */
  peek(revisionId: string): AgreementSpec | undefined
  /**
   * Memo for the index series set, keyed by the number of stored index values: the table is
   * append-only (a revision is a new row), so an unchanged count means unchanged content.
   */
  indexMemo: { count: number; value: unknown } | null
}

export function createSpecCache(limit = 1000): SpecCache {
  const map = new Map<string, AgreementSpec>()
  return {
    indexMemo: null,
    peek: (revisionId) => map.get(revisionId),
    parse(revisionId, json) {
      const hit = map.get(revisionId)
      if (hit) return hit
      const spec = agreementSpecSchema.parse(JSON.parse(json))
      if (map.size >= limit) map.clear()
      map.set(revisionId, spec)
      return spec
    },
  }
}
