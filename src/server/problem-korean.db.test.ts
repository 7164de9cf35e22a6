import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../db/test-harness.js'
import { call, testApp } from './test-support.js'

/**
 * Every refusal the API sends is worded in Korean too (`detailKo`, which the Korean web app
 * shows), down to a schema's field errors; only not-found has none, so a missing and a hidden
 * object answer alike.
 */
interface Answer {
  type: string
  detail: string
  detailKo?: string
  errors?: { pointer: string; detail: string; detailKo?: string }[]
}

const HANGUL = /[가-힣]/

describe.each(testDialects())('refusals in Korean on $name', (dialect) => {
  const t = testApp(() => dialect.open())

  it('names a schema violation in Korean, field by field', async () => {
    const res = await call(t, t.as('KR-negotiator'), 'POST', '/api/negotiations', {
      id: 'Bad Id!',
      title: { en: 'x' },
      replaces: null,
      visibility: 'private',
      deadlines: [],
      role: 'admin',
    })
    expect(res.statusCode).toBe(400)
    const p = res.json<Answer>()
    expect(p.type).toMatch(/validation-failed$/)
    expect(p.detail).toBe('The body is not valid.')
    expect(p.detailKo).toBe(
      '요청 본문에 올바르지 않은 항목이 3건 있습니다. 첫 번째 "/id": 영문 소문자, 숫자, 붙임표(-)로 3~64자를 쓰십시오.',
    )
    const byPointer = new Map(p.errors?.map((e) => [e.pointer, e.detailKo]))
    expect(byPointer.get('/id')).toBe('영문 소문자, 숫자, 붙임표(-)로 3~64자를 쓰십시오.')
    expect(byPointer.get('/title/ko')).toBe('값이 없습니다. 반드시 입력하십시오.')
    expect(byPointer.get('/')).toBe('알 수 없는 항목입니다: "role".')
  })

  it('words the refusals of the HTTP layer in Korean', async () => {
    const kr = t.as('KR-negotiator')
    const cases: [string, Promise<LightMyRequestResponse>, number][] = [
      [
        'malformed JSON',
        t.app.inject({
          method: 'POST',
          url: '/api/negotiations',
          headers: {
            authorization: `Bearer ${kr.token ?? ''}`,
            'content-type': 'application/json',
          },
          payload: '{"id": ',
        }),
        400,
      ],
      [
        'not JSON',
        t.app.inject({
          method: 'POST',
          url: '/api/negotiations',
          headers: { authorization: `Bearer ${kr.token ?? ''}`, 'content-type': 'application/xml' },
          payload: '<a/>',
        }),
        415,
      ],
      ['anonymous write', call(t, t.as('anonymous'), 'POST', '/api/negotiations', {}), 401],
      ['role too low', call(t, t.as('KR-viewer'), 'POST', '/api/negotiations', {}), 403],
      [
        'malformed token',
        t.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Bearer x' } }),
        401,
      ],
      ['bad query', call(t, kr, 'GET', '/api/agreements/rok-us-sma-12/schedule?index=KR_CPI'), 400],
    ]
    for (const [what, answer, status] of cases) {
      const res = await answer
      expect(res.statusCode, what).toBe(status)
      const p = res.json<Answer>()
      expect(p.detailKo, what).toMatch(HANGUL)
      expect(p.detail, what).not.toMatch(HANGUL)
    }
  })

  it('answers not-found with the one English body, missing or hidden alike', async () => {
    for (const url of ['/api/agreements/no-such-agreement', '/api/no-such-route']) {
      const res = await call(t, t.as('anonymous'), 'GET', url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json<Answer>().detailKo, url).toBeUndefined()
    }
  })
})
