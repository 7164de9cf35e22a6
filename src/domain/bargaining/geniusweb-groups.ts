import type { OutcomeSpace } from './outcome-space.js'
import { indexOfValue, issueValue } from './outcome-space.js'
import type { Profile, SumOfGroupsUtility, UtilityGroup } from './utility-function.js'
import { NegotiationInputError, placeIn, type InputPlace } from './negotiation-error.js'
import { domainJson, num, obj, reservationOutcomeOf, type Json } from './geniusweb-fields.js'

/** Largest table of value combinations one group may span. */
const MAX_GROUP_COMBINATIONS = 1_000_000

/** A group's `partsutils` (or `PartsUtilities`) object. */
function partsOf(raw: unknown, where: InputPlace): Json {
  const wrapper = obj(raw, where)
  const parts = wrapper['partsutils'] ?? wrapper['PartsUtilities']
  if (parts === undefined)
    throw new NegotiationInputError(
      `${where.en}: expected partsutils`,
      `${where.ko}: "partsutils"가 있어야 합니다.`,
    )
  return obj(parts, placeIn(where, 'partsutils', '"partsutils"'))
}

function groupFromJson(
  space: OutcomeSpace,
  groupName: string,
  raw: unknown,
  covered: Set<number>,
  where: InputPlace,
): UtilityGroup {
  const w = placeIn(where, `group "${groupName}"`, `쟁점 묶음 "${groupName}"`)
  const parts = partsOf(raw, w)
  const names = parts['issues']
  if (!Array.isArray(names) || names.length === 0)
    throw new NegotiationInputError(
      `${w.en}: "issues" must be a non-empty list`,
      `${w.ko}: "issues"는 비어 있지 않은 목록이어야 합니다.`,
    )
  const issues = names.map((n) => {
    const pos = space.issues.findIndex((i) => i.name === n)
    if (pos < 0)
      throw new NegotiationInputError(
        `${w.en}: issue "${String(n)}" is not in domain "${space.name}"`,
        `${w.ko}: 쟁점 "${String(n)}"이(가) 도메인 "${space.name}"에 없습니다.`,
      )
    if (covered.has(pos))
      throw new NegotiationInputError(
        `${w.en}: issue "${String(n)}" is in more than one group`,
        `${w.ko}: 쟁점 "${String(n)}"이(가) 둘 이상의 쟁점 묶음에 들어 있습니다.`,
      )
    covered.add(pos)
    return pos
  })
  const size = issues.reduce((n, i) => n * (space.sizes[i] ?? 1), 1)
  if (size > MAX_GROUP_COMBINATIONS)
    throw new NegotiationInputError(
      `${w.en}: ${size} value combinations, at most ${MAX_GROUP_COMBINATIONS}`,
      `${w.ko}: 값 조합이 ${size}개입니다(최대 ${MAX_GROUP_COMBINATIONS}개).`,
    )
  const utilities = new Float64Array(size)
  const list = parts['utilslist']
  if (!Array.isArray(list))
    throw new NegotiationInputError(
      `${w.en}: "utilslist" must be a list`,
      `${w.ko}: "utilslist"는 목록이어야 합니다.`,
    )
  list.forEach((entry: unknown, e) => {
    const at = placeIn(w, `utilslist[${e}]`, `"utilslist[${e}]"`)
    const item = obj(entry, at)
    const values = item['values']
    if (!Array.isArray(values) || values.length !== issues.length)
      throw new NegotiationInputError(
        `${at.en}: needs ${issues.length} values`,
        `${at.ko}: 값이 ${issues.length}개 있어야 합니다.`,
      )
    let index = 0
    issues.forEach((pos, j) => {
      const issue = space.issues[pos]
      const v: unknown = values[j]
      const k =
        issue === undefined || (typeof v !== 'string' && typeof v !== 'number')
          ? -1
          : indexOfValue(issue, v)
      if (k < 0)
        throw new NegotiationInputError(
          `${at.en}: value ${JSON.stringify(v)} is not a value of issue "${issue?.name ?? pos}"`,
          `${at.ko}: ${JSON.stringify(v)}은(는) 쟁점 "${issue?.name ?? pos}"의 값이 아닙니다.`,
        )
      index = index * (space.sizes[pos] ?? 1) + k
    })
    const util = num(item['util'], placeIn(w, `utilslist[${e}].util`, `"utilslist[${e}].util"`))
    if (util < 0 || util > 1)
      throw new NegotiationInputError(
        `${at.en}: util ${util} is outside [0, 1]`,
        `${at.ko}: "util" 값 ${util}은(는) [0, 1] 범위를 벗어납니다.`,
      )
    utilities[index] = util
  })
  return { name: groupName, issues, utilities }
}

