import type { Issue, OutcomeSpace } from './outcome-space.js'
import type { HyperRectangle, IssueEvaluator, Profile, RectangleBound } from './utility-function.js'
import type { XmlNode } from './xml-node.js'
import { createOutcomeSpace, indexOfValue, issueSize } from './outcome-space.js'
import { attrOf, childrenOf, escapeXml, numberAttr, parseXml } from './xml-node.js'
import { NegotiationInputError, placeIn, type InputPlace } from './negotiation-error.js'
import { GENIUS_REAL_STEPS, type AnalysisConvention } from './genius-conventions.js'

/**
 * Options for reading GENIUS domains: real issues are discretised into `realSteps` values
 * (default 11; 21 under the `genius` convention, as GENIUS 10.4 does, which also places the
 * values with its own float arithmetic).
 */
export type GeniusDomainOptions = {
  readonly realSteps?: number
  readonly convention?: AnalysisConvention
}

/** Default discretisation of GENIUS real issues: 11 equally spaced values, bounds included. */
export const DEFAULT_REAL_STEPS = 11

function rootUtilitySpace(doc: XmlNode, what: InputPlace): XmlNode {
  const template = childrenOf(doc, 'negotiation_template')[0]
  const us = childrenOf(template ?? doc, 'utility_space')[0]
  if (us === undefined)
    throw new NegotiationInputError(
      `${what.en}: no <utility_space> element`,
      `${what.ko}: "utility_space" 요소가 없습니다.`,
    )
  return us
}

/** Issue elements in document order, descending into nested objectives. */
function collectIssues(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [...childrenOf(node, 'issue')]
  for (const o of childrenOf(node, 'objective')) out.push(...collectIssues(o))
  return out
}

function collectAll(node: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [...childrenOf(node, tag)]
  for (const o of childrenOf(node, 'objective')) out.push(...collectAll(o, tag))
  return out
}

function issueKind(node: XmlNode): string {
  return (
    attrOf(node, 'etype') ??
    attrOf(node, 'type') ??
    attrOf(node, 'vtype') ??
    'discrete'
  ).toLowerCase()
}

function bounds(node: XmlNode, where: InputPlace): [number, number] {
  const range = childrenOf(node, 'range')[0]
  const src = attrOf(node, 'lowerbound') !== undefined ? node : range
  if (src === undefined)
    throw new NegotiationInputError(
      `${where.en}: missing lowerbound/upperbound`,
      `${where.ko}: "lowerbound"·"upperbound" 속성이 없습니다.`,
    )
  return [numberAttr(src, 'lowerbound', where), numberAttr(src, 'upperbound', where)]
}

/**
 * Reads a GENIUS domain file (`negotiation_template` → `utility_space` → `objective` → `issue`),
 * keeping each issue's GENIUS index (indices need not start at 1). Discrete issues keep their
 * items in file order; integer issues use lowerbound..upperbound; real issues are discretised
 * into `realSteps` values.
 *
 * Example: the Laptop domain → 3 discrete issues of 3 values, 27 outcomes.
 */
export function parseGeniusDomain(xml: string, options: GeniusDomainOptions = {}): OutcomeSpace {
  const what = { en: 'GENIUS domain', ko: 'GENIUS 도메인' }
  const doc = parseXml(xml, what)
  const us = rootUtilitySpace(doc, what)
  const objective = childrenOf(us, 'objective')[0]
  const name = (objective && attrOf(objective, 'name')) ?? 'domain'
  const issues = collectIssues(us).map((node, pos) => issueFromXml(node, pos, options))
  if (issues.length === 0)
    throw new NegotiationInputError(
      'GENIUS domain: no <issue> elements',
      'GENIUS 도메인: "issue" 요소가 없습니다.',
    )
  return createOutcomeSpace(name, issues)
}

