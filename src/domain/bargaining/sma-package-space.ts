import { z } from 'zod'
import { evaluateSchedule, type EvaluationContext, EvaluationError } from '../agreement/evaluate.js'
import { applyChanges, type AgreementChanges } from '../agreement/variant.js'
import type { AgreementSpec } from '../agreement/spec.js'
import { parseIndexOverride, seriesIdSchema } from '../index-series/index-series.js'
import {
  buildSmaSpace,
  smaUtilityOf,
  type SmaPartyInput,
  type SmaSpace,
} from './build-sma-space.js'
import { DomainError } from '../errors.js'
import { NegotiationInputError, type InputPlace } from './negotiation-error.js'

/**
 * The package levers an SMA negotiation space can vary (see AgreementChanges). `series` switches
 * the escalation index together with its customary lag (CPI: Y−2; defense budget: Y−1).
 */
export const SMA_LEVERS = ['firstYearIncreasePct', 'capPct', 'termYears', 'series'] as const
export type SmaLever = (typeof SMA_LEVERS)[number]

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/)
const partySchema = z.strictObject({
  party: z.enum(['KR', 'US']),
  /** Weight of the money side of the package against the stated priorities (default 1). */
  costWeight: z.number().min(0).optional(),
  /** Per lever: a weight and a score in [0, 1] per value (same order as the issue's values). */
  priorities: z
    .partialRecord(
      z.enum(SMA_LEVERS),
      z.strictObject({ weight: z.number().min(0), scores: z.array(z.number().min(0).max(1)) }),
    )
    .optional(),
  /** Reservation as a utility in [0, 1]; or give the no-deal value as won per year. */
  reservation: z.number().min(0).max(1).optional(),
  noDealPerYear: decimalText.optional(),
})

/**
 * The setup of an SMA bargaining analysis: which agreement's rules the packages vary, the levers
 * and their candidate values, the index assumptions for years not yet published, and both
 * parties' inputs. Inside a delegation's workspace the other party's entry is that delegation's
 * own estimate (`viewpoint`); in neutral/research mode both are neutral.
 */
