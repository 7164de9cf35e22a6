import { DomainError } from '../../domain/errors.js'
import { parseAgreementSpec, type AgreementSpec, type SmaRecord } from '../../domain/index.js'
import {
  DEFAULT_SCENARIO,
  ProjectionError,
  VARIANT_KINDS,
  defenseBudgetVariant,
  findShippedScenario,
  parseScenario,
  shippedScenarios,
  type Scenario,
} from '../../domain/projection/index.js'

/**
 * Bad projection input: an unknown agreement id (`not-found`), a malformed spec or scenario
 * (`invalid`). The message is one line.
 */
export class ProjectionInputError extends DomainError {
  constructor(message: string, code: 'invalid' | 'not-found' = 'invalid') {
    super(code, message)
    this.name = 'ProjectionInputError'
  }
}

/** A comparison target: an agreement id, a spec object, or a variant of the primary agreement. */
export type CompareInput =
  | string
  | { readonly variant: (typeof VARIANT_KINDS)[number]; readonly fromYear?: number }
  | Readonly<Record<string, unknown>>

/** An agreement by id from the record, or a spec object validated against the schema. */
export function resolveSpec(record: SmaRecord, input: unknown): AgreementSpec {
  if (typeof input === 'string') {
    const spec = record.agreements.find((a) => a.id === input)
    if (!spec) throw new ProjectionInputError(`unknown agreement "${input}"`, 'not-found')
    return spec
  }
  const parsed = parseAgreementSpec(input)
  if (!parsed.ok) {
    throw new ProjectionInputError(`malformed agreement spec: ${parsed.problems[0] ?? ''}`)
  }
  return parsed.spec
}

/**
 * A comparison target: `{variant: 'defense-budget-rule', fromYear?}` derives the 11th-style
 * rule from the primary agreement (from its first index-linked year unless `fromYear` says);
 * otherwise as `resolveSpec`.
 */
export function resolveCompare(
  record: SmaRecord,
  primary: AgreementSpec,
  input: CompareInput,
): AgreementSpec {
  if (typeof input === 'object' && 'variant' in input) {
    if (input.variant !== 'defense-budget-rule') {
      throw new ProjectionInputError(
        `unknown variant "${String(input.variant)}" (known: ${VARIANT_KINDS.join(', ')})`,
      )
    }
    const from = 'fromYear' in input ? input.fromYear : undefined
    if (from !== undefined && (typeof from !== 'number' || !Number.isInteger(from))) {
      throw new ProjectionInputError('variant fromYear must be an integer year')
    }
    try {
      return defenseBudgetVariant(primary, from)
    } catch (e) {
      if (e instanceof ProjectionError) throw new ProjectionInputError(e.message)
      throw e
    }
  }
  return resolveSpec(record, input)
}

/** A shipped scenario by name, or a scenario object validated against the schema. */
export function resolveScenario(input: unknown): Scenario {
  if (input === undefined) return resolveScenario(DEFAULT_SCENARIO)
  if (typeof input === 'string') {
    const s = findShippedScenario(input)
    if (!s) {
      throw new ProjectionInputError(
        `unknown scenario "${input}" (shipped: ${shippedScenarios()
          .map((x) => x.id)
          .join(', ')})`,
      )
    }
    return s
  }
  const parsed = parseScenario(input)
  if (!parsed.ok) throw new ProjectionInputError(`malformed scenario: ${parsed.problems[0] ?? ''}`)
  return parsed.scenario
}
