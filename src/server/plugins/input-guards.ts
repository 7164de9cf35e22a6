import type { Socket } from 'node:net'
import { controlCharacterAt } from '../../domain/text/control-characters.js'
import { BAD_REQUEST, problem, type Problem } from '../problem.js'
import { sendProblem, type App } from '../request-context.js'

/** The longest request target the API reads (longer: 414 problem+json). */
export const MAX_URL_LENGTH = 8192

const REASON: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (oversized headers, malformed
 * request lines, timeouts) answered as problem+json like every other error (issue 14).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const p: Problem =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? problem('header-too-large', 'The request headers (or the URL) are too large.', {
          detailKo: '요청 헤더(또는 URL)가 너무 큽니다.',
        })
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem('request-timeout', 'The request took too long to arrive.', {
            detailKo: '요청이 너무 늦게 도착했습니다.',
          })
        : BAD_REQUEST
  const body = JSON.stringify(p)
  socket.end(
    `HTTP/1.1 ${p.status} ${REASON[p.status] ?? 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/**
 * Input guards for every route: an over-long URL is 414; a control character (NUL…) in any
 * string of the body, query or path is 400 naming where, on both databases alike.
 */
export function registerInputGuards(app: App): void {
  // Callback-style hooks, like the auth hooks: every request passes both, and an async hook
  // costs a promise and a microtask turn each (issue 15's throughput targets).
  app.addHook('onRequest', (req, reply, done) => {
    if (req.url.length > MAX_URL_LENGTH) {
      void sendProblem(
        reply,
        problem('uri-too-long', `The URL exceeds ${MAX_URL_LENGTH} characters.`, {
          detailKo: `URL이 ${MAX_URL_LENGTH}자를 넘습니다.`,
        }),
      )
      return
    }
    done()
  })
  app.addHook('preValidation', (req, reply, done) => {
    // Checked one by one (not through an array of pairs): this runs on every request.
    const refused =
      refusal('', controlCharacterAt(req.body)) ??
      refusal('/querystring', controlCharacterAt(req.query)) ??
      refusal('/params', controlCharacterAt(req.params))
    if (refused === null) {
      done()
      return
    }
    void sendProblem(reply, refused)
  })
}

/** The refusal of a control character found at `at` within the part of the request at `where`. */
function refusal(where: string, at: string | null): Problem | null {
  if (at === null) return null
  // The whole body (pointer "") is shown as "/", as the schema errors show it.
  const pointer = `${where}${at}` || '/'
  return problem('validation-failed', 'Control characters (such as NUL) are not allowed in text.', {
    detailKo: '텍스트에는 제어 문자(NUL 등)를 쓸 수 없습니다.',
    errors: [
      { pointer, detail: 'contains a control character', detailKo: '제어 문자가 있습니다.' },
    ],
  })
}