function issueFromXml(node: XmlNode, pos: number, options: GeniusDomainOptions): Issue {
  const name = attrOf(node, 'name') ?? `issue${pos + 1}`
  const where = { en: `issue "${name}"`, ko: `쟁점 "${name}"` }
  const idText = attrOf(node, 'index')
  const id = idText === undefined ? pos + 1 : numberAttr(node, 'index', where)
  const kind = issueKind(node)
  if (kind === 'discrete') {
    const values = childrenOf(node, 'item').map((item, k) => {
      const v = attrOf(item, 'value')
      if (v === undefined)
        throw new NegotiationInputError(
          `${where.en}: item ${k + 1} has no value`,
          `${where.ko}: ${k + 1}번째 "item" 요소에 "value" 속성이 없습니다.`,
        )
      return v
    })
    if (values.length === 0)
      throw new NegotiationInputError(
        `${where.en}: no <item> values`,
        `${where.ko}: 값을 나타내는 "item" 요소가 없습니다.`,
      )
    return { kind: 'discrete', name, values, id }
  }
  if (kind === 'integer') {
    const [lower, upper] = bounds(node, where)
    return { kind: 'integer', name, lower, upper, id }
  }
  if (kind === 'real') {
    const [lower, upper] = bounds(node, where)
    const genius = options.convention === 'genius'
    const steps = options.realSteps ?? (genius ? GENIUS_REAL_STEPS : DEFAULT_REAL_STEPS)
    return genius
      ? { kind: 'real', name, lower, upper, steps, spacing: 'genius', id }
      : { kind: 'real', name, lower, upper, steps, id }
  }
  throw new NegotiationInputError(
    `${where.en}: unknown issue type "${kind}"`,
    `${where.ko}: 알 수 없는 쟁점 유형입니다("${kind}").`,
  )
}

/**
 * Reads a GENIUS profile with GENIUS 10.4 semantics against a domain:
 * discrete evaluations ÷ the issue's largest evaluation (all 0 when that is below 0.00001);
 * integer `linear` evaluators offset + slope·(v − lowerbound) clipped to [0, 1]; real `linear`
 * evaluators (parameter0 = offset, parameter1 = slope) slope·v + offset clipped, `triangular`
 * ones (parameter0 = lower, parameter1 = upper, parameter2 = top), `constant` ones (parameter0);
 * weights as written and the
 * sum capped at 1; `reservation` and `discount_factor` (null when absent; a discount outside
 * (0, 1] means none). A nonlinear profile (`utility maxutility` → `ufun` → `hyperRectangle`) gives
 * Σ rectangle utilities ÷ maxutility, capped at 1. Issues are matched by name, else by index.
 *
 * Example: Laptop buyer → weights [0.4452, 0.3781, 0.1768], HP = 30/30 = 1, reservation 0,
 * discount 0.42441038.
 */
