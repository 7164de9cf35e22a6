import type { Issue, OutcomeSpace } from './outcome-space.js'
import type { IssueEvaluator, Profile } from './utility-function.js'
import { createOutcomeSpace, indexOfValue, issueSize, issueValue } from './outcome-space.js'
import { NegotiationInputError, placeIn, type InputPlace } from './negotiation-error.js'
import {
  domainJson,
  num,
  obj,
  parseJson,
  reservationBidJson,
  reservationOutcomeOf,
  type Json,
} from './geniusweb-fields.js'
import { sumOfGroupsJson, sumOfGroupsProfile } from './geniusweb-groups.js'

/** Largest number of values accepted for a GeniusWeb numeric range. */
const MAX_RANGE_VALUES = 1_000_000

function domainFromJson(d: Json, where: InputPlace): OutcomeSpace {
  const name = typeof d['name'] === 'string' ? d['name'] : 'domain'
  const iv = obj(d['issuesValues'], placeIn(where, 'issuesValues', '"issuesValues"'))
  const issues: Issue[] = Object.entries(iv).map(([issueName, raw], pos) => {
    const at = placeIn(where, `issue "${issueName}"`, `쟁점 "${issueName}"`)
    const spec = obj(raw, at)
    if (Array.isArray(spec['values'])) {
      const values = (spec['values'] as unknown[]).map((v) =>
        typeof v === 'string' ? v : String(v),
      )
      return { kind: 'discrete', name: issueName, values, id: pos + 1 } as const
    }
    if (spec['range'] !== undefined) {
      const field = (key: string) => placeIn(at, key, `"${key}"`)
      const r = obj(spec['range'], field('range'))
      const low = num(r['low'], field('range.low'))
      const high = num(r['high'], field('range.high'))
      const step = num(r['step'], field('range.step'))
      if (step <= 0 || high < low)
        throw new NegotiationInputError(
          `${at.en}: invalid range`,
          `${at.ko}: "range"의 범위가 올바르지 않습니다.`,
        )
      const count = Math.floor((high - low) / step + 1e-9) + 1
      if (count > MAX_RANGE_VALUES)
        throw new NegotiationInputError(
          `${at.en}: range has ${count} values`,
          `${at.ko}: "range"의 값이 ${count}개입니다(최대 ${MAX_RANGE_VALUES}개).`,
        )
      if (step === 1 && Number.isInteger(low) && Number.isInteger(high))
        return { kind: 'integer', name: issueName, lower: low, upper: high, id: pos + 1 } as const
      return {
        kind: 'real',
        name: issueName,
        lower: low,
        upper: low + (count - 1) * step,
        steps: count,
        id: pos + 1,
      } as const
    }
    throw new NegotiationInputError(
      `${at.en}: expected "values" or "range"`,
      `${at.ko}: "values" 또는 "range"가 있어야 합니다.`,
    )
  })
  return createOutcomeSpace(name, issues)
}

/**
 * Reads a GeniusWeb domain: `{ name, issuesValues: { issue: { values: [...] } | { range: { low,
 * high, step } } } }`. Integer ranges with step 1 become integer issues, other ranges real issues
 * with (high − low)/step + 1 values.
 *
 * Example: `{"name":"d","issuesValues":{"a":{"values":["x","y"]}}}` → one discrete issue, 2 outcomes.
 */
export function parseGeniusWebDomain(text: string): OutcomeSpace {
  const where = { en: 'GeniusWeb domain', ko: 'GeniusWeb 도메인' }
  return domainFromJson(parseJson(text, where), where)
}

/**
 * Reads a GeniusWeb `LinearAdditiveUtilitySpace` profile against a domain. Per issue either
 * `DiscreteValueSetUtilities` or the older `discreteutils` (`valueUtilities`: value → utility,
 * missing values 0), or `NumberValueSetUtilities` / `numberutils` (`lowValue`, `lowUtility`,
 * `highValue`, `highUtility`; linear in between, 0 outside). Weights and utilities as written, no
 * cap; `reservationBid.issuevalues` becomes the reservation outcome.
 *
 * Example: weights {a: 1}, a: {x: 0.2, y: 1} → utilities [0.2, 1].
 */
