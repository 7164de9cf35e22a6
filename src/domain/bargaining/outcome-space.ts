import { NegotiationInputError } from './negotiation-error.js'

/** An issue whose values are labels, e.g. `{ kind: 'discrete', name: 'Laptop', values: ['Dell', 'HP'] }`. */
export type DiscreteIssue = {
  readonly kind: 'discrete'
  readonly name: string
  readonly values: readonly string[]
  /** The issue's index in a GENIUS file (kept for export), if it came from one. */
  readonly id?: number
}

/** An integer issue with every value from `lower` to `upper` inclusive. */
export type IntegerIssue = {
  readonly kind: 'integer'
  readonly name: string
  readonly lower: number
  readonly upper: number
  readonly id?: number
}

/**
 * A real issue discretised into `steps` equally spaced values from `lower` to `upper` inclusive
 * (steps ≥ 2; steps = 1 means just `lower`). The discretisation is stated by whoever builds it.
 * `spacing: 'genius'` computes value k as GENIUS's BidIterator does, lower + ((upper − lower) ÷
 * (steps − 1))·k in float64 (the last value may then differ from `upper` in its last bit);
 * otherwise lower + k·(upper − lower) ÷ (steps − 1), with the last value exactly `upper`.
 */
export type RealIssue = {
  readonly kind: 'real'
  readonly name: string
  readonly lower: number
  readonly upper: number
  readonly steps: number
  readonly spacing?: 'genius'
  readonly id?: number
}

export type Issue = DiscreteIssue | IntegerIssue | RealIssue

/** A value of an issue as shown to users and written into bids: a label or a number. */
export type IssueValue = string | number

/** A bid as a plain record: issue name → value. Only for display and files, never hot paths. */
export type Bid = Record<string, IssueValue>

/**
 * The Cartesian product of the issues. An outcome is a mixed-radix index: digit i is the value
 * index of issue i, the first issue is the most significant digit, `strides[last] = 1`.
 */
export type OutcomeSpace = {
  readonly name: string
  readonly issues: readonly Issue[]
  readonly sizes: readonly number[]
  readonly strides: readonly number[]
  /** Number of outcomes. */
  readonly size: number
}

/** Largest outcome space that may be enumerated into typed arrays (2^31 − 1 outcomes). */
export const MAX_OUTCOMES = 2 ** 31 - 1

/**
 * Number of values of an issue.
 *
 * Example: `issueSize({ kind: 'integer', name: 'years', lower: 1, upper: 10 })` → 10.
 */
export function issueSize(issue: Issue): number {
  switch (issue.kind) {
    case 'discrete':
      return issue.values.length
    case 'integer':
      return issue.upper - issue.lower + 1
    case 'real':
      return issue.steps
  }
}

/**
 * The value with index `k` (0-based) of an issue: the label for discrete issues, the number for
 * integer and real issues.
 *
 * Example: real issue 0..1 in 5 steps, k = 2 → 0.5; integer issue 3..9, k = 1 → 4.
 */
export function issueValue(issue: Issue, k: number): IssueValue {
  switch (issue.kind) {
    case 'discrete':
      return issue.values[k] ?? ''
    case 'integer':
      return issue.lower + k
    case 'real':
      if (issue.steps <= 1) return issue.lower
      if (issue.spacing === 'genius')
        return issue.lower + ((issue.upper - issue.lower) / (issue.steps - 1)) * k
      return k === issue.steps - 1
        ? issue.upper
        : issue.lower + (k * (issue.upper - issue.lower)) / (issue.steps - 1)
  }
}

/**
 * The numeric value with index `k`: the number for integer/real issues, the 1-based position for
 * discrete issues (GENIUS's item index convention).
 *
 * Example: discrete ['a', 'b'], k = 1 → 2.
 */
export function issueNumericValue(issue: Issue, k: number): number {
  const v = issueValue(issue, k)
  return typeof v === 'number' ? v : k + 1
}

/**
 * Builds an outcome space from issues, checking names are unique, every issue has a value and the
 * product fits in {@link MAX_OUTCOMES}.
 *
 * Example: issues of 3 and 4 values → `{ size: 12, sizes: [3, 4], strides: [4, 1] }`.
 */
export function createOutcomeSpace(name: string, issues: readonly Issue[]): OutcomeSpace {
  if (issues.length === 0)
    throw new NegotiationInputError(
      `domain "${name}" has no issues`,
      `도메인 "${name}"에 쟁점이 없습니다.`,
    )
  const seen = new Set<string>()
  const sizes: number[] = []
  for (const issue of issues) {
    if (seen.has(issue.name))
      throw new NegotiationInputError(
        `duplicate issue name "${issue.name}"`,
        `쟁점 이름 "${issue.name}"이(가) 중복됩니다.`,
      )
    seen.add(issue.name)
    if (issue.kind !== 'discrete') {
      if (
        !Number.isFinite(issue.lower) ||
        !Number.isFinite(issue.upper) ||
        issue.upper < issue.lower
      )
        throw new NegotiationInputError(
          `issue "${issue.name}" has an invalid range`,
          `쟁점 "${issue.name}"의 범위가 올바르지 않습니다.`,
        )
      if (
        issue.kind === 'integer' &&
        (!Number.isInteger(issue.lower) || !Number.isInteger(issue.upper))
      )
        throw new NegotiationInputError(
          `integer issue "${issue.name}" has non-integer bounds`,
          `정수 쟁점 "${issue.name}"의 범위 경계가 정수가 아닙니다.`,
        )
      if (issue.kind === 'real' && (!Number.isInteger(issue.steps) || issue.steps < 1))
        throw new NegotiationInputError(
          `real issue "${issue.name}" needs a whole number of steps ≥ 1`,
          `실수 쟁점 "${issue.name}"의 이산화 단계 수는 1 이상의 정수여야 합니다.`,
        )
    }
    const size = issueSize(issue)
    if (size < 1)
      throw new NegotiationInputError(
        `issue "${issue.name}" has no values`,
        `쟁점 "${issue.name}"에 값이 없습니다.`,
      )
    sizes.push(size)
  }
  const strides = new Array<number>(sizes.length).fill(1)
  let size = 1
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = size
    size *= sizes[i] ?? 1
  }
  if (size > MAX_OUTCOMES)
    throw new NegotiationInputError(
      `domain "${name}" has ${size} outcomes, more than ${MAX_OUTCOMES}`,
      `도메인 "${name}"의 가능한 결과가 ${size}개로 최대 ${MAX_OUTCOMES}개를 넘습니다.`,
    )
  return { name, issues, sizes, strides, size }
}