export function parseGeniusProfile(xml: string, space: OutcomeSpace, name = 'profile'): Profile {
  const where = { en: `GENIUS profile "${name}"`, ko: `GENIUS 프로필 "${name}"` }
  const doc = parseXml(xml, where)
  const us = childrenOf(doc, 'utility_space')[0]
  if (us === undefined)
    throw new NegotiationInputError(
      `${where.en}: no <utility_space> element`,
      `${where.ko}: "utility_space" 요소가 없습니다.`,
    )
  const element = (tag: string): InputPlace => placeIn(where, tag, `"${tag}" 요소`)
  const reservationNode = collectAll(us, 'reservation')[0]
  const discountNode = collectAll(us, 'discount_factor')[0]
  const reservationValue =
    reservationNode === undefined
      ? null
      : numberAttr(reservationNode, 'value', element('reservation'))
  const df =
    discountNode === undefined
      ? null
      : numberAttr(discountNode, 'value', element('discount_factor'))
  const discountFactor = df !== null && df > 0 && df <= 1 ? df : null
  const issueNodes = collectIssues(us)
  // GENIUS index (as written in this profile) → position in the space
  const positionById = new Map<number, number>()
  const nodeByPosition = new Map<number, XmlNode>()
  issueNodes.forEach((node, k) => {
    const issueName = attrOf(node, 'name')
    const idText = attrOf(node, 'index')
    const id = idText === undefined ? k + 1 : numberAttr(node, 'index', element('issue'))
    let pos = issueName === undefined ? -1 : space.issues.findIndex((i) => i.name === issueName)
    if (pos < 0) pos = space.issues.findIndex((i) => i.id === id)
    if (pos < 0)
      throw new NegotiationInputError(
        `${where.en}: issue "${issueName ?? id}" is not in domain "${space.name}"`,
        `${where.ko}: 쟁점 "${issueName ?? id}"이(가) 도메인 "${space.name}"에 없습니다.`,
      )
    positionById.set(id, pos)
    nodeByPosition.set(pos, node)
  })
  if (issueNodes.length === 0)
    space.issues.forEach((issue, pos) => positionById.set(issue.id ?? pos + 1, pos))
  const common = {
    name,
    reservationValue,
    reservationOutcome: null,
    discountFactor,
    whose: 'own' as const,
  }
  const utilityNode = childrenOf(us, 'utility')[0]
  if (utilityNode !== undefined) {
    const maxUtility = numberAttr(
      utilityNode,
      'maxutility',
      placeIn(where, '<utility>', '"utility" 요소'),
    )
    const rectangles: HyperRectangle[] = []
    const walk = (ufun: XmlNode, weight: number): void => {
      const w =
        weight *
        (attrOf(ufun, 'weight') === undefined ? 1 : numberAttr(ufun, 'weight', element('ufun')))
      for (const r of childrenOf(ufun, 'hyperRectangle')) {
        const rb: RectangleBound[] = []
        for (const [tag, exclude] of [
          ['INCLUDES', false],
          ['EXCLUDES', true],
        ] as const) {
          for (const b of childrenOf(r, tag)) {
            const id = numberAttr(b, 'index', element(tag))
            const pos = positionById.get(id) ?? space.issues.findIndex((i) => i.id === id)
            if (pos < 0)
              throw new NegotiationInputError(
                `${where.en}: ${tag} refers to unknown issue index ${id}`,
                `${where.ko}: "${tag}" 요소의 쟁점 번호 ${id}에 해당하는 쟁점이 없습니다.`,
              )
            rb.push({
              issue: pos,
              min: numberAttr(b, 'min', element(tag)),
              max: numberAttr(b, 'max', element(tag)),
              exclude,
            })
          }
        }
        rectangles.push({
          utility: w * numberAttr(r, 'utility', element('hyperRectangle')),
          bounds: rb,
        })
      }
      for (const inner of childrenOf(ufun, 'ufun')) walk(inner, w)
    }
    for (const ufun of childrenOf(utilityNode, 'ufun')) walk(ufun, 1)
    return { ...common, utility: { kind: 'hyper-rectangle', rectangles, maxUtility } }
  }
  const weightById = new Map<number, number>()
  for (const w of collectAll(us, 'weight')) {
    weightById.set(
      numberAttr(w, 'index', element('weight')),
      numberAttr(w, 'value', element('weight')),
    )
  }
  const weights = new Array<number>(space.issues.length).fill(0)
  const evaluators: IssueEvaluator[] = space.issues.map((issue, pos) => {
    const node = nodeByPosition.get(pos)
    if (node === undefined)
      throw new NegotiationInputError(
        `${where.en}: no evaluation for issue "${issue.name}"`,
        `${where.ko}: 쟁점 "${issue.name}"의 평가가 없습니다.`,
      )
    const id = [...positionById.entries()].find(([, p]) => p === pos)?.[0] ?? pos + 1
    const w = weightById.get(id)
    if (w === undefined)
      throw new NegotiationInputError(
        `${where.en}: no weight for issue "${issue.name}" (index ${id})`,
        `${where.ko}: 쟁점 "${issue.name}"(번호 ${id})의 가중치가 없습니다.`,
      )
    weights[pos] = w
    return evaluatorFromXml(
      issue,
      node,
      placeIn(where, `issue "${issue.name}"`, `쟁점 "${issue.name}"`),
    )
  })
  return { ...common, utility: { kind: 'linear-additive', weights, evaluators, cap: true } }
}

