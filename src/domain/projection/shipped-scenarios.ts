import ar1 from '../../../data/scenarios/ar1.json' with { type: 'json' }
import baseline from '../../../data/scenarios/baseline.json' with { type: 'json' }
import bootstrap from '../../../data/scenarios/bootstrap.json' with { type: 'json' }
import highInflation from '../../../data/scenarios/high-inflation.json' with { type: 'json' }
import lowInflation from '../../../data/scenarios/low-inflation.json' with { type: 'json' }
import { scenarioSchema, type Scenario } from './scenario.js'

/** The scenario a projection uses when none is named (Monte Carlo, AR(1) fitted to the record). */
export const DEFAULT_SCENARIO = 'ar1'

/**
 * The scenarios shipped in data/scenarios, validated on every call: baseline, high-inflation,
 * low-inflation (deterministic) and ar1, bootstrap (Monte Carlo).
 * @example shippedScenarios().map((s) => s.id) // ['ar1', 'baseline', 'bootstrap', 'high-inflation', 'low-inflation']
 */
export function shippedScenarios(): Scenario[] {
  return [ar1, baseline, bootstrap, highInflation, lowInflation].map((raw) =>
    scenarioSchema.parse(raw),
  )
}

/**
 * A shipped scenario by id, or undefined.
 * @example findShippedScenario('baseline')?.indices.KR_CPI?.after // "2.1"
 */
export function findShippedScenario(id: string): Scenario | undefined {
  return shippedScenarios().find((s) => s.id === id)
}
