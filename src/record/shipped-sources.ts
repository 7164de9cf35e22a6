import registryJson from '../../data/sources.json' with { type: 'json' }
import { sourceRegistrySchema, type SourceRegistry } from '../domain/record/sources.js'
import { describeSource } from '../domain/record/sources.js'
import type { ExplainNames } from '../domain/agreement/explain.js'
import type { AgreementSpec } from '../domain/agreement/spec.js'

let registry: SourceRegistry | undefined

/**
 * The shipped source registry (data/sources.json), validated once per process: who published each
 * cited source, when, in which tier, and which hosts may never be cited.
 */
export function shippedSources(): SourceRegistry {
  registry ??= sourceRegistrySchema.parse(registryJson)
  return registry
}

/**
 * Names for explanations: agreements by their titles, sources by their publishers and dates
 * (so Korean prose never prints an id or an address).
 */
export function explainNames(agreements: readonly AgreementSpec[]): ExplainNames {
  const reg = shippedSources()
  const byId = new Map(agreements.map((a) => [a.id, a.title]))
  return {
    agreementTitle: (id) => byId.get(id),
    source: (url) => {
      const s = describeSource(reg, url)
      return s.publisher ? { publisher: s.publisher, published: s.published ?? null } : undefined
    },
  }
}
