import { describe, expect, it } from 'vitest'
import { baseInOtherCurrency, EvaluationError, missingBase } from './evaluation-error.js'

describe('the words of an evaluation error', () => {
  it('is an unprocessable DomainError named EvaluationError, with its Korean', () => {
    const e = new EvaluationError('no base', '기준 금액이 없습니다.')
    expect(e).toMatchObject({
      name: 'EvaluationError',
      code: 'unprocessable',
      message: 'no base',
      extra: { ko: '기준 금액이 없습니다.' },
    })
  })

  it('says why a base is missing, for each reason, in both languages', () => {
    expect(missingBase('no-previous', 'rok-us-sma-11', 2025)).toEqual({
      en: 'no 2025 figure in rok-us-sma-11 to escalate from',
      ko: '"rok-us-sma-11" 협정에 증액의 기준이 될 2025년 금액이 없습니다.',
    })
    expect(missingBase('not-computed', 'rok-us-sma-11', 2025)).toEqual({
      en: 'no computed figure for rok-us-sma-11 2025',
      ko: '"rok-us-sma-11" 협정의 2025년 계산 금액이 없습니다.',
    })
    expect(missingBase('unknown', 'rok-us-sma-11', 2025)).toEqual({
      en: 'rok-us-sma-11 2025 is unknown',
      ko: '"rok-us-sma-11" 협정의 2025년 금액을 알 수 없습니다.',
    })
    expect(missingBase('not-published', 'rok-us-sma-11', 2025)).toEqual({
      en: 'no published figure for rok-us-sma-11 2025',
      ko: '"rok-us-sma-11" 협정의 2025년 발표 금액이 없습니다.',
    })
  })

  it('says a base in another currency was computed or published in it', () => {
    expect(baseInOtherCurrency('jp-us-sma-2022', 2022, 'published', 'JPY', 'KRW')).toEqual({
      en: 'jp-us-sma-2022 2022 is published in JPY, not KRW',
      ko: '"jp-us-sma-2022" 협정의 2022년 금액은 KRW 통화가 아닌 JPY 통화로 발표되었습니다.',
    })
    expect(baseInOtherCurrency('jp-us-sma-2022', 2024, 'computed', 'JPY', 'USD')).toEqual({
      en: 'jp-us-sma-2022 2024 is computed in JPY, not USD',
      ko: '"jp-us-sma-2022" 협정의 2024년 금액은 USD 통화가 아닌 JPY 통화로 계산되어 있습니다.',
    })
  })
})
