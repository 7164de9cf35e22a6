import { compareHosts, koreaYearly, type HostComparison } from '../domain/host-support/compare.js'
import type { ComparisonInputs } from '../domain/host-support/schema.js'
import { evaluationContext, type RecordSnapshot } from '../domain/record/record.js'
import { shippedComparisonInputs, shippedJapanSupport } from './shipped-host-support.js'

/**
 * The Korea–Japan comparison for a record snapshot (the server's or the shipped one): Korea's
 * amounts from the snapshot's schedules, Japan's and the rates, troops and budgets from the
 * shipped host-support files. The server and the CLI both answer with this.
 */
export function hostComparisonOf(snapshot: RecordSnapshot): {
  comparison: HostComparison
  inputs: ComparisonInputs
} {
  const inputs = shippedComparisonInputs()
  const korea = koreaYearly(snapshot.agreements, evaluationContext(snapshot))
  return { comparison: compareHosts(korea, shippedJapanSupport(), inputs), inputs }
}
