import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import type { Bindings, ChildLoggerOptions } from 'pino'

/**
 * Which requests get a log line: `all` (Fastify's line per request and per response, for
 * debugging), or `errors-and-slow` (the server's default at `info`: a line only for a response
 * with status ≥ 500 or an error, at error, or one slower than the threshold, at warn).
 */
export type RequestLog = 'all' | 'errors-and-slow'

/** Fastify's request logging, quiet for requests that went well and fast. */
class ErrorsAndSlowRequests extends LogController {
  constructor(readonly slowMs: number) {
    super()
  }

  override incomingRequest(): void {
    // nothing: a line is written only when the outcome is known and worth reading
  }

  override requestCompleted(
    error: Error | null | undefined,
    _request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const responseTime = reply.elapsedTime
    if (error || reply.statusCode >= 500) {
      reply.log.error(
        { req: reply.request, res: reply, err: error, responseTime },
        'request failed',
      )
    } else if (responseTime >= this.slowMs) {
      reply.log.warn({ req: reply.request, res: reply, responseTime }, 'slow request')
    }
  }
}

/** The log controller for a request-log policy (Fastify's own for `all`). */
export function requestLogController(policy: RequestLog, slowMs: number): LogController {
  return policy === 'all' ? new LogController() : new ErrorsAndSlowRequests(slowMs)
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/**
 * A request's logger, made only when the request logs something: Fastify builds a pino child
 * (its bindings serialised to JSON) for every request, while with `errors-and-slow` almost no
 * request writes a line. Same lines as the child it stands for (it is that child, made late).
 */
class DeferredChild implements FastifyBaseLogger {
  #made: FastifyBaseLogger | undefined

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  #child(): FastifyBaseLogger {
    this.#made ??= this.parent.child(this.bindings, this.options)
    return this.#made
  }

  get level(): string {
    return this.#made?.level ?? this.options.level ?? this.parent.level
  }

  set level(level: string) {
    this.#child().level = level
  }

  #log(level: Level, args: unknown[]): void {
    const child = this.#child()
    Reflect.apply(child[level], child, args)
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args)
  }
  error(...args: unknown[]): void {
    this.#log('error', args)
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args)
  }
  info(...args: unknown[]): void {
    this.#log('info', args)
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args)
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args)
  }
  silent(...args: unknown[]): void {
    this.#log('silent', args)
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#child().child(bindings, options)
  }
}

/** Fastify's `childLoggerFactory`: each request's logger is made on its first line. */
export function deferredChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new DeferredChild(logger, bindings, options)
}
