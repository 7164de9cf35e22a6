import type { z } from 'zod'
import type { Permission } from '../domain/access/permissions.js'
import { problemSchema } from './problem.js'

/**
 * An operation of the API, declared once: its method and path, the one permission it needs, its
 * words for the OpenAPI document and the zod schemas of what goes in and out. The server binds a
 * handler to it (src/server/bind.ts); the web and the CLI call it by the same declaration.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429

export interface OperationParts {
  readonly params?: z.ZodType
  readonly querystring?: z.ZodType
  readonly headers?: z.ZodType
  readonly body?: z.ZodType
  /** The success body; `null` for 204 No Content. */
  readonly response: z.ZodType | null
  /** The success status (default 200). */
  readonly status?: 200 | 201 | 204
  /** Error statuses beyond the defaults of a read (400 401 403 404 429) or a write (+409 413 415). */
  readonly errors?: readonly ErrorStatus[]
  readonly description?: string
  /** Files the success response can also be (besides its JSON), by `?format=` or Accept. */
  readonly files?: readonly FileKind[]
}

export type FileKind = 'csv' | 'xlsx' | 'pdf' | 'ics'
const FILE_MEDIA: Record<FileKind, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar',
}

/**
 * The success response of an operation with files: its JSON (if any) and each file's media type,
 * documented as binary.
 */
export function fileResponse(op: Operation, json: z.ZodType | null, binary: z.ZodType) {
  const files = op.parts.files ?? []
  return {
    description: op.summary,
    content: {
      ...(json === null ? {} : { 'application/json': { schema: json } }),
      ...Object.fromEntries(files.map((f) => [FILE_MEDIA[f], { schema: binary }])),
    },
  }
}

export interface Operation<P extends OperationParts = OperationParts> {
  readonly operationId: string
  readonly method: Method
  readonly url: string
  readonly permission: Permission
  readonly summary: string
  readonly tags: readonly string[]
  readonly parts: P
}

type Draft<P extends OperationParts> = Omit<Operation<P>, 'operationId' | 'tags'>

function draft(method: Method) {
  return <const P extends OperationParts>(
    url: string,
    permission: Permission,
    summary: string,
    parts: P,
  ): Draft<P> => ({ method, url, permission, summary, parts })
}
export const get = draft('GET')
export const post = draft('POST')
export const put = draft('PUT')
export const del = draft('DELETE')

/** Names each operation of a group by its key (the `operationId`) and tags it. */
export function operations<const T extends Record<string, Draft<OperationParts>>>(
  tag: string,
  drafts: T,
): { [K in keyof T]: T[K] extends Draft<infer P> ? Operation<P> : never } {
  const out: Record<string, Operation> = {}
  for (const [operationId, d] of Object.entries(drafts))
    out[operationId] = { ...d, operationId, tags: [tag] }
  return out as never
}

const READ_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404, 429]
const WRITE_ERRORS: readonly ErrorStatus[] = [...READ_ERRORS, 409, 413, 415]
const ERROR_TITLE: Record<ErrorStatus, string> = {
  400: 'The request is not valid',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found (or not visible to you)',
  409: 'Conflict with the current state',
  412: 'The resource changed since you read it (stale ETag)',
  413: 'The body is too large',
  415: 'Unsupported content type',
  422: 'The request cannot be processed',
  428: 'If-Match is required',
  429: 'Too many requests',
}

/** The error responses of an operation, each an `application/problem+json` Problem. */
export function errorResponses(op: Operation) {
  const base = op.method === 'GET' ? READ_ERRORS : WRITE_ERRORS
  const statuses = [...new Set([...base, ...(op.parts.errors ?? [])])].sort()
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: ERROR_TITLE[s],
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  )
}
