// Shared set-up for projection tests (not exported from the module index).
import { publishedLookup } from '../record/record.js'
import { loadRecord } from '../../record/shipped-record.js'
import type { AgreementSpec } from '../agreement/spec.js'
import type { ProjectionInputs } from './plan.js'
import { findShippedScenario } from './shipped-scenarios.js'
import type { Scenario } from './scenario.js'

export const record = loadRecord()
export const inputs: ProjectionInputs = {
  indices: record.indices,
  publishedOf: publishedLookup(record.agreements),
}

export function agreement(id: string): AgreementSpec {
  const a = record.agreements.find((x) => x.id === id)
  if (!a) throw new Error(`no agreement ${id}`)
  return a
}

export function scenario(id: string): Scenario {
  const s = findShippedScenario(id)
  if (!s) throw new Error(`no scenario ${id}`)
  return s
}