/**
 * Reads a GeniusWeb `SumOfGroupsUtilitySpace` body against a domain: `partUtilities` maps each
 * group name to `{ partsutils: { issues: [...], utilslist: [{ values: [...], util }] } }`. The
 * groups must cover every issue exactly once; a combination not listed has utility 0; the
 * utility of a bid is the sum over groups (in file order, float64; GeniusWeb sums decimals) and
 * may not exceed 1 (the largest utilities of the groups must sum to at most 1, as GeniusWeb
 * checks). `reservationBid` becomes the reservation outcome.
 *
 * Example: issues a ∈ {x, y}, b ∈ {p, q}, one group over [a, b] with utils (x, p) → 0.3,
 * (y, q) → 0.9 → utilities [0.3, 0, 0, 0.9].
 */
export function sumOfGroupsProfile(
  body: Json,
  space: OutcomeSpace,
  name: string,
  where: InputPlace,
): Profile {
  const partUtilities = obj(
    body['partUtilities'],
    placeIn(where, 'partUtilities', '"partUtilities"'),
  )
  const covered = new Set<number>()
  const groups = Object.entries(partUtilities).map(([groupName, raw]) =>
    groupFromJson(space, groupName, raw, covered, where),
  )
  const missing = space.issues.filter((_, i) => !covered.has(i)).map((i) => i.name)
  if (missing.length > 0)
    throw new NegotiationInputError(
      `${where.en}: no group covers issue(s) ${missing.join(', ')}`,
      `${where.ko}: 어느 쟁점 묶음에도 들어 있지 않은 쟁점이 있습니다(${missing.join(', ')}).`,
    )
  let max = 0
  for (const g of groups) {
    let top = 0
    for (const u of g.utilities) if (u > top) top = u
    max += top
  }
  if (max > 1 + 1e-12)
    throw new NegotiationInputError(
      `${where.en}: the groups' largest utilities sum to ${max} > 1`,
      `${where.ko}: 쟁점 묶음별 최대 효용의 합(${max})이 1을 넘습니다.`,
    )
  return {
    name: typeof body['name'] === 'string' ? body['name'] : name,
    utility: { kind: 'sum-of-groups', groups },
    reservationValue: null,
    reservationOutcome: reservationOutcomeOf(body, space, where),
    discountFactor: null,
    whose: 'own',
  }
}

/**
 * The GeniusWeb `SumOfGroupsUtilitySpace` body of a sum-of-groups utility (without its
 * reservation bid): every combination with a non-zero utility, in table order.
 *
 * Example: `sumOfGroupsProfile(sumOfGroupsJson(space, 'p', u), space, 'p', where)` has the same groups.
 */
export function sumOfGroupsJson(space: OutcomeSpace, name: string, u: SumOfGroupsUtility): Json {
  const partUtilities: Json = {}
  for (const g of u.groups) {
    const sizes = g.issues.map((i) => space.sizes[i] ?? 1)
    const utilslist: Json[] = []
    g.utilities.forEach((util, index) => {
      if (util === 0) return
      const values: (string | number)[] = []
      let rest = index
      for (let j = g.issues.length - 1; j >= 0; j--) {
        const size = sizes[j] ?? 1
        const issue = space.issues[g.issues[j] ?? 0]
        values.unshift(issue === undefined ? '' : issueValue(issue, rest % size))
        rest = Math.floor(rest / size)
      }
      utilslist.push({ values, util })
    })
    const issues = g.issues.map((i) => space.issues[i]?.name ?? '')
    partUtilities[g.name] = { partsutils: { issues, utilslist } }
  }
  return { name, domain: domainJson(space), partUtilities }
}
