import { DomainError } from '../errors.js'
import { agreementSpecSchema, type AgreementSpec, type Rule } from './spec.js'
import { extendableRule } from './variant.js'

/** The new term of a continuation and the first year's stated increase. */
export interface ContinuationTerms {
  readonly firstYear: number
  readonly lastYear: number
  /** The first year's increase over the predecessor's last year, percent as decimal text. */
  readonly increasePct: string
}

/** The longest term a template is drawn for (every SMA so far ran 1 to 6 years). */
export const TEMPLATE_MAX_YEARS = 10

const unknownFact = { status: 'unknown' as const }

/**
 * A draft spec that continues an agreement's rules over a new term: the first year is the
 * predecessor's last-year amount (its own computed figure, `use: 'schedule'`, so the draft is
 * pending exactly as long as that year is) times (1 + increasePct / 100), rounded as the
 * predecessor rounds; every later year follows the predecessor's escalation rule (index, lag,
 * cap, floor, rounding) compounding on the previous year. Nothing is published, signed or dated.
 * Refused (`unprocessable`) when the term does not follow the predecessor or, for a term over one
 * year, when the predecessor has no rule compounding on the previous year to continue.
 * @example continuationTemplate(sma12, { firstYear: 2031, lastYear: 2035, increasePct: '5' })
 * // rules: first-year (2031 = SMA-12 2030 × 1.05, rounded half-up to ₩100,000,000),
 * //        escalation 2032–2035 (KR_CPI, lag 2, cap 5 %, floor 0 %)
 */
export function continuationTemplate(spec: AgreementSpec, terms: ContinuationTerms): AgreementSpec {
  const { firstYear, lastYear, increasePct } = terms
  function refuse(en: string, ko: string): never {
    throw new DomainError('unprocessable', en, { ko })
  }
  if (firstYear <= spec.term.lastYear)
    refuse(
      `the new term must start after ${spec.term.lastYear}, the last year of ${spec.id}`,
      `새 협정 기간은 ${spec.title.ko}의 마지막 해(${spec.term.lastYear}년) 이후에 시작해야 합니다.`,
    )
  if (lastYear < firstYear || lastYear - firstYear + 1 > TEMPLATE_MAX_YEARS)
    refuse(
      `the term must run 1 to ${TEMPLATE_MAX_YEARS} years`,
      `협정 기간은 1년에서 ${TEMPLATE_MAX_YEARS}년 사이여야 합니다.`,
    )
  const escalation = extendableRule(spec)
  if (lastYear > firstYear && escalation === undefined)
    refuse(
      `${spec.id} has no escalation rule to continue`,
      `${spec.title.ko}에는 이어 적용할 인상 규칙이 없습니다.`,
    )
  const firstRule = spec.rules.find((r) => r.kind === 'negotiated-increase')
  const rounding =
    (firstRule && 'rounding' in firstRule ? firstRule.rounding : undefined) ??
    (escalation && 'rounding' in escalation ? escalation.rounding : undefined)
  if (rounding === undefined)
    refuse(
      `${spec.id} states no rounding to continue`,
      `${spec.title.ko}에는 이어 적용할 반올림 규칙이 없습니다.`,
    )
  const rules: Rule[] = [
    {
      id: 'first-year',
      kind: 'negotiated-increase',
      cite: [],
      note: {
        en: `Continues ${spec.id}: its ${spec.term.lastYear} amount times the stated increase.`,
        ko: `${spec.title.ko}의 ${spec.term.lastYear}년 금액에 제시된 인상률을 적용합니다.`,
      },
      year: firstYear,
      base: {
        kind: 'agreement-year',
        agreement: spec.id,
        year: spec.term.lastYear,
        use: 'schedule',
      },
      parts: [{ pct: increasePct, label: { en: 'first-year increase', ko: '첫해 인상률' } }],
      rounding,
    },
  ]
  if (escalation && lastYear > firstYear && 'years' in escalation) {
    const years: number[] = []
    for (let y = firstYear + 1; y <= lastYear; y++) years.push(y)
    rules.push({
      ...escalation,
      years,
      note: {
        en: `The escalation rule of ${spec.id}, continued.`,
        ko: `${spec.title.ko}의 연간 인상 규칙을 이어 적용합니다.`,
      },
    })
  }
  const draft = {
    ...spec,
    id: `${spec.id}-next-${firstYear}`,
    revision: 1,
    ordinal: null,
    title: {
      en: `Draft continuing the ${spec.title.en}, ${firstYear}–${lastYear}`,
      ko: `${spec.title.ko} 후속 협정안(${firstYear}~${lastYear}년)`,
    },
    term: { ...spec.term, firstYear, lastYear },
    lifecycle: {
      negotiatorsAppointed: unknownFact,
      textAgreed: unknownFact,
      initialled: unknownFact,
      signed: unknownFact,
      approval: { host: unknownFact, stationing: unknownFact },
      entryIntoForce: unknownFact,
      expiry: unknownFact,
    },
    signatories: null,
    rules,
    published: [],
    reportedEquivalents: [],
    termTotal: null,
    categories: spec.categories ? { ...spec.categories, amounts: [] } : null,
    description: {
      en: `A draft for ${firstYear}–${lastYear} that continues the rules of the ${spec.title.en}.`,
      ko: `${spec.title.ko}의 규칙을 ${firstYear}~${lastYear}년에 이어 적용하는 협정안입니다.`,
    },
    openQuestions: [],
  }
  return agreementSpecSchema.parse(draft)
}
