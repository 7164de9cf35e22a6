import { z } from 'zod'
import { DELEGATIONS, PARTIES, ROLES } from '../domain/access/permissions.js'
import { VISIBILITIES } from '../domain/access/scope.js'
import { said } from './validation-words.js'

/**
 * Building blocks of the API's request and response shapes. The vocabulary (parties, roles,
 * visibilities, series ids, event kinds) is defined once in the domain and only referenced here.
 * Request bodies are strict (unknown keys → 400, so no mass assignment); response schemas are
 * allow-lists: the serializer drops every field they do not name.
 */
export const idParam = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
    said(
      'letters, digits, dot, dash, underscore (≤ 128)',
      '영문자, 숫자, 마침표(.), 붙임표(-), 밑줄(_)로 128자까지 쓸 수 있습니다.',
    ),
  )
export const isoDate = z.iso.date()
export const text = (max: number) => z.string().max(max)
/** A response list: readonly in TypeScript, a plain array in JSON. */
export const ro = <T extends z.ZodType>(item: T) => z.array(item).readonly()
export const visibility = z.enum(VISIBILITIES)
export const party = z.enum(PARTIES)
export const delegation = z.enum(DELEGATIONS)
export const role = z.enum(ROLES)
/** A web address: http or https only (no `javascript:`, `data:`, `file:`…). */
export const webUrl = z
  .url({
    protocol: /^https?$/,
    error: said('an http(s) URL', 'http 또는 https 웹 주소여야 합니다.'),
  })
  .max(2000)
/** Source addresses: http(s) URLs only. */
export const sources = z.array(webUrl).max(50)
/** Integer won as a decimal string (no sign, no separators). */
export const money = z
  .string()
  .regex(
    /^(0|[1-9]\d{0,20})$/,
    said(
      'integer won as a decimal string, e.g. "1519200000000"',
      '금액은 원 단위 정수를 숫자 문자열로 쓰십시오(예: "1519200000000").',
    ),
  )
export const localized = z.object({ en: z.string(), ko: z.string() })

/**
 * Who did something, as every party may see it: the delegation (or PUBLIC) and the role, never
 * the person's email or name (issue 14). Null for the shipped history.
 */
export const author = z.object({ party, role }).meta({ id: 'Author' })
export type Author = z.infer<typeof author>

export const createdResponse = z.object({ id: z.string() }).meta({ id: 'Created' })
export type Created = z.infer<typeof createdResponse>

/** `If-Match: "<etag>"`, required on every replace of a versioned document (missing → 428). */
export const ifMatchHeaders = z.object({ 'if-match': z.string().max(2000) })
/**
 * A parsed If-Match (RFC 9110 §13.1.1): `*` (any current version) or the strong entity tags
 * listed. Weak tags never match a write (strong comparison), so they are left out: a header of
 * weak tags only is an empty list, which fails with 412.
 */
export type IfMatch = '*' | readonly string[]

/**
 * A response that wraps one value under a key, named for the OpenAPI document:
 * `wrap('position', positionView, 'PositionResponse')` is `{ position: Position }`.
 */
export function wrap<K extends string, T extends z.ZodType>(key: K, item: T, id: string) {
  return z.object({ [key]: item } as { [P in K]: T }).meta({ id })
}

/** A list response: `list('positions', positionView, 'PositionList')` is `{ positions: Position[] }`. */
export function list<K extends string, T extends z.ZodType>(key: K, item: T, id: string) {
  return wrap(key, ro(item), id)
}

/** The fields of every versioned document a delegation keeps in a negotiation. */
export const versionedFields = {
  id: z.string(),
  negotiationId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  etag: z.string(),
}
