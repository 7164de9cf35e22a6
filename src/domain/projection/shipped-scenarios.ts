import ar1 from '../../../data/scenarios/ar1.json' with { type: 'json' }
import baseline from '../../../data/scenarios/baseline.json' with { type: 'json' }
import bokOutlook from '../../../data/scenarios/bok-2026-05.json' with { type: 'json' }
import bootstrap from '../../../data/scenarios/bootstrap.json' with { type: 'json' }
import calibrated from '../../../data/scenarios/calibrated.json' with { type: 'json' }
import highInflation from '../../../data/scenarios/high-inflation.json' with { type: 'json' }
import imfArticleIv from '../../../data/scenarios/imf-2025-article-iv.json' with { type: 'json' }
import lowInflation from '../../../data/scenarios/low-inflation.json' with { type: 'json' }
import mndPlan from '../../../data/scenarios/mnd-midterm-2025-2029.json' with { type: 'json' }
import { scenarioSchema, type Scenario } from './scenario.js'

/**
 * The scenario a projection uses when none is named: Monte Carlo, a random walk whose P5–P95
 * band covered 90 % of CPI outcomes in the record's rolling-origin backtest (docs/projections.md).
 */
export const DEFAULT_SCENARIO = 'calibrated'

/**
 * The scenarios shipped in data/scenarios, validated on every call: calibrated (the default),
 * ar1, bootstrap (Monte Carlo); baseline, high-inflation, low-inflation (deterministic
 * assumptions); and the institutions' forecasts bok-2026-05, imf-2025-article-iv,
 * mnd-midterm-2025-2029 (deterministic, each with its `forecast` block).
 * @example shippedScenarios().map((s) => s.id) // ['calibrated', 'ar1', 'bootstrap', 'baseline', …]
 */
export function shippedScenarios(): Scenario[] {
  return [
    calibrated,
    ar1,
    bootstrap,
    baseline,
    highInflation,
    lowInflation,
    bokOutlook,
    imfArticleIv,
    mndPlan,
  ].map((raw) => scenarioSchema.parse(raw))
}

/**
 * A shipped scenario by id, or undefined.
 * @example findShippedScenario('baseline')?.indices.KR_CPI?.after // "2.1"
 */
export function findShippedScenario(id: string): Scenario | undefined {
  return shippedScenarios().find((s) => s.id === id)
}
