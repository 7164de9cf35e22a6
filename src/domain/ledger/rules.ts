import { withParticle } from '../text/korean-particles.js'
import { formatKrwKorean, formatMoney } from '../money/format.js'
import type { Localized } from '../text/localized.js'
import type { SpendingRule } from './schema.js'

/**
 * The spending rules of an agreement evaluated for one year, each with its derivation in both
 * languages (like the escalation rules' derivations). Exact integer arithmetic: a percentage of
 * an amount is compared by cross-multiplication, never in floating point.
 */
export interface RuleResult {
  readonly id: string
  readonly kind: SpendingRule['kind']
  /** `unknown`: a figure the rule needs is not published; `not-evaluable`: no yearly figure can show it. */
  readonly status: 'holds' | 'violated' | 'unknown' | 'not-evaluable'
  readonly text: Localized
  readonly derivation: Localized
  readonly sources: readonly string[]
}

/** The figures of a year the rules read (won; null = unknown). */
export interface RuleInputs {
  readonly labor: bigint | null
  readonly construction: bigint | null
  readonly constructionCash: bigint | null
  readonly constructionInKind: bigint | null
  readonly logistics: bigint | null
  readonly laborCostTotal: bigint | null
}

/** A percentage text as numerator over 100·10^d, e.g. "87.5" → 875 / 1000. */
function pctParts(pct: string): { num: bigint; den: bigint } {
  const [int = '0', frac = ''] = pct.split('.')
  return { num: BigInt(int + frac), den: 100n * 10n ** BigInt(frac.length) }
}

/** amount × pct / 100, rounded up to the won (the least whole amount that meets "at least"). */
export function pctOfCeil(amount: bigint, pct: string): bigint {
  const { num, den } = pctParts(pct)
  return (amount * num + den - 1n) / den
}

/** amount × 100 / pct, rounded down (or up) to the won. */
function inversePct(amount: bigint, pct: string, up: boolean): bigint {
  const { num, den } = pctParts(pct)
  return up ? (amount * den + num - 1n) / num : (amount * den) / num
}

const won = (n: bigint) => ({ en: formatMoney(n, 'KRW'), ko: formatKrwKorean(n) })
const CAT = {
  labor: { en: 'labor', ko: '인건비' },
  construction: { en: 'construction', ko: '군사건설비' },
  logistics: { en: 'logistics', ko: '군수지원비' },
} as const
const FORM = { cash: { en: 'in cash', ko: '현금' }, 'in-kind': { en: 'in kind', ko: '현물' } }

function formShare(
  rule: Extract<SpendingRule, { kind: 'form-share' }>,
  year: number,
  x: RuleInputs,
): Pick<RuleResult, 'status' | 'derivation'> {
  const total = x[rule.category]
  const cat = CAT[rule.category]
  const form = FORM[rule.form]
  if (total === null)
    return {
      status: 'unknown',
      derivation: {
        en: `${year}: the ${cat.en} allocation is not published, so the rule cannot be applied.`,
        ko: `${year}년: ${cat.ko} 배정액이 공개되지 않아 적용할 수 없음.`,
      },
    }
  const need = pctOfCeil(total, rule.minPct)
  const part =
    rule.category === 'construction'
      ? rule.form === 'cash'
        ? x.constructionCash
        : x.constructionInKind
      : null
  const head = {
    en: `${year}: ${rule.minPct} % of ${cat.en} ${won(total).en} = at least ${won(need).en} ${form.en}`,
    ko: `${year}년: ${cat.ko} ${won(total).ko}의 ${rule.minPct}% = ${form.ko} 최소 ${won(need).ko}`,
  }
  if (part === null)
    return {
      status: 'unknown',
      derivation: {
        en: `${head.en}; the split by form is not published for ${year}.`,
        ko: `${head.ko}; ${year}년 지급 형태별 금액은 공개되지 않음.`,
      },
    }
  const holds = part >= need
  return {
    status: holds ? 'holds' : 'violated',
    derivation: {
      en: `${head.en}; published ${form.en}: ${won(part).en} — ${holds ? 'holds' : 'below the minimum'}.`,
      ko: `${head.ko}; 공개된 ${form.ko} 금액 ${won(part).ko} — ${holds ? '충족' : '미달'}.`,
    },
  }
}

function laborCostShare(
  rule: Extract<SpendingRule, { kind: 'labor-cost-share' }>,
  year: number,
  x: RuleInputs,
): Pick<RuleResult, 'status' | 'derivation'> {
  const word = rule.bound === 'min' ? { en: 'at least', ko: '이상' } : { en: 'at most', ko: '이하' }
  if (x.labor === null)
    return {
      status: 'unknown',
      derivation: {
        en: `${year}: the labor allocation is not published, so the share cannot be computed.`,
        ko: `${year}년: 인건비 배정액이 공개되지 않아 비율을 계산할 수 없음.`,
      },
    }
  if (x.laborCostTotal === null) {
    // labor ≥ pct·T ⇔ T ≤ labor·100/pct (min); labor ≤ pct·T ⇔ T ≥ labor·100/pct (max)
    const bound = inversePct(x.labor, rule.pct, rule.bound === 'max')
    const implied =
      rule.bound === 'min'
        ? { en: `at most ${won(bound).en}`, ko: `${won(bound).ko} 이하` }
        : { en: `at least ${won(bound).en}`, ko: `${won(bound).ko} 이상` }
    return {
      status: 'unknown',
      derivation: {
        en: `${year}: the SMA must fund ${word.en} ${rule.pct} % of the Korean employees' total labor cost, which is not published; with labor ${won(x.labor).en} the rule holds if that total is ${implied.en}.`,
        ko: `${year}년: 방위비분담금은 한국인 근로자 총인건비의 ${rule.pct}% ${withParticle(word.ko, '을')} 지원해야 하나 총인건비는 공개되지 않음; 인건비 ${won(x.labor).ko} 기준, 총인건비가 ${implied.ko}이면 충족.`,
      },
    }
  }
  const { num, den } = pctParts(rule.pct)
  const lhs = x.labor * den
  const rhs = x.laborCostTotal * num
  const holds = rule.bound === 'min' ? lhs >= rhs : lhs <= rhs
  return {
    status: holds ? 'holds' : 'violated',
    derivation: {
      en: `${year}: labor ${won(x.labor).en} of a total labor cost of ${won(x.laborCostTotal).en}; the rule requires ${word.en} ${rule.pct} % — ${holds ? 'holds' : 'does not hold'}.`,
      ko: `${year}년: 총인건비 ${won(x.laborCostTotal).ko} 중 분담금 인건비 ${won(x.labor).ko}; ${rule.pct}% ${word.ko} 요건 — ${holds ? '충족' : '미충족'}.`,
    },
  }
}

/** Every rule that covers the year, evaluated. */
export function evaluateSpendingRules(
  rules: readonly SpendingRule[],
  year: number,
  x: RuleInputs,
): RuleResult[] {
  return rules
    .filter((r) => r.years.includes(year))
    .map((r) => {
      const base = { id: r.id, kind: r.kind, text: r.text, sources: r.sources }
      if (r.kind === 'form-share') return { ...base, ...formShare(r, year, x) }
      if (r.kind === 'labor-cost-share') return { ...base, ...laborCostShare(r, year, x) }
      return {
        ...base,
        status: 'not-evaluable' as const,
        derivation: {
          en: `${year}: a limit on use that the yearly figures cannot show; no published check of its execution was found.`,
          ko: `${year}년: 연도별 금액으로는 확인할 수 없는 사용 제한; 이행 점검 결과는 공개된 것이 없음.`,
        },
      }
    })
}
