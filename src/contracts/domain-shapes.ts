import { agreementSpecSchema } from '../domain/agreement/spec.js'
import { smaAnalysisSetupSchema } from '../domain/bargaining/sma-package-space.js'
import { indexSeriesSchema, indexValueSchema } from '../domain/index-series/index-series.js'
import { scenarioSchema } from '../domain/projection/scenario.js'

/**
 * The domain's own schemas (an agreement spec, an index series, a scenario, an analysis setup),
 * named once for the API: each is one component of the OpenAPI document, referenced wherever a
 * request or response carries one, instead of being repeated inline.
 */
export const agreementSpec = agreementSpecSchema.meta({ id: 'AgreementSpec' })
export const indexSeries = indexSeriesSchema.meta({ id: 'IndexSeries' })
export const indexValue = indexValueSchema.meta({ id: 'IndexValue' })
export const scenario = scenarioSchema.meta({ id: 'Scenario' })
export const smaAnalysisSetup = smaAnalysisSetupSchema.meta({ id: 'SmaAnalysisSetup' })
