import { DomainError } from '../errors.js'

/**
 * An input that makes a computation impossible (not merely pending); the message names it.
 * `ko` is the same message in Korean (official wording), required: users meet these errors on
 * the what-if page and the API sends it as `detailKo`.
 */
export class EvaluationError extends DomainError {
  constructor(message: string, ko: string) {
    super('unprocessable', message, { ko })
    this.name = 'EvaluationError'
  }
}

/** Why a rule's base amount cannot be had, in English and in Korean (official wording). */
export interface MissingBase {
  readonly en: string
  readonly ko: string
}

/**
 * Why a rule's base amount is missing: no figure of that year in the agreement's own schedule to
 * escalate from (`no-previous`), none computed in the other agreement's schedule
 * (`not-computed`), a figure that is unknown, or no published figure (`not-published`).
 * @example missingBase('not-published', 'rok-us-sma-11', 2025).ko // '"rok-us-sma-11" 협정의 2025년 발표 금액이 없습니다.'
 */
export function missingBase(
  kind: 'no-previous' | 'not-computed' | 'unknown' | 'not-published',
  agreement: string,
  year: number,
): MissingBase {
  const of = `"${agreement}" 협정의 ${year}년`
  switch (kind) {
    case 'no-previous':
      return {
        en: `no ${year} figure in ${agreement} to escalate from`,
        ko: `"${agreement}" 협정에 증액의 기준이 될 ${year}년 금액이 없습니다.`,
      }
    case 'not-computed':
      return {
        en: `no computed figure for ${agreement} ${year}`,
        ko: `${of} 계산 금액이 없습니다.`,
      }
    case 'unknown':
      return { en: `${agreement} ${year} is unknown`, ko: `${of} 금액을 알 수 없습니다.` }
    case 'not-published':
      return {
        en: `no published figure for ${agreement} ${year}`,
        ko: `${of} 발표 금액이 없습니다.`,
      }
  }
}

/**
 * A base amount in another currency than the rule's: not a base, because converting it needs an
 * exchange rate the rule does not name.
 * @example baseInOtherCurrency('jp-us-sma-2022', 2022, 'published', 'JPY', 'KRW').ko // '"jp-us-sma-2022" 협정의 2022년 금액은 KRW 통화가 아닌 JPY 통화로 발표되었습니다.'
 */
export function baseInOtherCurrency(
  agreement: string,
  year: number,
  how: 'computed' | 'published',
  has: string,
  wanted: string,
): MissingBase {
  return {
    en: `${agreement} ${year} is ${how} in ${has}, not ${wanted}`,
    ko: `"${agreement}" 협정의 ${year}년 금액은 ${wanted} 통화가 아닌 ${has} 통화로 ${how === 'computed' ? '계산되어 있습니다' : '발표되었습니다'}.`,
  }
}
