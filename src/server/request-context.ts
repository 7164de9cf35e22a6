import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { IfMatch } from '../contracts/common.js'
import type { Delegation, Permission, Principal } from '../domain/access/permissions.js'
import type { InstanceKey } from '../services/signing/instance-key.js'
import { scopeOf, type AccessScope } from '../domain/access/scope.js'
import { DomainError } from '../domain/errors.js'
import type { RecordSource } from '../domain/record/record.js'
import type { DatabaseHandle } from '../db/open.js'
import type { Actor } from '../services/audit.js'
import type { Reader, Writer } from '../services/context.js'
import type { SpecCache } from '../services/record/spec-cache.js'
import { actorOf, type Authenticated } from '../services/users.js'
import type { ResponseCache } from './http-cache.js'
import type { Problem } from './problem.js'
import type { RunQueue } from '../services/heavy-work/run-queue.js'

/**
 * What a route module needs and nothing more: the app type, what every route receives, who is
 * asking, and the If-Match rule. Routes import this module, never app.ts, so there is no cycle.
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null for an anonymous visitor. Set by the onRequest auth hook. */
    auth: Authenticated | null
  }
  interface FastifyContextConfig {
    /** The one permission a route needs (src/domain/access/permissions.ts). */
    permission?: Permission
  }
  interface FastifyInstance {
    /** Every route registered on this app, for the authorization-matrix completeness check. */
    routeCatalog: readonly { method: string; url: string; permission: Permission | undefined }[]
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/** What every route module receives. */
export interface RouteContext {
  readonly store: DatabaseHandle
  readonly now: () => Date
  readonly today: () => string
  readonly cache: SpecCache
  /** Serialized answers of public reads (src/server/cached-read.ts), one per app instance. */
  readonly responses: ResponseCache
  /** The database's record, scoped per request. */
  readonly record: RecordSource
  readonly secureCookies: boolean
  /** The real clock TOTP codes follow (never SMA_NOW's pinned date); tests pin it. */
  readonly otpNow: () => Date
  readonly loginPerMinute: number
  /** Worker threads of the projection pool (default: available parallelism). */
  readonly projectionThreads?: number | undefined
  /** The server's limit on heavy runs computing at once, and their queue (issue 14). */
  readonly runQueue: RunQueue
  /** Where signed audit checkpoints are kept, and whose signatures count. */
  readonly auditCheckpoints?: AuditCheckpointSource | undefined
  /** The delegations with accounts on this instance (SMA_PARTIES). */
  readonly parties: readonly Delegation[]
  /** The instance's Ed25519 key for signed exchange; undefined when not configured. */
  readonly instanceKey?: InstanceKey | undefined
}

export const SESSION_COOKIE = 'sma_session'

/** Sends a problem+json body (pre-serialized: error paths never depend on a response schema). */
export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply
    .code(p.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(p))
}

/** A directory of signed audit checkpoints and the key fingerprints trusted to sign them. */
export interface AuditCheckpointSource {
  readonly dir: string
  readonly trusted: ReadonlySet<string>
}

/** The data-level scope of a request: the asker's delegation, or the public. */
export function scopeOfRequest(req: FastifyRequest): AccessScope {
  return scopeOf(req.auth?.principal ?? null)
}

/** The logged-in asker as principal, audit actor and scope; anonymous → 401. */
export function who(req: FastifyRequest): {
  principal: Principal
  actor: Actor
  scope: AccessScope
} {
  const principal = req.auth?.principal
  if (!principal)
    throw new DomainError('unauthorized', 'Log in first.', { ko: '먼저 로그인하십시오.' })
  return { principal, actor: actorOf(principal), scope: scopeOf(principal) }
}

/**
 * `If-Match` per RFC 9110 §13.1.1: `*`, or a list of entity tags (`"a", W/"b"`). A missing
 * header is refused by the route's header schema (mapped to 428); a malformed one is 400 here
 * (never 412). Weak tags are dropped: a write compares strongly, so they never match (→ 412).
 */
export function requireIfMatch(value: string | undefined): IfMatch {
  if (value === undefined) {
    throw new DomainError('precondition-required', 'Send If-Match with the ETag you read.', {
      ko: '조회할 때 받은 버전 표시(ETag)를 If-Match 헤더에 담아 보내십시오.',
    })
  }
  const text = value.trim()
  if (text === '*') return '*'
  const tag = /\s*(W\/)?"([\x21\x23-\x7e]{0,200})"\s*(?:,|$)/y
  const strong: string[] = []
  let count = 0
  while (tag.lastIndex < text.length) {
    const m = tag.exec(text)
    if (!m) {
      strong.length = 0
      count = 0
      break
    }
    count++
    if (m[1] === undefined && m[2] !== undefined) strong.push(m[2])
  }
  if (count === 0 || count > 20) {
    throw new DomainError(
      'invalid',
      'If-Match must be * or a list of quoted ETags, e.g. "3f2c…" (RFC 9110).',
      {
        ko: 'If-Match 헤더는 * 또는 따옴표로 묶은 버전 표시(ETag) 목록이어야 합니다.',
        errors: [{ pointer: '/headers/if-match', detail: 'an entity tag list or *' }],
      },
    )
  }
  return strong
}

/** What a request reads with: the database, the asker's scope (public when anonymous), the cache. */
export function readerOf(req: FastifyRequest, ctx: RouteContext): Reader {
  return { db: ctx.store.db, scope: scopeOfRequest(req), cache: ctx.cache }
}

/** What a request writes with: the logged-in asker (401 otherwise), the store and the clock. */
export function writerOf(req: FastifyRequest, ctx: RouteContext): Writer {
  const { actor, scope } = who(req)
  return { store: ctx.store, actor, scope, cache: ctx.cache, now: ctx.now }
}

/** What a route module is given: the app, the context, and its requests' readers and writers. */
export interface RouteKit {
  readonly app: App
  readonly ctx: RouteContext
  readonly reader: (req: FastifyRequest) => Reader
  readonly writer: (req: FastifyRequest) => Writer
}

export function routeKit(app: App, ctx: RouteContext): RouteKit {
  return { app, ctx, reader: (req) => readerOf(req, ctx), writer: (req) => writerOf(req, ctx) }
}
