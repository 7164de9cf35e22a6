import { canonicalJson } from '../audit/canonical-json.js'
import { sha256Hex } from '../audit/sha256.js'
import type { AgreementSpec } from './spec.js'

/**
 * Content address of an agreement revision: `sha256:` + SHA-256 of its canonical JSON. Two specs
 * that differ in any field (even a source) get different ids; key order does not matter.
 */
export function revisionId(spec: AgreementSpec): string {
  return `sha256:${sha256Hex(canonicalJson(spec))}`
}