export function parseGeniusWebProfile(
  text: string,
  space: OutcomeSpace,
  name = 'profile',
): Profile {
  const where = { en: `GeniusWeb profile "${name}"`, ko: `GeniusWeb 프로필 "${name}"` }
  const root = parseJson(text, where)
  const groups = root['SumOfGroupsUtilitySpace']
  if (groups !== undefined) return sumOfGroupsProfile(obj(groups, where), space, name, where)
  const las = root['LinearAdditiveUtilitySpace']
  if (las === undefined) {
    const kind = Object.keys(root)[0]
    throw new NegotiationInputError(
      `${where.en}: expected LinearAdditiveUtilitySpace or SumOfGroupsUtilitySpace, found ${kind ?? 'nothing'}`,
      `${where.ko}: "LinearAdditiveUtilitySpace" 또는 "SumOfGroupsUtilitySpace"가 있어야 합니다(${kind === undefined ? '빈 객체' : `있는 항목: "${kind}"`}).`,
    )
  }
  const p = obj(las, where)
  const weightsJ = obj(p['issueWeights'], placeIn(where, 'issueWeights', '"issueWeights"'))
  const utilsJ = obj(p['issueUtilities'], placeIn(where, 'issueUtilities', '"issueUtilities"'))
  for (const k of Object.keys(weightsJ))
    if (!space.issues.some((i) => i.name === k))
      throw new NegotiationInputError(
        `${where.en}: issue "${k}" is not in domain "${space.name}"`,
        `${where.ko}: 쟁점 "${k}"이(가) 도메인 "${space.name}"에 없습니다.`,
      )
  const weights = space.issues.map((issue) => {
    if (weightsJ[issue.name] === undefined)
      throw new NegotiationInputError(
        `${where.en}: no weight for issue "${issue.name}"`,
        `${where.ko}: 쟁점 "${issue.name}"의 가중치가 없습니다.`,
      )
    return num(
      weightsJ[issue.name],
      placeIn(where, `weight of "${issue.name}"`, `쟁점 "${issue.name}"의 가중치`),
    )
  })
  const evaluators = space.issues.map((issue): IssueEvaluator => {
    const w = placeIn(where, `issue "${issue.name}"`, `쟁점 "${issue.name}"`)
    const field = (key: string) => placeIn(w, key, `"${key}"`)
    if (utilsJ[issue.name] === undefined)
      throw new NegotiationInputError(`${w.en}: no utilities`, `${w.ko}: 효용이 없습니다.`)
    const u = obj(utilsJ[issue.name], w)
    const discrete = u['DiscreteValueSetUtilities'] ?? u['discreteutils']
    if (discrete !== undefined) {
      const vu = obj(obj(discrete, w)['valueUtilities'], field('valueUtilities'))
      const utilities = new Array<number>(issueSize(issue)).fill(0)
      for (const [label, x] of Object.entries(vu)) {
        const k = indexOfValue(issue, label)
        if (k < 0)
          throw new NegotiationInputError(
            `${w.en}: value "${label}" is not in the domain`,
            `${w.ko}: 값 "${label}"이(가) 도메인에 없습니다.`,
          )
        utilities[k] = num(x, placeIn(w, `value "${label}"`, `값 "${label}"`))
      }
      return { kind: 'table', utilities }
    }
    const numeric = u['NumberValueSetUtilities'] ?? u['numberutils']
    if (numeric !== undefined) {
      const n = obj(numeric, w)
      return {
        kind: 'interpolate',
        lowValue: num(n['lowValue'], field('lowValue')),
        lowUtility: num(n['lowUtility'], field('lowUtility')),
        highValue: num(n['highValue'], field('highValue')),
        highUtility: num(n['highUtility'], field('highUtility')),
      }
    }
    throw new NegotiationInputError(
      `${w.en}: expected DiscreteValueSetUtilities, discreteutils or NumberValueSetUtilities`,
      `${w.ko}: "DiscreteValueSetUtilities", "discreteutils" 또는 "NumberValueSetUtilities"가 있어야 합니다.`,
    )
  })
  const reservationOutcome = reservationOutcomeOf(p, space, where)
  return {
    name: typeof p['name'] === 'string' ? p['name'] : name,
    utility: { kind: 'linear-additive', weights, evaluators, cap: false },
    reservationValue: null,
    reservationOutcome,
    discountFactor: null,
    whose: 'own',
  }
}

/**
 * Writes a GeniusWeb domain (numeric issues as ranges).
 *
 * Example: `parseGeniusWebDomain(writeGeniusWebDomain(space))` has the same issues and values.
 */
export function writeGeniusWebDomain(space: OutcomeSpace): string {
  return JSON.stringify(domainJson(space), null, 2)
}

/** Options for writing GeniusWeb profiles; `legacyKeys` writes `discreteutils`/`numberutils`. */
export type GeniusWebWriteOptions = { readonly legacyKeys?: boolean }