function evaluatorFromXml(issue: Issue, node: XmlNode, where: InputPlace): IssueEvaluator {
  if (issue.kind === 'discrete') {
    const raw = new Array<number>(issue.values.length).fill(Number.NaN)
    for (const item of childrenOf(node, 'item')) {
      const value = attrOf(item, 'value')
      if (value === undefined) continue
      const k = indexOfValue(issue, value)
      if (k < 0)
        throw new NegotiationInputError(
          `${where.en}: value "${value}" is not in the domain`,
          `${where.ko}: 값 "${value}"이(가) 도메인에 없습니다.`,
        )
      const evaluation = numberAttr(
        item,
        'evaluation',
        placeIn(where, `value "${value}"`, `값 "${value}"`),
      )
      // GENIUS keys evaluations by label: a label the domain lists twice gets it at both places
      issue.values.forEach((v, j) => {
        if (v === value) raw[j] = evaluation
      })
    }
    const missing = raw.findIndex((x) => Number.isNaN(x))
    if (missing >= 0)
      throw new NegotiationInputError(
        `${where.en}: no evaluation for value "${issue.values[missing] ?? ''}"`,
        `${where.ko}: 값 "${issue.values[missing] ?? ''}"의 평가가 없습니다.`,
      )
    const max = Math.max(...raw)
    // GENIUS: evaluation ÷ the largest, or 0 when the largest is below 0.00001
    return { kind: 'table', utilities: raw.map((x) => (max < 0.00001 ? 0 : x / max)) }
  }
  const ev = childrenOf(node, 'evaluator')[0]
  if (ev === undefined)
    throw new NegotiationInputError(
      `${where.en}: no <evaluator>`,
      `${where.ko}: "evaluator" 요소가 없습니다.`,
    )
  const ftype = (attrOf(ev, 'ftype') ?? 'linear').toLowerCase()
  // GENIUS's integer evaluator is always linear; its real evaluator reads the ftype
  if (issue.kind === 'real' && ftype === 'triangular') {
    const p = (k: number): number => numberAttr(ev, `parameter${k}`, where)
    return { kind: 'triangular', lower: p(0), upper: p(1), top: p(2) }
  }
  if (issue.kind === 'real' && ftype === 'constant')
    return { kind: 'constant', value: numberAttr(ev, 'parameter0', where) }
  if (ftype !== 'linear' && issue.kind === 'real')
    throw new NegotiationInputError(
      `${where.en}: evaluator type "${ftype}" is not supported`,
      `${where.ko}: 평가 함수 유형 "${ftype}"은(는) 지원하지 않습니다.`,
    )
  const pick = (a: string, b: string): number =>
    attrOf(ev, a) !== undefined ? numberAttr(ev, a, where) : numberAttr(ev, b, where)
  const offset = pick('offset', 'parameter0')
  const slope = pick('slope', 'parameter1')
  return { kind: 'linear', offset, slope, origin: issue.kind === 'integer' ? issue.lower : 0 }
}

function issueXml(issue: Issue, pos: number, body: string): string {
  const id = issue.id ?? pos + 1
  const head = `<issue index="${id}" etype="${issue.kind}" type="${issue.kind}" vtype="${issue.kind}" name="${escapeXml(issue.name)}"`
  if (issue.kind === 'discrete') return `${head}>\n${body}</issue>\n`
  if (issue.kind === 'integer')
    return `${head} lowerbound="${issue.lower}" upperbound="${issue.upper}">\n${body}</issue>\n`
  return `${head}>\n<range lowerbound="${issue.lower}" upperbound="${issue.upper}"/>\n${body}</issue>\n`
}