/**
 * The value index of issue `issueIndex` in outcome `outcome`.
 *
 * Example: sizes [3, 4] (strides [4, 1]), outcome 7 → issue 0 has value index 1, issue 1 has 3.
 */
export function valueIndexOf(space: OutcomeSpace, outcome: number, issueIndex: number): number {
  const stride = space.strides[issueIndex] ?? 1
  const size = space.sizes[issueIndex] ?? 1
  return Math.floor(outcome / stride) % size
}

/**
 * All value indices of an outcome, most significant issue first.
 *
 * Example: sizes [3, 4], outcome 7 → [1, 3].
 */
export function decodeOutcome(space: OutcomeSpace, outcome: number): number[] {
  return space.sizes.map((_, i) => valueIndexOf(space, outcome, i))
}

/**
 * The outcome index of a list of value indices (inverse of {@link decodeOutcome}).
 *
 * Example: sizes [3, 4], [1, 3] → 7.
 */
export function encodeOutcome(space: OutcomeSpace, valueIndices: readonly number[]): number {
  let outcome = 0
  space.sizes.forEach((size, i) => {
    const k = valueIndices[i] ?? -1
    if (!Number.isInteger(k) || k < 0 || k >= size)
      throw new NegotiationInputError(
        `value index ${k} out of range for issue "${space.issues[i]?.name ?? i}"`,
        `값 번호 ${k}은(는) 쟁점 "${space.issues[i]?.name ?? i}"의 범위를 벗어납니다.`,
      )
    outcome += k * (space.strides[i] ?? 1)
  })
  return outcome
}

/**
 * The bid (issue name → value) of an outcome, for display and export.
 *
 * Example: Laptop space, outcome 0 → `{ Laptop: 'Dell', Harddisk: '60 Gb', 'External Monitor': "19'' LCD" }`.
 */
export function bidOf(space: OutcomeSpace, outcome: number): Bid {
  const bid: Bid = {}
  space.issues.forEach((issue, i) => {
    bid[issue.name] = issueValue(issue, valueIndexOf(space, outcome, i))
  })
  return bid
}

/**
 * The value index of `value` in an issue, or -1. Numbers match integer/real values within 1e-9;
 * strings match discrete labels exactly (numbers given as strings are parsed for numeric issues).
 *
 * Example: integer issue 3..9, value 5 → 2.
 */
export function indexOfValue(issue: Issue, value: IssueValue): number {
  if (issue.kind === 'discrete') return issue.values.indexOf(String(value))
  const v = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(v)) return -1
  const n = issueSize(issue)
  for (let k = 0; k < n; k++) {
    const x = issueValue(issue, k) as number
    if (Math.abs(x - v) <= 1e-9 * Math.max(1, Math.abs(v))) return k
  }
  return -1
}

/**
 * The outcome of a bid (inverse of {@link bidOf}); throws naming the issue or value that does not
 * match.
 *
 * Example: Laptop space, `{ Laptop: 'Dell', Harddisk: '60 Gb', 'External Monitor': "19'' LCD" }` → 0.
 */
export function outcomeOfBid(space: OutcomeSpace, bid: Readonly<Bid>): number {
  const indices = space.issues.map((issue) => {
    const value = bid[issue.name]
    if (value === undefined)
      throw new NegotiationInputError(
        `bid has no value for issue "${issue.name}"`,
        `제안에 쟁점 "${issue.name}"의 값이 없습니다.`,
      )
    const k = indexOfValue(issue, value)
    if (k < 0)
      throw new NegotiationInputError(
        `value "${value}" is not a value of issue "${issue.name}"`,
        `값 "${value}"은(는) 쟁점 "${issue.name}"의 값이 아닙니다.`,
      )
    return k
  })
  return encodeOutcome(space, indices)
}

/**
 * The position of each outcome in GENIUS's enumeration of a domain (its BidIterator), where the
 * first issue changes fastest, whereas outcome indices here make the last issue fastest. GENIUS
 * lists bids with equal utilities in that order, so its representative of a frontier point is
 * the one with the lowest position.
 *
 * Example: sizes [3, 4]: outcome 7 (value indices [1, 3]) → 1 + 3·3 = 10.
 */
export function geniusIterationPosition(space: OutcomeSpace): (outcome: number) => number {
  const weights: number[] = []
  let w = 1
  for (const size of space.sizes) {
    weights.push(w)
    w *= size
  }
  return (outcome) => {
    let position = 0
    for (let i = 0; i < space.sizes.length; i++) {
      position += valueIndexOf(space, outcome, i) * (weights[i] ?? 1)
    }
    return position
  }
}