/**
 * Writes a GeniusWeb LinearAdditiveUtilitySpace. Discrete issues become value tables; numeric
 * issues become NumberValueSetUtilities when linear over the range (else a clear error). A GENIUS
 * reservation value has no GeniusWeb field: it becomes the reservation bid of the outcome whose
 * utility is closest to it from above, if `utilities` are given. GENIUS's cap at 1 is not
 * expressible: weights that sum above 1 give utilities above 1 in GeniusWeb.
 *
 * Example: `parseGeniusWebProfile(writeGeniusWebProfile(space, p), space)` enumerates to the same
 * utilities as `p` when p's weights sum to at most 1.
 */
export function writeGeniusWebProfile(
  space: OutcomeSpace,
  profile: Profile,
  options: GeniusWebWriteOptions = {},
  utilities?: Float64Array,
): string {
  const u = profile.utility
  if (u.kind === 'sum-of-groups') {
    const body = sumOfGroupsJson(space, profile.name, u)
    const rb = reservationBidJson(space, profile, utilities)
    if (rb !== null) body['reservationBid'] = rb
    return JSON.stringify({ SumOfGroupsUtilitySpace: body }, null, 2)
  }
  if (u.kind !== 'linear-additive')
    throw new NegotiationInputError(
      `profile "${profile.name}": only linear-additive and sum-of-groups utilities can be written as GeniusWeb JSON`,
      `프로필 "${profile.name}": GeniusWeb JSON으로는 선형 가법 효용과 쟁점 묶음별 합산 효용만 쓸 수 있습니다.`,
    )
  const issueWeights: Json = {}
  const issueUtilities: Json = {}
  const dKey = options.legacyKeys === true ? 'discreteutils' : 'DiscreteValueSetUtilities'
  const nKey = options.legacyKeys === true ? 'numberutils' : 'NumberValueSetUtilities'
  space.issues.forEach((issue, pos) => {
    issueWeights[issue.name] = u.weights[pos] ?? 0
    const ev = u.evaluators[pos]
    if (ev === undefined)
      throw new NegotiationInputError(
        `profile "${profile.name}": no evaluator for "${issue.name}"`,
        `프로필 "${profile.name}": 쟁점 "${issue.name}"의 평가 함수가 없습니다.`,
      )
    if (issue.kind === 'discrete' || ev.kind === 'table') {
      if (issue.kind !== 'discrete')
        throw new NegotiationInputError(
          `profile "${profile.name}": numeric issue "${issue.name}" has a value table`,
          `프로필 "${profile.name}": 수치 쟁점 "${issue.name}"에 값별 효용표가 있습니다.`,
        )
      const valueUtilities: Json = {}
      issue.values.forEach((v, k) => {
        valueUtilities[v] = ev.kind === 'table' ? (ev.utilities[k] ?? 0) : 0
      })
      issueUtilities[issue.name] = { [dKey]: { valueUtilities } }
      return
    }
    const lo = issueValue(issue, 0) as number
    const hi = issueValue(issue, issueSize(issue) - 1) as number
    let spec: Json
    if (ev.kind === 'interpolate') spec = { ...ev }
    else if (ev.kind === 'constant' && ev.value >= 0 && ev.value <= 1)
      spec = { lowValue: lo, lowUtility: ev.value, highValue: hi, highUtility: ev.value }
    else if (ev.kind !== 'linear')
      throw new NegotiationInputError(
        `profile "${profile.name}": issue "${issue.name}" has a ${ev.kind} evaluator, which GeniusWeb cannot express`,
        `프로필 "${profile.name}": 쟁점 "${issue.name}"의 평가 함수("${ev.kind}")는 GeniusWeb으로 나타낼 수 없습니다.`,
      )
    else {
      const at = (v: number) => ev.offset + ev.slope * (v - ev.origin)
      const [ul, uh] = [at(lo), at(hi)]
      if (ul < 0 || ul > 1 || uh < 0 || uh > 1)
        throw new NegotiationInputError(
          `profile "${profile.name}": issue "${issue.name}" is clipped by GENIUS and has no GeniusWeb equivalent`,
          `프로필 "${profile.name}": 쟁점 "${issue.name}"의 효용은 GENIUS에서 [0, 1] 범위로 잘리므로 GeniusWeb에 대응하는 표현이 없습니다.`,
        )
      spec = { lowValue: lo, lowUtility: ul, highValue: hi, highUtility: uh }
    }
    delete spec['kind']
    issueUtilities[issue.name] = { [nKey]: spec }
  })
  const body: Json = { name: profile.name, domain: domainJson(space), issueWeights, issueUtilities }
  const rb = reservationBidJson(space, profile, utilities)
  if (rb !== null) body['reservationBid'] = rb
  return JSON.stringify({ LinearAdditiveUtilitySpace: body }, null, 2)
}
