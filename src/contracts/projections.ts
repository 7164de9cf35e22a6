import { z } from 'zod'
import { agreementSpec, scenario } from './domain-shapes.js'
import {
  MAX_PATHS,
  MAX_SEED,
  VARIANT_KINDS,
  projectionResultSchema,
} from '../domain/projection/index.js'
import { localized } from './common.js'

/** The body of `POST /api/projections` (see docs/projections.md). */
export const projectionRequestSchema = z
  .strictObject({
    /** An agreement id from the record… */
    agreement: z.string().min(1).max(100).optional(),
    /** …or a full agreement spec (a draft or proposal). Exactly one of the two. */
    spec: agreementSpec.optional(),
    /** A shipped scenario name (default "ar1") or a scenario object. */
    scenario: z.union([z.string().min(1).max(100), scenario]).optional(),
    paths: z.int().min(1).max(MAX_PATHS).default(100_000),
    seed: z.int().min(0).max(MAX_SEED).default(1),
    /** Others to compare with the first, path by path: ids, specs, or a derived variant. */
    compare: z
      .array(
        z.union([
          z.string().min(1).max(100),
          z.strictObject({
            variant: z.enum(VARIANT_KINDS),
            fromYear: z.int().min(1900).max(2200).optional(),
          }),
          agreementSpec,
        ]),
      )
      .max(4)
      .default([]),
  })
  .meta({ id: 'ProjectionRequest' })
export type ProjectionRequest = z.infer<typeof projectionRequestSchema>

/** The answer of `GET /api/projections/scenarios`. */
export const scenarioListSchema = z
  .strictObject({
    defaultScenario: z.string(),
    scenarios: z.array(
      z.strictObject({
        id: z.string(),
        version: z.int(),
        title: localized,
        description: z.string(),
        stochastic: z.boolean(),
        /** The full scenario, for display of its assumptions and their basis. */
        scenario: scenario,
      }),
    ),
  })
  .meta({ id: 'ScenarioList' })
export type ScenarioList = z.infer<typeof scenarioListSchema>

export { projectionResultSchema }
export type ProjectionResultBody = z.infer<typeof projectionResultSchema>
