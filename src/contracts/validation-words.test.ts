import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { latinWords } from '../domain/text/latin-words.js'
import { idParam, money, webUrl } from './common.js'
import { indexValueBody } from './indices.js'
import { issueKo, said } from './validation-words.js'

/** The Korean of the first issue of a failed parse (the value absent when `missing`). */
function koOf(schema: z.ZodType, input: unknown, missing = false): string {
  const r = schema.safeParse(input)
  if (r.success) throw new Error('expected a failure')
  const issue = r.error.issues[0]
  if (issue === undefined) throw new Error('no issue')
  return issueKo(issue, missing)
}

describe('validation issues in Korean', () => {
  it('word types, with the copula after a final consonant or a vowel', () => {
    expect(koOf(z.string(), 3)).toBe('문자열이어야 합니다.')
    expect(koOf(z.int(), 1.5)).toBe('정수여야 합니다.')
    expect(koOf(z.number(), 'x')).toBe('숫자여야 합니다.')
    expect(koOf(z.array(z.string()), 'x')).toBe('배열이어야 합니다.')
    expect(koOf(z.object({ a: z.string() }), { a: undefined }, true)).toBe(
      '값이 없습니다. 반드시 입력하십시오.',
    )
  })

  it('word bounds of texts, lists and numbers', () => {
    expect(koOf(z.string().min(1), '')).toBe('비워 둘 수 없습니다.')
    expect(koOf(z.string().max(2000), 'x'.repeat(2001))).toBe('2000자를 넘을 수 없습니다.')
    expect(koOf(z.array(z.string()).max(50), Array(51).fill('a'))).toBe('50개를 넘을 수 없습니다.')
    expect(koOf(z.array(z.string()).min(1), [])).toBe('하나 이상 있어야 합니다.')
    expect(koOf(z.int().min(1900), 1800)).toBe('1900 이상이어야 합니다.')
    expect(koOf(z.int().max(1_000_000), 2_000_000)).toBe('1,000,000 이하여야 합니다.')
    expect(koOf(z.number().gt(0), 0)).toBe('0보다 커야 합니다.')
    expect(koOf(z.string().length(6), '123')).toBe('6자여야 합니다.')
  })

  it('word formats, enumerations and unknown keys', () => {
    expect(koOf(z.iso.date(), '2026-13-45')).toBe('날짜 형식(YYYY-MM-DD)이어야 합니다.')
    expect(koOf(z.enum(['KR', 'US']), 'JP')).toBe('다음 값 중 하나여야 합니다: "KR", "US".')
    expect(koOf(z.strictObject({ a: z.string() }), { a: 'x', role: 'admin' })).toBe(
      '알 수 없는 항목입니다: "role".',
    )
  })

  it("use a schema's own message in both languages where the schema gives one", () => {
    expect(koOf(money, '1,000')).toBe(
      '금액은 원 단위 정수를 숫자 문자열로 쓰십시오(예: "1519200000000").',
    )
    expect(koOf(idParam, '-x')).toBe(
      '영문자, 숫자, 마침표(.), 붙임표(-), 밑줄(_)로 128자까지 쓸 수 있습니다.',
    )
    expect(koOf(webUrl, 'javascript:alert(1)')).toBe('http 또는 https 웹 주소여야 합니다.')
    const schema = z.string().regex(/^\d+$/, said('digits, please', '숫자만 쓰십시오.'))
    expect(koOf(schema, 'x')).toBe('숫자만 쓰십시오.')
  })

  it("carry a refinement's own Korean (an implausible index value)", () => {
    const body = {
      period: 2025,
      value: '-999',
      vintage: 'v',
      releasedOn: null,
      sources: ['https://kosis.kr'],
    }
    expect(koOf(indexValueBody, body)).toBe(
      '지수 값 -999는 연간 변동률로 가능한 범위(-50%~100%)를 벗어납니다.',
    )
  })

  it('fall back to a general sentence for an issue it has no words for', () => {
    expect(issueKo({ code: 'something_new', message: 'x' }, false)).toBe('값이 올바르지 않습니다.')
  })

  it('write Korean sentences: no Latin words besides formats and quoted values', () => {
    const samples = [
      koOf(z.string(), 3),
      koOf(z.string().max(5), 'xxxxxx'),
      koOf(z.enum(['KR', 'US']), 'JP'),
      koOf(z.boolean(), 'yes'),
    ]
    for (const s of samples) {
      const unquoted = s.replace(/"[^"]*"/g, ' ')
      expect(latinWords(unquoted, ['true', 'false']), s).toEqual([])
    }
  })
})