export const smaAnalysisSetupSchema = z.strictObject({
  schema: z.literal('sma-desk/sma-analysis@1'),
  baseAgreement: z.string().min(1),
  viewpoint: z.enum(['KR', 'US', 'neutral']),
  /** What the money side measures: the average per year (comparable across terms) or the total. */
  measure: z.enum(['average-per-year', 'total']),
  assumptions: z.array(z.string()),
  issues: z
    .array(
      z.strictObject({
        lever: z.enum(SMA_LEVERS),
        values: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  parties: z.tuple([partySchema, partySchema]),
})
export type SmaAnalysisSetup = z.infer<typeof smaAnalysisSetupSchema>

/** The evaluation context of a setup: the caller's plus the setup's index assumptions. */
export function smaEvaluationContext(
  setup: SmaAnalysisSetup,
  ctx: EvaluationContext,
): EvaluationContext {
  const assumptions = setup.assumptions.map((a) => {
    try {
      return parseIndexOverride(a)
    } catch (err) {
      // parseIndexOverride refuses in both languages; name the assumption in front of it.
      if (!(err instanceof DomainError)) throw err
      throw new NegotiationInputError(
        err.message,
        `지수 가정 "${a}": ${err.extra.ko ?? '형식이나 값이 올바르지 않습니다.'}`,
      )
    }
  })
  return { ...ctx, overrides: [...assumptions, ...ctx.overrides] }
}

/**
 * The setup's measure of an agreement (a package or a tabled proposal) in won, exact: the total
 * over the term or its average per year (integer division), by the agreement engine under `ctx`
 * (use `smaEvaluationContext`). A pending year fails naming the index value to assume; `what`
 * names the agreement in the message, in English and in Korean.
 */
export function measureSmaSpec(
  setup: Pick<SmaAnalysisSetup, 'measure'>,
  spec: AgreementSpec,
  ctx: EvaluationContext,
  what: InputPlace = { en: spec.id, ko: `"${spec.id}" 협정` },
): bigint {
  let total: string | null
  let years: number
  try {
    const s = evaluateSchedule(spec, ctx)
    total = s.total
    years = s.years.length
    if (total === null) {
      const p = s.years.find((y) => y.derivation.type === 'pending')?.derivation
      const need =
        p?.type === 'pending' ? p.waitingFor.map((w) => `${w.series}:${w.period}=…`).join(', ') : ''
      throw new NegotiationInputError(
        `${what.en} is pending: add an assumption ${need}`,
        `${what.ko}의 금액이 미확정입니다. 지수 가정(${need})을 추가하십시오.`,
      )
    }
  } catch (err) {
    // an EvaluationError always has its Korean (its constructor requires it)
    if (err instanceof EvaluationError)
      throw new NegotiationInputError(
        err.message,
        err.extra.ko ?? '협정 금액을 계산할 수 없습니다.',
      )
    throw err
  }
  return setup.measure === 'total' ? BigInt(total) : BigInt(total) / BigInt(years)
}

/**
 * Is `spec` a variant of the base agreement (the base itself, or a copy such as the what-if's
 * `<base>-what-if`, i.e. an id `<base>-…`)? Only such specs can be placed on its package plane.
 */
export function isSmaVariant(baseAgreement: string, spec: AgreementSpec): boolean {
  return spec.id === baseAgreement || spec.id.startsWith(`${baseAgreement}-`)
}

/**
 * The lever values of an agreement, as the setup writes them: first-year increase = the sum of
 * the negotiated increase's parts, cap = the index-linked rule's cap ('none' without), term =
 * years of the term, series = the index-linked rule's series. A lever the spec lacks is absent.
 */
export function smaLeversOf(spec: AgreementSpec): Partial<Record<SmaLever, string>> {
  const out: Partial<Record<SmaLever, string>> = {
    termYears: String(spec.term.lastYear - spec.term.firstYear + 1),
  }
  for (const r of spec.rules) {
    if (r.kind === 'negotiated-increase') {
      const sum = r.parts.reduce((acc, p) => acc + Number(p.pct), 0)
      out.firstYearIncreasePct = r.parts.length === 1 ? (r.parts[0]?.pct ?? '') : String(sum)
    }
    if (r.kind === 'index-linked') {
      out.series = r.series
      out.capPct = r.cap.kind === 'rate' ? r.cap.pct : 'none'
    }
  }
  return out
}

const leverNumber = (v: string): number => (v === 'none' ? Infinity : Number(v))

/**
 * Index of the setup value a lever value is scored by: the exact value (as text or as a number),
 * else the numerically nearest (cap 'none' counts as +∞, so it is nearest to the highest cap;
 * ties → the first), else null (a series the setup does not list: no priority score).
 */
export function nearestLeverValue(values: readonly string[], value: string): number | null {
  const exact = values.indexOf(value)
  if (exact >= 0) return exact
  const x = leverNumber(value)
  if (Number.isNaN(x)) return null
  let best: number | null = null
  let bestD = Infinity
  values.forEach((v, i) => {
    const y = leverNumber(v)
    if (Number.isNaN(y)) return
    // +∞ ('none') is nearest to the highest value
    const d = x === y ? 0 : x === Infinity ? -y : Math.abs(x - y)
    if (best === null || d < bestD) {
      best = i
      bestD = d
    }
  })
  return best
}

/**
 * Places an arbitrary package on the plane of a built package space: each party's utility of
 * `amount` (won, the setup's measure) with the space's normalisation (`smaUtilityOf` on the
 * party's scale; the stationing party's cost is the negative of the host's) plus its priority
 * scores of the given lever values, each scored by the nearest setup value
 * (`nearestLeverValue`). For the space's own packages this is exactly their utility (up to
 * float rounding); amounts outside the space's range give utilities outside [0, 1].
 */
export function smaPackageUtility(
  setup: SmaAnalysisSetup,
  built: Pick<SmaSpace, 'scales'>,
  amount: bigint | string,
  levers: Partial<Record<SmaLever, string>>,
): [number, number] {
  const host = Number(BigInt(amount)) / 1e8
  const u = setup.parties.map((p, index) => {
    const scale = built.scales[index]
    if (!scale)
      throw new NegotiationInputError(
        'the space has no scale for this party',
        '패키지 공간에 이 측의 효용 척도가 없습니다.',
      )
    let score = 0
    for (const issue of setup.issues) {
      const pr = p.priorities?.[issue.lever]
      const v = levers[issue.lever]
      if (pr === undefined || v === undefined) continue
      const i = nearestLeverValue(issue.values, v)
      if (i !== null) score += pr.weight * (pr.scores[i] ?? 0)
    }
    return smaUtilityOf(scale, (p.party === 'KR' ? 1 : -1) * host, score)
  })
  return [u[0] ?? 0, u[1] ?? 0]
}

export interface SmaPackageSpace extends SmaSpace {
  /** The measured amount of every outcome in won (exact, decimal text): what the host pays. */
  readonly amounts: readonly string[]
  readonly labels: readonly string[]
}

function changesFor(
  levers: readonly SmaLever[],
  values: readonly (string | number)[],
): AgreementChanges {
  const c: { -readonly [K in keyof AgreementChanges]: AgreementChanges[K] } = {}
  levers.forEach((lever, i) => {
    const v = String(values[i])
    if (lever === 'termYears') c.termYears = Number(v)
    else if (lever === 'series') {
      // each index comes with the lag it has been used with: CPI of Y−2 (7th–9th, 12th SMAs),
      // defense-budget growth of Y−1 (11th SMA)
      c.series = seriesIdSchema.parse(v)
      c.lag = c.series === 'KR_CPI' ? 2 : 1
    } else if (lever === 'capPct') c.capPct = v
    else c.firstYearIncreasePct = v
  })
  return c
}

/**
 * The agreement of one package: the base with the given values of the setup's levers (issue
 * order), as the space prices it. `series` brings its customary lag.
 */
export function smaPackageSpec(
  base: AgreementSpec,
  levers: readonly SmaLever[],
  values: readonly (string | number)[],
): AgreementSpec {
  return applyChanges(base, changesFor(levers, values))
}

/**
 * Builds a two-party negotiation space for an SMA: each outcome is a package of lever values
 * applied to the base agreement; the host's cost is what the package makes it pay (exactly, by
 * the agreement engine, under the setup's index assumptions), the stationing party's is the
 * negative of it. Utilities are normalised to [0, 1] and combined with the stated priorities.
 * A package whose amount would be pending fails, naming the index value to assume.
 *
 * @example
 * // levers capPct [3, 5, none] × firstYearIncreasePct [5, 8.3]: 6 packages; KR prefers (3, 5)
 * buildSmaPackageSpace(setup, sma12, ctx).space.size // 6
 */
export function buildSmaPackageSpace(
  setup: SmaAnalysisSetup,
  base: AgreementSpec,
  ctx: EvaluationContext,
): SmaPackageSpace {
  if (base.id !== setup.baseAgreement) {
    throw new NegotiationInputError(
      `setup is for ${setup.baseAgreement}, not ${base.id}`,
      `분석 설정의 기준 협정은 "${setup.baseAgreement}"이며 "${base.id}"이(가) 아닙니다.`,
    )
  }
  const evalCtx = smaEvaluationContext(setup, ctx)
  const levers = setup.issues.map((i) => i.lever)
  const amounts: string[] = []
  const labels: string[] = []
  const measure = (values: readonly (string | number)[]): number => {
    const pkg = { en: `package ${values.join(', ')}`, ko: `패키지 "${values.join(', ')}"` }
    let spec: AgreementSpec
    try {
      spec = applyChanges(base, changesFor(levers, values))
    } catch (err) {
      // applyChanges refuses a longer term with a RangeError; anything else is a value the
      // agreement schema rejects
      throw new NegotiationInputError(
        `${pkg.en}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        err instanceof RangeError
          ? `${pkg.ko}: "${base.id}" 협정에는 전년도 금액에 누적되는 규칙이 없어 ${base.term.lastYear}년 이후로 기간을 늘릴 수 없습니다.`
          : `${pkg.ko}: 이 값으로는 올바른 협정을 만들 수 없습니다. 분석 설정의 값을 확인하십시오.`,
      )
    }
    const exact = measureSmaSpec(setup, spec, evalCtx, pkg)
    amounts.push(exact.toString())
    labels.push(levers.map((l, i) => `${l}=${String(values[i])}`).join(', '))
    // utilities are statistics over packages: eok units keep the float exact enough
    return Number(exact) / 1e8
  }
  // evaluate once per outcome; the host's and the stationing party's costs are mirror images
  const hostCost: number[] = []
  const parties: SmaPartyInput[] = setup.parties.map((p, index) => {
    const whose =
      setup.viewpoint === 'neutral'
        ? 'neutral'
        : setup.viewpoint === p.party
          ? 'own'
          : 'estimate-of-other'
    const sign = p.party === 'KR' ? 1 : -1
    const noDeal =
      p.noDealPerYear === undefined ? undefined : (sign * Number(p.noDealPerYear)) / 1e8
    return {
      name: p.party,
      whose,
      cost: (values: readonly (string | number)[], outcome: number) => {
        if (index === 0) hostCost[outcome] = measure(values)
        return sign * (hostCost[outcome] ?? measure(values))
      },
      ...(p.costWeight === undefined ? {} : { costWeight: p.costWeight }),
      ...(p.priorities === undefined ? {} : { priorities: p.priorities }),
      ...(p.reservation === undefined ? {} : { reservation: p.reservation }),
      ...(noDeal === undefined ? {} : { noDealCost: noDeal }),
    }
  })
  const smaSpace = buildSmaSpace(
    `${setup.baseAgreement} packages`,
    setup.issues.map((i) => ({ name: i.lever, values: i.values })),
    parties,
  )
  return { ...smaSpace, amounts, labels }
}
