import { DomainError, notFound } from '../../domain/errors.js'
import type { ProjectionRequest, ProposalRef } from '../../contracts/projections.js'
import type { Reader } from '../context.js'
import { visibleNegotiation } from '../negotiations/negotiation.js'
import { proposalRecords } from '../negotiations/proposals.js'
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

/** The specs of the proposals a request names, by `refKey`, read with the asker's scope. */
export type ProposalSpecs = ReadonlyMap<string, AgreementSpec>

const refKey = (r: ProposalRef): string => `${r.negotiation}/${r.proposal}`
const isRef = (x: unknown): x is ProposalRef =>
  typeof x === 'object' && x !== null && 'proposal' in x && 'negotiation' in x

/** Exactly one of `agreement`, `spec` and `proposal` names what is projected first. */
function assertOnePrimary(body: ProjectionRequest): void {
  const given = [body.agreement, body.spec, body.proposal].filter((x) => x !== undefined)
  if (given.length !== 1) {
    throw new DomainError(
      'invalid',
      'Send exactly one of "agreement" (an id), "spec" and "proposal".',
      {
        ko: '"agreement"(협정 ID), "spec", "proposal" 가운데 하나만 보내십시오.',
        errors: [{ pointer: '/agreement', detail: 'exactly one of agreement, spec and proposal' }],
      },
    )
  }
}

/**
 * Reads the specs of the proposals a request names through the same visibility rules as
 * `GET …/proposals` (a private draft only for its own delegation; another party's draft or a
 * hidden negotiation is the same `not-found` as a missing one).
 */
export async function readProposalSpecs(
  r: Reader,
  body: ProjectionRequest,
): Promise<ProposalSpecs> {
  assertOnePrimary(body)
  const refs = [body.proposal, ...body.compare].filter(isRef)
  const out = new Map<string, AgreementSpec>()
  for (const ref of refs) {
    if (out.has(refKey(ref))) continue
    try {
      await visibleNegotiation(r.db, r.scope, ref.negotiation)
    } catch {
      throw new ProjectionInputError(`unknown negotiation "${ref.negotiation}"`, 'not-found')
    }
    const [p] = await proposalRecords(r, ref.negotiation, ref.proposal)
    if (!p) {
      throw new ProjectionInputError(
        `unknown proposal "${ref.proposal}" in negotiation "${ref.negotiation}"`,
        'not-found',
      )
    }
    out.set(refKey(ref), p.spec)
  }
  return out
}

/**
 * The specs a request projects, first the primary (exactly one of `agreement`, `spec`,
 * `proposal`), then those it compares; `usesProposals` when any was a proposal (the run is then
 * the asker's delegation's own, like a run over a spec it sent).
 */
export function resolveRequest(
  record: SmaRecord,
  body: ProjectionRequest,
  proposals: ProposalSpecs,
): { readonly specs: AgreementSpec[]; readonly usesProposals: boolean } {
  assertOnePrimary(body)
  const specOf = (ref: ProposalRef): AgreementSpec => {
    const spec = proposals.get(refKey(ref))
    if (!spec) throw notFound()
    return spec
  }
  const primary =
    body.proposal !== undefined
      ? specOf(body.proposal)
      : resolveSpec(record, body.agreement ?? body.spec)
  const specs = [
    primary,
    ...body.compare.map((c) => (isRef(c) ? specOf(c) : resolveCompare(record, primary, c))),
  ]
  return { specs, usesProposals: body.proposal !== undefined || body.compare.some(isRef) }
}

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
