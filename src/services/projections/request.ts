import { DomainError, notFound, problemPath } from '../../domain/errors.js'
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
 * (`invalid`). The message is one line; `ko` says it in Korean (required, so no caller forgets).
 */
export class ProjectionInputError extends DomainError {
  constructor(message: string, ko: string, code: 'invalid' | 'not-found' = 'invalid') {
    super(code, message, { ko })
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
      throw new ProjectionInputError(
        `unknown negotiation "${ref.negotiation}"`,
        `"${ref.negotiation}" 협상이 없거나 조회 권한이 없습니다.`,
        'not-found',
      )
    }
    const [p] = await proposalRecords(r, ref.negotiation, ref.proposal)
    if (!p) {
      throw new ProjectionInputError(
        `unknown proposal "${ref.proposal}" in negotiation "${ref.negotiation}"`,
        `"${ref.negotiation}" 협상에 "${ref.proposal}" 제안이 없거나 조회 권한이 없습니다.`,
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
    if (!spec)
      throw new ProjectionInputError(
        `unknown agreement "${input}"`,
        `"${input}" 협정은 기록에 없습니다.`,
        'not-found',
      )
    return spec
  }
  const parsed = parseAgreementSpec(input)
  if (!parsed.ok) {
    throw new ProjectionInputError(
      `malformed agreement spec: ${parsed.problems[0] ?? ''}`,
      `협정 명세의 형식이 올바르지 않습니다(항목: ${problemPath(parsed.problems[0])}).`,
    )
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
        `"${String(input.variant)}"은(는) 알 수 없는 비교 규칙입니다. 사용할 수 있는 규칙: ${VARIANT_KINDS.join(', ')}.`,
      )
    }
    const from = 'fromYear' in input ? input.fromYear : undefined
    if (from !== undefined && (typeof from !== 'number' || !Number.isInteger(from))) {
      throw new ProjectionInputError(
        'variant fromYear must be an integer year',
        '비교 규칙의 시작 연도는 정수로 된 연도여야 합니다.',
      )
    }
    try {
      return defenseBudgetVariant(primary, from)
    } catch (e) {
      if (e instanceof ProjectionError)
        throw new ProjectionInputError(
          e.message,
          e.extra.ko ?? '이 협정에서는 국방비 증가율 기준의 비교 규칙을 만들 수 없습니다.',
        )
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
        `"${input}"은(는) 제공되는 시나리오가 아닙니다. 제공되는 시나리오: ${shippedScenarios()
          .map((x) => x.id)
          .join(', ')}.`,
      )
    }
    return s
  }
  const parsed = parseScenario(input)
  if (!parsed.ok)
    throw new ProjectionInputError(
      `malformed scenario: ${parsed.problems[0] ?? ''}`,
      `시나리오의 형식이 올바르지 않습니다(항목: ${problemPath(parsed.problems[0])}).`,
    )
  return parsed.scenario
}

/**
 * A projection the numbers make impossible (a path count or seed out of range, too short a series
 * to fit): `unprocessable`, with the rule's English line and a Korean one saying what to check.
 */
export const projectionRangeError = (e: RangeError): DomainError =>
  new DomainError('unprocessable', e.message, {
    ko: '입력값이 계산할 수 있는 범위를 벗어나 예측을 계산할 수 없습니다. 경로 수, 난수 시드와 지수 값을 확인하십시오.',
  })
