import { withParticle } from '../domain/text/korean-particles.js'

/**
 * The words of a request that failed its schema, in Korean beside zod's English. zod words its
 * issues in English only; the Korean web app and Korean API users need the same facts in
 * Korean, so each issue is described here from its code and parameters (never by translating
 * zod's sentence). A schema's own message (a regular expression's hint, a refinement) is given
 * in both languages where the schema is written, through `said`.
 */

/** The Korean of each schema message registered with `said`, keyed by its English. */
const KOREAN_OF = new Map<string, string>()

/**
 * A schema's own message in English, with its Korean registered for the error answer. Returns
 * the English, which is what zod takes.
 * @example z.string().regex(/^\d+$/, said('digits only', '숫자만 쓸 수 있습니다.'))
 */
export function said(en: string, ko: string): string {
  KOREAN_OF.set(en, ko)
  return en
}

/** What the validator reports of one issue: zod's issue, or Fastify's copy of it. */
export interface IssueLike {
  readonly code?: string
  readonly message: string
}

const TYPE_KO: Readonly<Record<string, string>> = {
  string: '문자열',
  number: '숫자',
  int: '정수',
  bigint: '정수',
  boolean: '참 또는 거짓(true 또는 false)',
  object: '객체',
  array: '배열',
  date: '날짜',
}

const FORMAT_KO: Readonly<Record<string, string>> = {
  date: '날짜 형식(YYYY-MM-DD)이어야 합니다.',
  datetime: '일시 형식(ISO 8601)이어야 합니다.',
  email: '전자우편 주소 형식이 아닙니다.',
  url: '웹 주소(http 또는 https) 형식이 아닙니다.',
  uuid: 'UUID 형식이 아닙니다.',
}

/** A bound as written: digits grouped from 10,000 up (a year such as 1900 stays as it is). */
const num = (v: unknown): string =>
  (typeof v === 'number' || typeof v === 'bigint') && Math.abs(Number(v)) >= 10_000
    ? v.toLocaleString('ko-KR')
    : String(v)

const quoted = (vs: readonly unknown[]): string =>
  vs
    .slice(0, 10)
    .map((v) => `"${String(v)}"`)
    .join(', ') + (vs.length > 10 ? ' 등' : '')

/**
 * One issue in Korean. `missing` says the value was absent (zod 4 does not report the input, so
 * the caller looks it up).
 * @example issueKo({ code: 'too_small', message: '…', origin: 'number', minimum: 1900, inclusive: true }, false)
 *   // "1900 이상이어야 합니다."
 */
export function issueKo(given: IssueLike, missing: boolean): string {
  // The parameters differ by code (zod's issue types); read them as plain fields.
  const issue = given as IssueLike & Readonly<Record<string, unknown>>
  const own = KOREAN_OF.get(issue.message)
  if (own !== undefined) return own
  const params = issue.params as { ko?: unknown } | undefined
  if (typeof params?.ko === 'string') return params.ko
  if (missing && issue.code !== 'unrecognized_keys') return '값이 없습니다. 반드시 입력하십시오.'
  switch (issue.code) {
    case 'invalid_type': {
      const t = TYPE_KO[String(issue.expected)]
      return t === undefined
        ? '값의 형식이 올바르지 않습니다.'
        : `${withParticle(t, '이어야')} 합니다.`
    }
    case 'too_small':
      return bound(issue, 'minimum')
    case 'too_big':
      return bound(issue, 'maximum')
    case 'invalid_format':
      return FORMAT_KO[String(issue.format)] ?? '형식이 올바르지 않습니다.'
    case 'invalid_value':
      return Array.isArray(issue.values)
        ? `다음 값 중 하나여야 합니다: ${quoted(issue.values)}.`
        : '허용되지 않는 값입니다.'
    case 'unrecognized_keys':
      return Array.isArray(issue.keys)
        ? `알 수 없는 항목입니다: ${quoted(issue.keys)}.`
        : '알 수 없는 항목이 있습니다.'
    case 'not_multiple_of':
      return `${num(issue.divisor)}의 배수여야 합니다.`
    case 'invalid_union':
      return '허용되는 형식 중 어느 것에도 맞지 않습니다.'
    case 'invalid_key':
      return '항목 이름이 올바르지 않습니다.'
    case 'invalid_element':
      return '항목 중 올바르지 않은 값이 있습니다.'
    default:
      return '값이 올바르지 않습니다.'
  }
}

/** What a text's and a list's bounds count, and what a minimum of one means for each. */
const COUNTED: Readonly<Record<string, { readonly unit: string; readonly notEmpty: string }>> = {
  string: { unit: '자', notEmpty: '비워 둘 수 없습니다.' },
  array: { unit: '개', notEmpty: '하나 이상 있어야 합니다.' },
  set: { unit: '개', notEmpty: '하나 이상 있어야 합니다.' },
}

/** A size or range bound in Korean: characters of a text, items of a list, or a number. */
function bound(issue: Readonly<Record<string, unknown>>, side: 'minimum' | 'maximum'): string {
  const n = issue[side]
  const counted = COUNTED[String(issue.origin)]
  if (counted !== undefined) {
    // both units end in a vowel: 여야, 를
    const { unit, notEmpty } = counted
    if (issue.exact === true) return `${num(n)}${unit}여야 합니다.`
    if (side === 'minimum' && n === 1) return notEmpty
    return side === 'minimum'
      ? `${num(n)}${unit} 이상이어야 합니다.`
      : `${num(n)}${unit}를 넘을 수 없습니다.`
  }
  const inclusive = issue.inclusive !== false
  if (side === 'minimum')
    return inclusive ? `${num(n)} 이상이어야 합니다.` : `${num(n)}보다 커야 합니다.`
  return inclusive ? `${num(n)} 이하여야 합니다.` : `${num(n)}보다 작아야 합니다.`
}

/** The part of a request a validation error is about, in Korean. */
export const REQUEST_PART_KO: Readonly<Record<string, string>> = {
  body: '요청 본문',
  querystring: '질의 매개변수',
  params: '경로 매개변수',
  headers: '요청 헤더',
}
