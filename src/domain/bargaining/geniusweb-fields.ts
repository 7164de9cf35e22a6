import type { IssueValue, OutcomeSpace } from './outcome-space.js'
import { issueValue, outcomeOfBid } from './outcome-space.js'
import type { Profile } from './utility-function.js'
import { NegotiationInputError, placeIn, type InputPlace } from './negotiation-error.js'

/** A JSON object as read from a GeniusWeb file. */
export type Json = Record<string, unknown>

/**
 * Parses a GeniusWeb file's text into an object; malformed JSON or a non-object is a
 * NegotiationInputError naming `what`.
 *
 * Example: `parseJson('{"a":1}', { en: 'domain', ko: '도메인' })` → `{ a: 1 }`; with `'[]'` it throws.
 */
export function parseJson(text: string, what: InputPlace): Json {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (err) {
    // the parser's complaint is the engine's English: the Korean says what is wrong alone
    throw new NegotiationInputError(
      `${what.en} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      `${what.ko}: JSON 형식이 올바르지 않습니다.`,
    )
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new NegotiationInputError(
      `${what.en}: expected a JSON object`,
      `${what.ko}: JSON 객체여야 합니다.`,
    )
  return v as Json
}

/**
 * A field that must be a JSON object.
 *
 * Example: `obj(3, { en: 'range', ko: '"range"' })` throws "range: expected an object" (ko
 * '"range": 객체여야 합니다.'); `obj({ x: 1 }, …)` → `{ x: 1 }`.
 */
export function obj(v: unknown, where: InputPlace): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new NegotiationInputError(
      `${where.en}: expected an object`,
      `${where.ko}: 객체여야 합니다.`,
    )
  return v as Json
}

/**
 * A field that must be a finite number (a numeric string is accepted).
 *
 * Example: `num('0.5', util)` → 0.5; `num('x', { en: 'util', ko: '"util"' })` throws "util: expected a
 * number" (ko '"util": 숫자여야 합니다.').
 */
export function num(v: unknown, where: InputPlace): number {
  const x = typeof v === 'string' ? Number(v) : v
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new NegotiationInputError(
      `${where.en}: expected a number`,
      `${where.ko}: 숫자여야 합니다.`,
    )
  return x
}

/**
 * The outcome of a profile's `reservationBid` (`{ issuevalues: { issue: value } }`), or null
 * when it has none.
 *
 * Example: `{ reservationBid: { issuevalues: { a: 'x' } } }` in a one-issue space ['x', 'y'] → 0.
 */
export function reservationOutcomeOf(
  p: Json,
  space: OutcomeSpace,
  where: InputPlace,
): number | null {
  const rb = p['reservationBid']
  if (rb === undefined || rb === null) return null
  const iv = obj(
    obj(rb, placeIn(where, 'reservationBid', '"reservationBid"'))['issuevalues'],
    placeIn(where, 'reservationBid.issuevalues', '"reservationBid.issuevalues"'),
  )
  const bid: Record<string, IssueValue> = {}
  for (const [k, v] of Object.entries(iv)) {
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new NegotiationInputError(
        `${where.en}: reservation bid value of "${k}" must be a string or number`,
        `${where.ko}: "reservationBid"의 쟁점 "${k}" 값은 문자열이나 숫자여야 합니다.`,
      )
    bid[k] = v
  }
  return outcomeOfBid(space, bid)
}

/**
 * A GeniusWeb `reservationBid` for a profile: its reservation outcome, else (a GENIUS
 * reservation value has no GeniusWeb field) the outcome whose utility is closest to the value
 * from above when `utilities` are given; null when there is none.
 *
 * Example: reservation value 0.5, utilities [0.2, 0.7, 0.6] → the bid of outcome 2.
 */
export function reservationBidJson(
  space: OutcomeSpace,
  profile: Profile,
  utilities?: Float64Array,
): Json | null {
  let rOutcome = profile.reservationOutcome
  if (rOutcome === null && profile.reservationValue !== null && utilities !== undefined) {
    let best = -1
    for (let i = 0; i < utilities.length; i++) {
      const x = utilities[i] ?? 0
      if (x >= profile.reservationValue && (best < 0 || x < (utilities[best] ?? 0))) best = i
    }
    if (best >= 0) rOutcome = best
  }
  if (rOutcome === null) return null
  const issuevalues: Json = {}
  space.issues.forEach((issue, i) => {
    const k = Math.floor(rOutcome / (space.strides[i] ?? 1)) % (space.sizes[i] ?? 1)
    issuevalues[issue.name] = issueValue(issue, k)
  })
  return { issuevalues }
}

/**
 * The GeniusWeb form of a domain (`{ name, issuesValues }`; numeric issues as ranges).
 *
 * Example: one discrete issue a ∈ {x, y} → `{ name, issuesValues: { a: { values: ['x', 'y'] } } }`.
 */
export function domainJson(space: OutcomeSpace): Json {
  const issuesValues: Json = {}
  for (const issue of space.issues) {
    if (issue.kind === 'discrete') issuesValues[issue.name] = { values: [...issue.values] }
    else {
      const step =
        issue.kind === 'integer'
          ? 1
          : issue.steps <= 1
            ? 1
            : (issue.upper - issue.lower) / (issue.steps - 1)
      issuesValues[issue.name] = { range: { low: issue.lower, high: issue.upper, step } }
    }
  }
  return { name: space.name, issuesValues }
}
