import { NegotiationInputError } from './negotiation-error.js'

/**
 * How a negotiator picks its target utility over normalised time t ∈ [0, 1]:
 * - `time-dependent` with exponent e: target = Pmin + (Pmax − Pmin)·(1 − t^(1/e)); e < 1
 *   Boulware (concedes late), e = 1 Linear, e > 1 Conceder;
 * - `hardliner`: always Pmax (e = 0);
 * - `tit-for-tat`: Pmax − factor × (the opponent's concession so far, measured in own utility:
 *   own utility of its latest offer minus that of its first offer).
 * Pmax is the best own utility, Pmin = max(reservation, worst own utility).
 */
export type StrategySpec =
  | { readonly kind: 'time-dependent'; readonly exponent: number }
  | { readonly kind: 'hardliner' }
  | { readonly kind: 'tit-for-tat'; readonly factor: number }

/**
 * When to accept the opponent's offer o at time t (never below the reservation value):
 * - `next` (AC_next): u(o) ≥ u(the offer I would make next);
 * - `const` (AC_const): u(o) ≥ threshold;
 * - `time` (AC_time): t ≥ time.
 */
export type AcceptanceSpec =
  | { readonly kind: 'next' }
  | { readonly kind: 'const'; readonly threshold: number }
  | { readonly kind: 'time'; readonly time: number }

export type NegotiatorSpec = {
  readonly name: string
  readonly strategy: StrategySpec
  readonly acceptance: AcceptanceSpec
}

/** The strategies a negotiator can be named by without parameters (API simulations offer these). */
export const NAMED_STRATEGIES = [
  'boulware',
  'linear',
  'conceder',
  'hardliner',
  'tit-for-tat',
] as const
export type NamedStrategy = (typeof NAMED_STRATEGIES)[number]

/** Exponents of the named time-dependent strategies (GENIUS conventions). */
export const NAMED_EXPONENTS: Readonly<Record<string, number>> = {
  boulware: 0.2,
  linear: 1,
  conceder: 2,
}

/**
 * Parses a negotiator name: `boulware` (e = 0.2), `linear` (e = 1), `conceder` (e = 2),
 * `time:<e>`, `hardliner`, `tit-for-tat[:factor]`, optionally followed by `+ac-next`,
 * `+ac-const:<u>` or `+ac-time:<t>` (default AC_next).
 *
 * Example: `negotiatorByName('boulware+ac-const:0.8')` →
 * `{ strategy: { kind: 'time-dependent', exponent: 0.2 }, acceptance: { kind: 'const', threshold: 0.8 } }`.
 */
export function negotiatorByName(name: string): NegotiatorSpec {
  const [strategyPart = '', acceptancePart, ...rest] = name.trim().toLowerCase().split('+')
  if (rest.length > 0)
    throw new NegotiationInputError(
      `negotiator "${name}": at most one "+acceptance" part`,
      `협상 전략 "${name}": "+" 뒤의 수락 규칙은 하나만 쓸 수 있습니다.`,
    )
  const [sName = '', sArg] = strategyPart.split(':')
  /** A numeric argument; `what` names it in English, `ko` in Korean. */
  const numberArg = (
    s: string | undefined,
    what: string,
    ko: string,
    min: number,
    max: number,
  ): number => {
    const x = Number(s)
    if (s === undefined || s.trim() === '' || !Number.isFinite(x) || x < min || x > max)
      throw new NegotiationInputError(
        `negotiator "${name}": ${what} must be a number in [${min}, ${max}]`,
        `협상 전략 "${name}": ${ko} 값은 [${min}, ${max}] 범위의 숫자여야 합니다.`,
      )
    return x
  }
  let strategy: StrategySpec
  const named = NAMED_EXPONENTS[sName]
  if (named !== undefined) strategy = { kind: 'time-dependent', exponent: named }
  else if (sName === 'time')
    strategy = {
      kind: 'time-dependent',
      exponent: numberArg(sArg, 'exponent', '"time:" 뒤의 양보 지수(e)', 1e-6, 1e6),
    }
  else if (sName === 'hardliner') strategy = { kind: 'hardliner' }
  else if (sName === 'tit-for-tat' || sName === 'tft')
    strategy = {
      kind: 'tit-for-tat',
      factor:
        sArg === undefined ? 1 : numberArg(sArg, 'factor', '"tit-for-tat:" 뒤의 배율', 0, 100),
    }
  else
    throw new NegotiationInputError(
      `unknown strategy "${sName}" (use boulware, linear, conceder, time:<e>, hardliner, tit-for-tat)`,
      `알 수 없는 협상 전략입니다("${sName}"). "boulware", "linear", "conceder", "time:<e>", "hardliner", "tit-for-tat" 중 하나를 쓰십시오.`,
    )
  let acceptance: AcceptanceSpec = { kind: 'next' }
  if (acceptancePart !== undefined) {
    const [aName, aArg] = acceptancePart.split(':')
    if (aName === 'ac-next') acceptance = { kind: 'next' }
    else if (aName === 'ac-const')
      acceptance = {
        kind: 'const',
        threshold: numberArg(aArg, 'threshold', '"ac-const:" 뒤의 기준 효용', 0, 1),
      }
    else if (aName === 'ac-time')
      acceptance = { kind: 'time', time: numberArg(aArg, 'time', '"ac-time:" 뒤의 시점', 0, 1) }
    else
      throw new NegotiationInputError(
        `unknown acceptance rule "${aName ?? ''}" (use ac-next, ac-const:<u>, ac-time:<t>)`,
        `알 수 없는 수락 규칙입니다("${aName ?? ''}"). "ac-next", "ac-const:<u>", "ac-time:<t>" 중 하나를 쓰십시오.`,
      )
  }
  return { name: name.trim(), strategy, acceptance }
}

/**
 * Target utility of a time-dependent strategy at normalised time t ∈ [0, 1].
 *
 * Example: e = 1, Pmin 0.2, Pmax 1, t = 0.5 → 0.6; e = 0.2 (Boulware), t = 0.5 → ≈ 0.975.
 */
export function timeDependentTarget(
  exponent: number,
  t: number,
  pmin: number,
  pmax: number,
): number {
  if (exponent <= 0) return pmax
  const tt = t <= 0 ? 0 : t >= 1 ? 1 : t
  return pmin + (pmax - pmin) * (1 - Math.pow(tt, 1 / exponent))
}
