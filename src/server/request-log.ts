import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

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
