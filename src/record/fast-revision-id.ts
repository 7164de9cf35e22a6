import { createHash } from 'node:crypto'
import { canonicalJson } from '../domain/audit/canonical-json.js'
import type { AgreementSpec } from '../domain/agreement/spec.js'

/**
 * The same content address as the domain's `revisionId` (`sha256:` + SHA-256 of the canonical
 * JSON), hashed by Node's native SHA-256 instead of the domain's portable one: about 50 times
 * faster, for the services that hash every shipped spec (seeding a database) or every stored
 * revision. `fast-revision-id.test.ts` checks both agree on every shipped agreement.
 */
export function fastRevisionId(spec: AgreementSpec): string {
  return `sha256:${createHash('sha256').update(canonicalJson(spec), 'utf8').digest('hex')}`
}