/**
 * Writes a GENIUS domain file (objective 0 "root"; issue indices as read, else 1..k).
 *
 * Example: `parseGeniusDomain(writeGeniusDomain(space))` has the same issues and values.
 */
export function writeGeniusDomain(space: OutcomeSpace): string {
  const issues = space.issues
    .map((issue, pos) => {
      const items =
        issue.kind === 'discrete'
          ? issue.values
              .map(
                (v, k) =>
                  `<item index="${k + 1}" value="${escapeXml(v)}" description="${escapeXml(v)}"></item>\n`,
              )
              .join('')
          : ''
      return issueXml(issue, pos, items)
    })
    .join('')
  return (
    `<negotiation_template>\n<utility_space number_of_issues="${space.issues.length}">\n` +
    `<objective index="0" etype="objective" type="objective" description="" name="${escapeXml(space.name)}">\n` +
    `${issues}</objective>\n</utility_space>\n</negotiation_template>\n`
  )
}

/**
 * Writes a GENIUS profile that GENIUS 10.4 evaluates to the same utilities. Discrete tables are
 * written as evaluations ÷ their largest and the largest folded into the weight (GENIUS divides by
 * the largest evaluation). Numeric issues need an evaluator GENIUS can express (linear, or
 * GeniusWeb interpolation over the whole range). Per-outcome tables cannot be written.
 *
 * Example: `parseGeniusProfile(writeGeniusProfile(space, p), space)` enumerates to the same
 * utilities as `p`.
 */
export function writeGeniusProfile(space: OutcomeSpace, profile: Profile): string {
  const u = profile.utility
  const tail =
    (profile.reservationValue !== null
      ? `<reservation value="${profile.reservationValue}"/>\n`
      : '') +
    (profile.discountFactor !== null
      ? `<discount_factor value="${profile.discountFactor}"/>\n`
      : '')
  if (u.kind === 'table' || u.kind === 'sum-of-groups')
    throw new NegotiationInputError(
      `profile "${profile.name}": a ${u.kind === 'table' ? 'per-outcome utility table' : 'sum-of-groups profile'} cannot be written as GENIUS XML`,
      `프로필 "${profile.name}": ${u.kind === 'table' ? '결과별 효용표는' : '쟁점 묶음별 효용을 합산하는 프로필은'} GENIUS XML로 쓸 수 없습니다.`,
    )
  const objOpen = `<objective index="0" etype="objective" type="objective" description="" name="${escapeXml(space.name)}">\n`
  if (u.kind === 'hyper-rectangle') {
    const issues = space.issues.map((issue, pos) => issueXml(issue, pos, '')).join('')
    const rects = u.rectangles
      .map((r) => {
        const b = r.bounds
          .map((x) => {
            const tag = x.exclude ? 'EXCLUDES' : 'INCLUDES'
            const id = space.issues[x.issue]?.id ?? x.issue + 1
            return `<${tag} index="${id}" min="${x.min}" max="${x.max}"/>\n`
          })
          .join('')
        return `<hyperRectangle utility="${r.utility}">\n${b}</hyperRectangle>\n`
      })
      .join('')
    return (
      `<utility_space type="nonlinear">\n${objOpen}${issues}</objective>\n` +
      `<utility maxutility="${u.maxUtility}">\n<ufun type="PLAIN" weight="1" aggregation="sum">\n${rects}</ufun>\n</utility>\n${tail}</utility_space>\n`
    )
  }
  const weights: number[] = []
  const issues = space.issues
    .map((issue, pos) => {
      const ev = u.evaluators[pos]
      const w = u.weights[pos] ?? 0
      if (ev === undefined)
        throw new NegotiationInputError(
          `profile "${profile.name}": no evaluator for issue "${issue.name}"`,
          `프로필 "${profile.name}": 쟁점 "${issue.name}"의 평가 함수가 없습니다.`,
        )
      if (issue.kind === 'discrete') {
        const table = issue.values.map((_, k) =>
          ev.kind === 'table' ? (ev.utilities[k] ?? 0) : Number.NaN,
        )
        if (table.some((x) => Number.isNaN(x)))
          throw new NegotiationInputError(
            `profile "${profile.name}": discrete issue "${issue.name}" needs a value table`,
            `프로필 "${profile.name}": 이산 쟁점 "${issue.name}"에는 값별 효용표가 있어야 합니다.`,
          )
        const max = Math.max(...table)
        weights.push(max > 0 ? w * max : w)
        const items = issue.values
          .map(
            (v, k) =>
              `<item index="${k + 1}" value="${escapeXml(v)}" evaluation="${max > 0 ? (table[k] ?? 0) / max : 0}"></item>\n`,
          )
          .join('')
        return issueXml(issue, pos, items)
      }
      weights.push(w)
      if (issue.kind === 'real' && ev.kind === 'triangular') {
        const params = `parameter0="${ev.lower}" parameter1="${ev.upper}" parameter2="${ev.top}"`
        return issueXml(issue, pos, `<evaluator ftype="triangular" ${params}/>\n`)
      }
      if (issue.kind === 'real' && ev.kind === 'constant')
        return issueXml(issue, pos, `<evaluator ftype="constant" parameter0="${ev.value}"/>\n`)
      const lin = linearForm(issue, ev, profile.name)
      const attrs =
        issue.kind === 'integer'
          ? `slope="${lin.slope}" offset="${lin.offset + lin.slope * (issue.lower - lin.origin)}"`
          : `parameter0="${lin.offset - lin.slope * lin.origin}" parameter1="${lin.slope}"`
      return issueXml(issue, pos, `<evaluator ftype="linear" ${attrs}/>\n`)
    })
    .join('')
  const weightXml = space.issues
    .map(
      (issue, pos) =>
        `<weight index="${issue.id ?? pos + 1}" value="${weights[pos] ?? 0}"></weight>\n`,
    )
    .join('')
  return `<utility_space>\n${objOpen}${issues}${weightXml}</objective>\n${tail}</utility_space>\n`
}

/** offset + slope·(v − origin) equivalent of a numeric evaluator, or a clear error. */
function linearForm(
  issue: Issue,
  ev: IssueEvaluator,
  profileName: string,
): { offset: number; slope: number; origin: number } {
  if (ev.kind === 'linear') return ev
  if (issue.kind === 'discrete')
    throw new NegotiationInputError(
      'unreachable',
      '내부 오류입니다: 이산 쟁점에는 선형 평가 함수를 쓰지 않습니다.',
    )
  if (ev.kind === 'interpolate') {
    const coversRange = ev.lowValue <= issue.lower + 1e-12 && ev.highValue >= issue.upper - 1e-12
    const inUnit = [ev.lowUtility, ev.highUtility].every((x) => x >= 0 && x <= 1)
    if (coversRange && inUnit) {
      const slope =
        ev.highValue === ev.lowValue
          ? 0
          : (ev.highUtility - ev.lowUtility) / (ev.highValue - ev.lowValue)
      return { offset: ev.lowUtility, slope, origin: ev.lowValue }
    }
  }
  if (ev.kind === 'table' && issueSize(issue) === 1)
    return { offset: ev.utilities[0] ?? 0, slope: 0, origin: 0 }
  throw new NegotiationInputError(
    `profile "${profileName}": issue "${issue.name}" has an evaluator GENIUS cannot express as a linear evaluator`,
    `프로필 "${profileName}": 쟁점 "${issue.name}"의 평가 함수는 GENIUS의 선형 평가 함수로 나타낼 수 없습니다.`,
  )
}
